package com.finagent.application.plaid;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokenCipherTest {

    private static final String TOKEN = "access-sandbox-4b9f3c2e-1d5a-4e7b-9c8d-0a1b2c3d4e5f";

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        AccessTokenCipher cipher = new AccessTokenCipher("k1", Map.of("k1", key(1)));
        String stored = cipher.encrypt(TOKEN, "item-1");
        assertTrue(stored.startsWith("k1:"), stored);
        assertFalse(stored.contains(TOKEN));
        assertFalse(new String(Base64.getDecoder().decode(stored.substring(3))).contains("access-sandbox"));
        assertEquals(TOKEN, cipher.decrypt(stored, "item-1"));
        assertNotEquals(stored, cipher.encrypt(TOKEN, "item-1"), "a fresh nonce each time");
    }

    @Test
    void aCiphertextMovedToAnotherItemDoesNotDecrypt() {
        AccessTokenCipher cipher = new AccessTokenCipher("k1", Map.of("k1", key(1)));
        String stored = cipher.encrypt(TOKEN, "item-1");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "item-2"));
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        AccessTokenCipher cipher = new AccessTokenCipher("k1", Map.of("k1", key(1)));
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(TOKEN, "item-1").substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "k1:" + Base64.getEncoder().encodeToString(bytes);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered, "item-1"));
    }

    @Test
    void keysRotateWithoutLosingOldTokens() {
        String underOldKey = new AccessTokenCipher("k1", Map.of("k1", key(1))).encrypt(TOKEN, "item-1");
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put("k1", key(1));
        both.put("k2", key(2));
        AccessTokenCipher rotated = new AccessTokenCipher("k2", both);
        assertEquals(TOKEN, rotated.decrypt(underOldKey, "item-1"));
        assertTrue(rotated.isStale(underOldKey));
        String underNewKey = rotated.encrypt(TOKEN, "item-1");
        assertTrue(underNewKey.startsWith("k2:"));
        assertFalse(rotated.isStale(underNewKey));
        AccessTokenCipher retired = new AccessTokenCipher("k2", Map.of("k2", key(2)));
        assertThrows(IllegalStateException.class, () -> retired.decrypt(underOldKey, "item-1"));
    }

    @Test
    void rejectsKeysThatAreNotAes256() {
        assertThrows(IllegalArgumentException.class, () -> new AccessTokenCipher("k1", Map.of("k1", new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> new AccessTokenCipher("k9", Map.of("k1", key(1))));
    }

    @Test
    void theLocalKeyIsCreatedOnceAndReused(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        Path file = home.resolve("keys").resolve("plaid-token-key");
        byte[] first = AccessTokenKeys.localKey(file);
        assertEquals(32, first.length);
        assertArrayEquals(first, AccessTokenKeys.localKey(file));
        assertTrue(Files.exists(file));
    }
}
