package com.finagent.application.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key pair with which Fin Agent signs its own access tokens (offline mode). Generated once,
 * stored as PKCS#8 PEM under {@code $FINAGENT_HOME/keys}, and reused so tokens survive a restart.
 * Both the token issuer and the MicroProfile JWT verifier read it from here.
 */
public final class SigningKeys {

    static final String KEY_FILE = "jwt-signing-key.pem";
    private static final String BEGIN_PRIVATE = "-----BEGIN PRIVATE KEY-----";
    private static final String END_PRIVATE = "-----END PRIVATE KEY-----";

    private static volatile KeyPair keyPair;

    private SigningKeys() {
    }

    /** The application's home directory: {@code FINAGENT_HOME}, else {@code ~/.finagent}. */
    public static Path home() {
        String configured = System.getProperty("finagent.home", System.getenv("FINAGENT_HOME"));
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".finagent")
                : Path.of(configured);
    }

    public static KeyPair keyPair() {
        KeyPair current = keyPair;
        if (current == null) {
            synchronized (SigningKeys.class) {
                current = keyPair;
                if (current == null) {
                    current = loadOrCreate(home().resolve("keys").resolve(KEY_FILE));
                    keyPair = current;
                }
            }
        }
        return current;
    }

    /** The public key as PEM, the form {@code mp.jwt.verify.publickey} takes. */
    public static String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keyPair().getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    static KeyPair loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return read(Files.readString(keyFile, StandardCharsets.US_ASCII));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey generated = generator.generateKeyPair().getPrivate();
            String pem = BEGIN_PRIVATE + "\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generated.getEncoded())
                    + "\n" + END_PRIVATE + "\n";
            // Another process may have won the race: whatever is on disk is the key.
            return read(KeyFiles.createOnce(keyFile, pem));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or store the token signing key in " + keyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Invalid token signing key in " + keyFile, e);
        }
    }

    private static KeyPair read(String pem) throws GeneralSecurityException {
        String body = pem.replace(BEGIN_PRIVATE, "").replace(END_PRIVATE, "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new KeyPair(publicKey, privateKey);
    }
}
