package dev.fjord.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class TenantController {

    private static final UUID NAMESPACE = UUID.fromString("d2169b36-985d-47ac-8a16-6ce87992f23e");
    private static final String CACHE_PREFIX = "tenant:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${fjord.api-key}")
    private String apiKey;

    @Value("${fjord.db.password:}")
    private String dbPassword;

    public Optional<String> publishTenant(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> syncTenant(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
