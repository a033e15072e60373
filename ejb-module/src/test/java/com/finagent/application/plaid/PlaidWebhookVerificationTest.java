package com.finagent.application.plaid;

import com.finagent.application.error.FinAgentException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plaid's webhook verification rules: ES256 signature by the key named in the header, body hash, 5-minute age. */
class PlaidWebhookVerificationTest {

    private static final String BODY = "{\"webhook_type\":\"TRANSACTIONS\",\"webhook_code\":\"SYNC_UPDATES_AVAILABLE\","
            + "\"item_id\":\"item-1\"}";
    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private final ECKey plaidKey = generate("plaid-key-1");
    private final Function<String, ECKey> keys = kid -> kid.equals("plaid-key-1") ? plaidKey.toPublicJWK() : null;

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(ECKey key, String body, Instant issuedAt) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issueTime(Date.from(issuedAt)).claim("request_body_sha256", hash).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private void assertRejected(String verification, String body, String why) {
        FinAgentException rejected = assertThrows(FinAgentException.class,
                () -> PlaidWebhooks.verify(body, verification, keys, now));
        assertEquals(401, rejected.getStatus());
        assertTrue(rejected.getMessage().contains(why), rejected.getMessage());
    }

    @Test
    void acceptsAFreshWebhookSignedByPlaidsKey() throws Exception {
        assertDoesNotThrow(() -> PlaidWebhooks.verify(BODY, sign(plaidKey, BODY, now.minusSeconds(30)), keys, now));
    }

    @Test
    void rejectsAMissingOrMalformedHeader() {
        assertRejected(null, BODY, "missing");
        assertRejected("not-a-jwt", BODY, "malformed");
    }

    @Test
    void rejectsAnotherKeysSignature() throws Exception {
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID("plaid-key-1").generate();
        assertRejected(sign(impostor, BODY, now), BODY, "signature");
        assertRejected(sign(generate("unknown-kid"), BODY, now), BODY, "signature");
    }

    @Test
    void rejectsAChangedBody() throws Exception {
        assertRejected(sign(plaidKey, BODY, now), BODY.replace("item-1", "item-2"), "hash");
    }

    @Test
    void rejectsAWebhookOlderThanFiveMinutes() throws Exception {
        assertRejected(sign(plaidKey, BODY, now.minus(Duration.ofMinutes(5)).minusSeconds(1)), BODY, "five minutes");
        assertDoesNotThrow(() -> PlaidWebhooks.verify(BODY, sign(plaidKey, BODY, now.minus(Duration.ofMinutes(4))),
                keys, now));
    }
}
