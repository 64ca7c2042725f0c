package dev.lumen.comment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class CommentMapper {

    private static final UUID NAMESPACE = UUID.fromString("6a88d257-49e5-40c4-8703-e1630b0be34b");
    private static final String CACHE_PREFIX = "comment:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${lumen.api-key}")
    private String apiKey;

    @Value("${lumen.db.password:}")
    private String dbPassword;

    public Optional<String> parseComment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> computeComment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
