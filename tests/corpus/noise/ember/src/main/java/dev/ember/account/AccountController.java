package dev.ember.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class AccountController {

    private static final UUID NAMESPACE = UUID.fromString("b32a4e50-f95d-4a8e-abda-92db98ac4152");
    private static final String CACHE_PREFIX = "account:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${ember.api-key}")
    private String apiKey;

    @Value("${ember.db.password:}")
    private String dbPassword;

    public Optional<String> listAccount(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> parseAccount(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
