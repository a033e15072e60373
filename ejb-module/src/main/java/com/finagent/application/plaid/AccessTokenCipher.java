package com.finagent.application.plaid;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Encrypts Plaid access tokens at rest with AES-256-GCM. The stored form is {@code <key id>:<base64(nonce ||
 * ciphertext+tag)>}; the key id selects the key on the way back, so a new active key can be introduced while
 * tokens under older keys still decrypt. The Plaid item id is bound in as associated data: a ciphertext
 * copied onto another item's row does not decrypt.
 */
public final class AccessTokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    /**
     * @param activeKeyId the key new tokens are encrypted with
     * @param keys        every key that may still be needed to decrypt, by id (32-byte AES keys)
     */
    public AccessTokenCipher(String activeKeyId, Map<String, byte[]> keys) {
        this.keys = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id.isBlank() || id.contains(":")) {
                throw new IllegalArgumentException("A token key id must be non-blank and free of ':' : '" + id + "'");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("Token key '" + id + "' must be 32 bytes (AES-256), not " + key.length);
            }
            this.keys.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!this.keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active token key '" + activeKeyId + "' is not among the keys");
        }
        this.activeKeyId = activeKeyId;
    }

    public String encrypt(String accessToken, String plaidItemId) {
        Objects.requireNonNull(accessToken, "accessToken");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, plaidItemId);
            byte[] sealed = cipher.doFinal(accessToken.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public String decrypt(String stored, String plaidItemId) {
        int colon = stored.indexOf(':');
        SecretKey key = colon > 0 ? keys.get(stored.substring(0, colon)) : null;
        if (key == null) {
            throw new IllegalStateException("The access token of item " + plaidItemId
                    + " was encrypted with a key that is no longer configured");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, NONCE_BYTES), plaidItemId);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The access token of item " + plaidItemId + " does not decrypt", e);
        }
    }

    /** Whether a stored token is under an older key and should be re-encrypted. */
    public boolean isStale(String stored) {
        return !stored.startsWith(activeKeyId + ":");
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String plaidItemId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(plaidItemId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
