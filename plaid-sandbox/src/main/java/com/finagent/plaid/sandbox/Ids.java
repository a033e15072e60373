package com.finagent.plaid.sandbox;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Identifiers in Plaid's shapes: 37-character base62 ids, {@code access-sandbox-<uuid>} tokens, 15-character
 * request ids.
 */
final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom SECURE = new SecureRandom();

    private Ids() {
    }

    static String base62(SplittableRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62.charAt(random.nextInt(BASE62.length()));
        }
        return new String(chars);
    }

    /** Unpredictable: tokens and item ids must not be guessable from the seed of the data. */
    static String secureBase62(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62.charAt(SECURE.nextInt(BASE62.length()));
        }
        return new String(chars);
    }

    static String token(String kind) {
        byte[] bytes = new byte[16];
        SECURE.nextBytes(bytes);
        StringBuilder hex = new StringBuilder(36);
        for (int i = 0; i < bytes.length; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                hex.append('-');
            }
            hex.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return kind + "-sandbox-" + hex;
    }

    static String requestId() {
        return secureBase62(15);
    }
}
