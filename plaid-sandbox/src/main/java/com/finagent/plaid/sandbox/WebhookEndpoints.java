package com.finagent.plaid.sandbox;

import com.plaid.client.model.WebhookVerificationKeyGetRequest;
import com.plaid.client.model.WebhookVerificationKeyGetResponse;


/** Plaid's Webhooks endpoint: the public key a receiver checks the signature of this sandbox's webhooks with. */
final class WebhookEndpoints {

    private final PlaidSandbox sandbox;

    WebhookEndpoints(PlaidSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Object webhookVerificationKeyGet(SandboxCall<WebhookVerificationKeyGetRequest> call) {
        if (!sandbox.webhooks().keyId().equals(call.request().getKeyId())) {
            throw PlaidApiError.invalidInput("INVALID_WEBHOOK_VERIFICATION_KEY_ID",
                    "invalid key_id provided. note that key_ids are specific to Plaid environments");
        }
        return new WebhookVerificationKeyGetResponse()
                .key(sandbox.webhooks().publicKey())
                .requestId(call.requestId());
    }
}
