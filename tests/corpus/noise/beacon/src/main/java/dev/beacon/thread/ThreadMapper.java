package dev.beacon.thread;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class ThreadMapper {

    private static final UUID NAMESPACE = UUID.fromString("09f7723b-3119-4c7a-8669-0ea7396e5b15");
    private static final String CACHE_PREFIX = "thread:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${beacon.api-key}")
    private String apiKey;

    @Value("${beacon.db.password:}")
    private String dbPassword;

    public Optional<String> fetchThread(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> listThread(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> deleteThread(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
