package com.finagent.plaid.sandbox;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.plaid.client.model.CustomSandboxTransaction;
import com.plaid.client.model.ItemPublicTokenExchangeResponse;
import com.plaid.client.model.JWKPublicKey;
import com.plaid.client.model.SandboxItemFireWebhookRequest;
import com.plaid.client.model.SandboxPublicTokenCreateRequestOptions;
import com.plaid.client.model.SandboxTransactionsCreateRequest;
import com.plaid.client.model.WebhookVerificationKeyGetRequest;
import com.plaid.client.request.PlaidApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks arrive signed as Plaid signs them, and verify the way Plaid's docs tell a receiver to verify them. */
class PlaidSandboxWebhookTest {

    private static PlaidSandbox sandbox;
    private static WebhookReceiver receiver;
    private static PlaidApi plaid;

    @BeforeAll
    static void start() throws Exception {
        sandbox = PlaidSandbox.start("127.0.0.1", 0, SandboxOptions.defaults());
        receiver = WebhookReceiver.start();
        plaid = PlaidSandboxSdkTest.clientFor(sandbox, "webhook-client", "webhook-secret");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void webhooksAreSignedWithTheKeyThatWebhookVerificationKeyGetReturns() throws Exception {
        ItemPublicTokenExchangeResponse linked = PlaidSandboxSdkTest.link(plaid, "ins_109508",
                new SandboxPublicTokenCreateRequestOptions().webhook(receiver.url()));
        WebhookReceiver.Delivery initial = receiver.await("SYNC_UPDATES_AVAILABLE");
        assertEquals(linked.getItemId(), initial.json().get("item_id").getAsString());
        assertTrue(initial.json().get("historical_update_complete").getAsBoolean());
        verify(initial);

        sandbox.addTransactions(linked.getItemId(), 2);
        WebhookReceiver.Delivery added = receiver.await("SYNC_UPDATES_AVAILABLE");
        assertEquals("TRANSACTIONS", added.json().get("webhook_type").getAsString());
        assertEquals("sandbox", added.json().get("environment").getAsString());
        assertTrue(added.contentType().startsWith("application/json"));
        verify(added);

        PlaidSandboxSdkTest.ok(plaid.sandboxTransactionsCreate(new SandboxTransactionsCreateRequest()
                .accessToken(linked.getAccessToken())
                .transactions(List.of(new CustomSandboxTransaction().amount(12.0).description("Uber trip")
                        .dateTransacted(sandbox.today()).datePosted(sandbox.today())))));
        verify(receiver.await("SYNC_UPDATES_AVAILABLE"));

        PlaidSandboxSdkTest.ok(plaid.sandboxItemFireWebhook(new SandboxItemFireWebhookRequest()
                .accessToken(linked.getAccessToken())
                .webhookCode(SandboxItemFireWebhookRequest.WebhookCodeEnum.NEW_ACCOUNTS_AVAILABLE)));
        WebhookReceiver.Delivery fired = receiver.await("NEW_ACCOUNTS_AVAILABLE");
        assertEquals("ITEM", fired.json().get("webhook_type").getAsString());
        verify(fired);
        assertEquals(0, sandbox.webhookFailures());
    }

    @Test
    void aTamperedBodyOrAnotherKeyFailsVerification() throws Exception {
        ItemPublicTokenExchangeResponse linked = PlaidSandboxSdkTest.link(plaid, "ins_109509",
                new SandboxPublicTokenCreateRequestOptions().webhook(receiver.url()));
        receiver.await(d -> d.json().get("item_id").getAsString().equals(linked.getItemId()), Duration.ofSeconds(5));
        sandbox.setLoginRequired(linked.getItemId(), true);
        WebhookReceiver.Delivery error = receiver.await("ERROR");
        assertEquals("ITEM_LOGIN_REQUIRED",
                error.json().getAsJsonObject("error").get("error_code").getAsString());
        SignedJWT jwt = verify(error);

        String tampered = error.body().replace("ITEM_LOGIN_REQUIRED", "ITEM_LOCKED");
        assertNotEquals(sha256Hex(tampered), jwt.getJWTClaimsSet().getStringClaim("request_body_sha256"));
        ECKey stranger = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();
        assertFalse(jwt.verify(new ECDSAVerifier(stranger)));
    }

    /** Plaid's recipe: kid from the JWT header, key from the API, ES256 signature, iat fresh, body hash equal. */
    private static SignedJWT verify(WebhookReceiver.Delivery delivery) throws Exception {
        SignedJWT jwt = SignedJWT.parse(delivery.verification());
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        String keyId = jwt.getHeader().getKeyID();
        JWKPublicKey key = PlaidSandboxSdkTest.ok(plaid.webhookVerificationKeyGet(
                new WebhookVerificationKeyGetRequest().keyId(keyId))).getKey();
        assertEquals("EC", key.getKty());
        assertEquals("P-256", key.getCrv());
        assertEquals("ES256", key.getAlg());
        assertEquals(keyId, key.getKid());
        ECKey publicKey = new ECKey.Builder(Curve.parse(key.getCrv()), new Base64URL(key.getX()),
                new Base64URL(key.getY())).keyID(key.getKid()).build();
        assertTrue(jwt.verify(new ECDSAVerifier(publicKey)), "signature");
        Instant issued = jwt.getJWTClaimsSet().getIssueTime().toInstant();
        assertTrue(Duration.between(issued, Instant.now()).abs().compareTo(Duration.ofMinutes(5)) < 0, "iat is fresh");
        assertEquals(sha256Hex(delivery.body()), jwt.getJWTClaimsSet().getStringClaim("request_body_sha256"));
        return jwt;
    }

    private static String sha256Hex(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
