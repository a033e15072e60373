package com.finagent.plaid.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.plaid.client.model.JWKPublicKey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers webhooks as Plaid does: a JSON POST with a {@code Plaid-Verification} header holding an ES256 JWT
 * (header {@code kid}; claims {@code iat} and {@code request_body_sha256}, the hex SHA-256 of the exact body).
 * One key pair per sandbox, generated at start; {@code /webhook_verification_key/get} hands out its public half.
 * Delivery is asynchronous and in order on one thread, and failures are only logged, as with Plaid.
 */
final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    private final ECKey key;
    private final long createdAt;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService delivery;
    private final AtomicInteger failures = new AtomicInteger();

    WebhookSender(Clock clock) {
        this.clock = clock;
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the webhook signing key", e);
        }
        this.createdAt = clock.instant().getEpochSecond();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plaid-sandbox-webhooks");
            thread.setDaemon(true);
            return thread;
        });
    }

    String keyId() {
        return key.getKeyID();
    }

    JWKPublicKey publicKey() {
        return new JWKPublicKey()
                .alg("ES256")
                .crv("P-256")
                .kid(key.getKeyID())
                .kty("EC")
                .use("sig")
                .x(key.getX().toString())
                .y(key.getY().toString())
                .createdAt((int) createdAt)
                .expiredAt(null);
    }

    int failures() {
        return failures.get();
    }

    /** Queues the POST of {@code body} to {@code url}. */
    void send(String url, String body) {
        delivery.execute(() -> deliver(url, body));
    }

    private void deliver(String url, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Plaid-Verification", sign(body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                failures.incrementAndGet();
                LOG.warning(() -> "webhook to " + url + " answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.incrementAndGet();
            LOG.log(Level.WARNING, "webhook to " + url + " failed: " + e);
        }
    }

    String sign(String body) throws JOSEException {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issueTime(Date.from(clock.instant()))
                .claim("request_body_sha256", sha256Hex(body))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        delivery.shutdown();
        try {
            delivery.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivery.shutdownNow();
    }
}
