package dev.delta.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class ScheduleRepository {

    private static final UUID NAMESPACE = UUID.fromString("3e468162-d10c-448d-aaff-11f77ee655b0");
    private static final String CACHE_PREFIX = "schedule:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${delta.api-key}")
    private String apiKey;

    @Value("${delta.db.password:}")
    private String dbPassword;

    public Optional<String> syncSchedule(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> syncSchedule(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> syncSchedule(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
