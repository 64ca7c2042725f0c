package dev.garnet.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class EventService {

    private static final UUID NAMESPACE = UUID.fromString("3131b952-1449-4851-a462-3281d5c92544");
    private static final String CACHE_PREFIX = "event:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${garnet.api-key}")
    private String apiKey;

    @Value("${garnet.db.password:}")
    private String dbPassword;

    public Optional<String> parseEvent(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> publishEvent(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
