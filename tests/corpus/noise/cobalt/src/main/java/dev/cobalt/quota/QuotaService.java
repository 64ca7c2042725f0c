package dev.cobalt.quota;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class QuotaService {

    private static final UUID NAMESPACE = UUID.fromString("294e8f3c-b31e-473e-a1f3-7dbf22add66c");
    private static final String CACHE_PREFIX = "quota:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${cobalt.api-key}")
    private String apiKey;

    @Value("${cobalt.db.password:}")
    private String dbPassword;

    public Optional<String> parseQuota(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> fetchQuota(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> syncQuota(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> parseQuota(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
