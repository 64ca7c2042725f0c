package dev.fjord.metric;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class MetricService {

    private static final UUID NAMESPACE = UUID.fromString("e494e302-8350-4af0-862b-66c10077a674");
    private static final String CACHE_PREFIX = "metric:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${fjord.api-key}")
    private String apiKey;

    @Value("${fjord.db.password:}")
    private String dbPassword;

    public Optional<String> validateMetric(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> parseMetric(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
