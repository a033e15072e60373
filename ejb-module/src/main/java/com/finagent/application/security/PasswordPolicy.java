package com.finagent.application.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/** Hashes and verifies local passwords with PBKDF2-HMAC-SHA512 (Jakarta Security's standard hash). */
@ApplicationScoped
public class PasswordPolicy {

    private static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    Pbkdf2PasswordHash hash;

    /** A precomputed hash, verified when an e-mail is unknown so that timing does not reveal accounts. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(PARAMETERS);
        decoy = hash.generate("not-a-password".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash == null ? decoy : storedHash) && storedHash != null;
    }
}
