package com.finagent.application.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client ids and secrets. A secret is 256 random bits, stored as its SHA-256. A slow password hash (PBKDF2)
 * protects low-entropy human passwords against guessing; a 256-bit random secret cannot be guessed, so a fast
 * hash is as safe and keeps the token endpoint from becoming a CPU sink for anyone who sends wrong secrets.
 */
final class ClientSecrets {

    static final String CLIENT_ID_PREFIX = "fac_";
    static final String SECRET_PREFIX = "fas_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private ClientSecrets() {
    }

    static String newClientId() {
        return CLIENT_ID_PREFIX + random(16);
    }

    static String newSecret() {
        return SECRET_PREFIX + random(32);
    }

    /** The stored form of a secret: SHA-256, lower-case hex. */
    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares in constant time, so timing tells nothing about how much of a hash matched. */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return URL_SAFE.encodeToString(value);
    }
}
