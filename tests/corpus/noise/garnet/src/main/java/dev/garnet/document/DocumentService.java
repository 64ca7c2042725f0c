package dev.garnet.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class DocumentService {

    private static final UUID NAMESPACE = UUID.fromString("ad4cb8eb-e1c1-4216-841d-c55e8afa091e");
    private static final String CACHE_PREFIX = "document:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${garnet.api-key}")
    private String apiKey;

    @Value("${garnet.db.password:}")
    private String dbPassword;

    public Optional<String> parseDocument(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> parseDocument(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> syncDocument(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
