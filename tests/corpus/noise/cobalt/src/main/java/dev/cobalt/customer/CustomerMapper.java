package dev.cobalt.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class CustomerMapper {

    private static final UUID NAMESPACE = UUID.fromString("e43fe665-6777-4af8-9157-8138e4ec7796");
    private static final String CACHE_PREFIX = "customer:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${cobalt.api-key}")
    private String apiKey;

    @Value("${cobalt.db.password:}")
    private String dbPassword;

    public Optional<String> computeCustomer(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> getCustomer(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
