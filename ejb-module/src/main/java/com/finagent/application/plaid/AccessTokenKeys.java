package com.finagent.application.plaid;

import com.finagent.application.security.KeyFiles;
import com.finagent.application.security.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys that encrypt Plaid access tokens. In production they come from configuration, typically backed by a
 * key vault: {@code finagent.plaid.token-keys} = {@code id1:base64key,id2:base64key} and
 * {@code finagent.plaid.token-key-id} = the id new tokens use (rotate by adding a key and switching the id).
 * Without them a key is generated once under {@code $FINAGENT_HOME/keys}, as for the token signing key.
 */
@ApplicationScoped
public class AccessTokenKeys {

    static final String LOCAL_KEY_ID = "local1";

    @Inject
    @ConfigProperty(name = "finagent.plaid.token-keys")
    Optional<String> configuredKeys;

    @Inject
    @ConfigProperty(name = "finagent.plaid.token-key-id")
    Optional<String> activeKeyId;

    /** {@code @Singleton}: one cipher for the application, and no client proxy (the cipher class is final). */
    @Produces
    @Singleton
    AccessTokenCipher cipher() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (configuredKeys.filter(k -> !k.isBlank()).isPresent()) {
            for (String entry : configuredKeys.get().split(",")) {
                String[] idAndKey = entry.strip().split(":", 2);
                if (idAndKey.length != 2) {
                    throw new IllegalStateException("finagent.plaid.token-keys entries must be <id>:<base64 key>");
                }
                keys.put(idAndKey[0], Base64.getDecoder().decode(idAndKey[1]));
            }
            String active = activeKeyId.orElseThrow(() ->
                    new IllegalStateException("finagent.plaid.token-key-id must name one of finagent.plaid.token-keys"));
            return new AccessTokenCipher(active, keys);
        }
        keys.put(LOCAL_KEY_ID, localKey(SigningKeys.home().resolve("keys").resolve("plaid-token-key")));
        return new AccessTokenCipher(LOCAL_KEY_ID, keys);
    }

    static byte[] localKey(Path file) {
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getDecoder().decode(KeyFiles.createOnce(file, Base64.getEncoder().encodeToString(key)).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the Plaid token key " + file, e);
        }
    }
}
