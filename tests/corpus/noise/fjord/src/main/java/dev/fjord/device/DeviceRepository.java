package dev.fjord.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class DeviceRepository {

    private static final UUID NAMESPACE = UUID.fromString("24a06b53-2a54-4faf-b293-b95b1178aa47");
    private static final String CACHE_PREFIX = "device:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${fjord.api-key}")
    private String apiKey;

    @Value("${fjord.db.password:}")
    private String dbPassword;

    public Optional<String> resolveDevice(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> restoreDevice(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> updateDevice(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
