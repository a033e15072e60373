package com.finagent.plaid.sandbox;

import com.google.gson.JsonObject;
import com.plaid.client.model.ItemGetRequest;
import com.plaid.client.model.ItemGetResponse;
import com.plaid.client.model.ItemPublicTokenExchangeRequest;
import com.plaid.client.model.ItemPublicTokenExchangeResponse;
import com.plaid.client.model.ItemRemoveRequest;
import com.plaid.client.model.ItemRemoveResponse;
import com.plaid.client.model.ItemStatusInvestments;
import com.plaid.client.model.ItemStatusLastWebhook;
import com.plaid.client.model.ItemStatusNullable;
import com.plaid.client.model.ItemStatusTransactions;
import com.plaid.client.model.ItemWebhookUpdateRequest;
import com.plaid.client.model.ItemWebhookUpdateResponse;
import com.plaid.client.model.LinkTokenCreateRequest;
import com.plaid.client.model.LinkTokenCreateResponse;
import com.plaid.client.model.Products;
import com.plaid.client.model.WebhookEnvironmentValues;
import com.plaid.client.model.WebhookUpdateAcknowledgedWebhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Plaid's Link and Item endpoints, an item's life in production: a link token to open Link with, the exchange of
 * the public token Link hands over for an access token, then reading the item, pointing it at another webhook,
 * removing it.
 */
final class ItemEndpoints {

    private final PlaidSandbox sandbox;

    ItemEndpoints(PlaidSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** The institution an item was linked at; every item is created at a known one. */
    static SandboxData.Institution institutionOf(SandboxItem item) {
        return SandboxData.institution(item.spec.institutionId()).orElseThrow();
    }

    Object linkTokenCreate(SandboxCall<LinkTokenCreateRequest> call) {
        LinkTokenCreateRequest request = call.request();
        List<String> products = productNames(request.getProducts());
        String accessToken = request.getAccessToken();
        if (accessToken != null) {
            SandboxItem item = sandbox.items().byAccessToken(accessToken);
            if (item == null) {
                throw PlaidApiError.invalidAccessToken();
            }
            if (item.removed()) {
                throw PlaidApiError.itemNotFound();
            }
        } else if (products.isEmpty()) {
            throw PlaidApiError.invalidField("products must contain at least one product");
        }
        Instant expiration = sandbox.clock().instant().plusSeconds(4 * 3600);
        String token = sandbox.issueLinkToken(
                new PlaidSandbox.LinkToken(request.getWebhook(), products, accessToken, expiration));
        return new LinkTokenCreateResponse()
                .linkToken(token)
                .expiration(OffsetDateTime.ofInstant(expiration, ZoneOffset.UTC))
                .requestId(call.requestId());
    }

    static List<String> productNames(List<Products> products) {
        List<String> names = new ArrayList<>();
        if (products != null) {
            for (Products product : products) {
                if (product == null || product == Products.ENUM_UNKNOWN
                        || !SandboxData.PRODUCTS.contains(product.getValue())) {
                    throw PlaidApiError.invalidInput("INVALID_PRODUCT",
                            "the institution does not support a product in the request or the product is unknown");
                }
                if (!names.contains(product.getValue())) {
                    names.add(product.getValue());
                }
            }
        }
        return names;
    }

    Object publicTokenExchange(SandboxCall<ItemPublicTokenExchangeRequest> call) {
        SandboxItem item = sandbox.exchange(call.request().getPublicToken());
        if (item == null) {
            throw PlaidApiError.invalidInput("INVALID_PUBLIC_TOKEN",
                    "provided public token is expired, already exchanged or does not exist");
        }
        if (item.billedProducts().contains("transactions")) {
            // Plaid reports the finished initial and historical pull shortly after the item is linked.
            sandbox.fireSyncUpdates(item);
        }
        return new ItemPublicTokenExchangeResponse()
                .accessToken(item.spec.accessToken())
                .itemId(item.itemId())
                .requestId(call.requestId());
    }

    Object itemGet(SandboxCall<ItemGetRequest> call) {
        SandboxItem item = call.item();
        OffsetDateTime lastUpdate = OffsetDateTime.ofInstant(item.lastTransactionsUpdate(), ZoneOffset.UTC);
        ItemStatusNullable status = new ItemStatusNullable()
                .transactions(new ItemStatusTransactions().lastSuccessfulUpdate(lastUpdate).lastFailedUpdate(null))
                .investments(new ItemStatusInvestments()
                        .lastSuccessfulUpdate(OffsetDateTime.ofInstant(item.spec.createdAt(), ZoneOffset.UTC))
                        .lastFailedUpdate(null));
        if (item.lastWebhookSentAt() != null) {
            status.lastWebhook(new ItemStatusLastWebhook()
                    .sentAt(OffsetDateTime.ofInstant(item.lastWebhookSentAt(), ZoneOffset.UTC))
                    .codeSent(item.lastWebhookCode()));
        }
        return new ItemGetResponse()
                .item(PlaidModels.itemWithConsent(item, institutionOf(item), call.requestId()))
                .status(status)
                .requestId(call.requestId());
    }

    Object itemRemove(SandboxCall<ItemRemoveRequest> call) {
        sandbox.items().remove(call.item());
        return new ItemRemoveResponse().requestId(call.requestId());
    }

    Object itemWebhookUpdate(SandboxCall<ItemWebhookUpdateRequest> call) {
        SandboxItem item = call.item();
        String url = call.request().getWebhook();
        sandbox.items().changeWebhook(item, url);
        JsonObject acknowledged = PlaidJson.tree(new WebhookUpdateAcknowledgedWebhook()
                .webhookType("ITEM")
                .webhookCode("WEBHOOK_UPDATE_ACKNOWLEDGED")
                .itemId(item.itemId())
                .newWebhookUrl(url)
                .environment(WebhookEnvironmentValues.SANDBOX));
        sandbox.sendWebhook(item, url, "WEBHOOK_UPDATE_ACKNOWLEDGED", acknowledged);
        return new ItemWebhookUpdateResponse()
                .item(PlaidModels.item(item, institutionOf(item), call.requestId()))
                .requestId(call.requestId());
    }
}
