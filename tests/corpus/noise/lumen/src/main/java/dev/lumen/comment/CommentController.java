package dev.lumen.comment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class CommentController {

    private static final UUID NAMESPACE = UUID.fromString("213d6ef1-d4d9-4568-a1eb-6eea66efb390");
    private static final String CACHE_PREFIX = "comment:";
    private static final String PASSWORD_PARAM = "password";

    @Value("${lumen.api-key}")
    private String apiKey;

    @Value("${lumen.db.password:}")
    private String dbPassword;

    public Optional<String> restoreComment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> mergeComment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

    public Optional<String> createComment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());
    }

}
