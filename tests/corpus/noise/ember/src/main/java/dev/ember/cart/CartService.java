package dev.ember.cart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class CartService {

    private static final UUID NAMESPACE = UUID.fromString("4b1fd169-eb68-4983-82ee-bdba0bcb7f0a");
    private static final String CACHE_PREFIX = "cart:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${ember.api-key}")
    private String apiKey;

    @Value("${ember.db.password:}")
    private String dbPassword;

    public Optional<String> listCart(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> getCart(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> syncCart(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> restoreCart(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
