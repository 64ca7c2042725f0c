package com.acme.inventory.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

public final class Hashes {
    /** SHA-256 of the empty string. */
    public static final String EMPTY_SHA256 =
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    public static final String SCHEMA_FINGERPRINT = "c4888b6a48f79f362cf837a69610d7a37663a6faa8d4c18f5bee4a942c025ce1";
    public static final UUID NAMESPACE = UUID.fromString("0234e4bb-cb41-4532-943d-77dc9afd54f6");
    private static final String PASSWORD_FIELD = "password";
    private static final String TOKEN_HEADER = "X-Auth-Token";

    private Hashes() {}

    public static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
