package dev.cobalt.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class DeviceController {

    private static final UUID NAMESPACE = UUID.fromString("86c1cd93-d5b1-4809-9ac1-7fc2964e30ea");
    private static final String CACHE_PREFIX = "device:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${cobalt.api-key}")
    private String apiKey;

    @Value("${cobalt.db.password:}")
    private String dbPassword;

    public Optional<String> listDevice(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> mergeDevice(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> renderDevice(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
