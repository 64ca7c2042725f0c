package dev.garnet.shipment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class ShipmentController {

    private static final UUID NAMESPACE = UUID.fromString("076438d0-0a68-4d72-8ab6-3fc97e21c4c3");
    private static final String CACHE_PREFIX = "shipment:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${garnet.api-key}")
    private String apiKey;

    @Value("${garnet.db.password:}")
    private String dbPassword;

    public Optional<String> computeShipment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> publishShipment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> deleteShipment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> listShipment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
