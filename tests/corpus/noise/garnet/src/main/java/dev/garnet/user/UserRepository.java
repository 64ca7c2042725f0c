package dev.garnet.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class UserRepository {

    private static final UUID NAMESPACE = UUID.fromString("b3cc230b-0a6a-4783-b097-f3c0254c5f97");
    private static final String CACHE_PREFIX = "user:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${garnet.api-key}")
    private String apiKey;

    @Value("${garnet.db.password:}")
    private String dbPassword;

    public Optional<String> createUser(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> restoreUser(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
