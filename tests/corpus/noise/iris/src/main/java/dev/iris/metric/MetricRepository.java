package dev.iris.metric;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class MetricRepository {

    private static final UUID NAMESPACE = UUID.fromString("89c61f21-6929-47eb-b0a5-1b8b84937050");
    private static final String CACHE_PREFIX = "metric:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${iris.api-key}")
    private String apiKey;

    @Value("${iris.db.password:}")
    private String dbPassword;

    public Optional<String> archiveMetric(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> archiveMetric(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> fetchMetric(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> renderMetric(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
