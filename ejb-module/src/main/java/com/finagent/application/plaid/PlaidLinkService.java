package com.finagent.application.plaid;

import com.finagent.application.audit.AuditActions;
import com.finagent.application.audit.AuditEvent;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.Outcome;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.persistence.plaid.PlaidItem;
import com.plaid.client.model.CountryCode;
import com.plaid.client.model.InstitutionsGetByIdRequest;
import com.plaid.client.model.ItemGetRequest;
import com.plaid.client.model.ItemPublicTokenExchangeRequest;
import com.plaid.client.model.ItemPublicTokenExchangeResponse;
import com.plaid.client.model.ItemRemoveRequest;
import com.plaid.client.model.LinkTokenCreateRequest;
import com.plaid.client.model.LinkTokenCreateRequestUser;
import com.plaid.client.model.LinkTokenCreateResponse;
import com.plaid.client.model.Products;
import com.plaid.client.model.SandboxPublicTokenCreateRequest;
import com.plaid.client.model.SandboxPublicTokenCreateRequestOptions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Linking and unlinking institutions: a Link token for the front end, the exchange of Link's public token for
 * an access token (stored encrypted, never returned), a first sync, and removal at Plaid and here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlaidLinkService {

    private static final Logger LOG = Logger.getLogger(PlaidLinkService.class.getName());

    public record LinkToken(String linkToken, OffsetDateTime expiration, String source) {
    }

    @Inject
    PlaidGateway plaid;

    @Inject
    AccessTokenCipher cipher;

    @EJB
    PlaidItems items;

    @EJB
    PlaidSyncService sync;

    @EJB
    AuditLog audit;

    /** Where Plaid sends webhooks: this application's public address. */
    @Inject
    @ConfigProperty(name = "finagent.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "finagent.plaid.webhooks", defaultValue = "true")
    boolean webhooks;

    public LinkToken linkToken(UUID userId) {
        LinkTokenCreateResponse response = call(() -> plaid.call(api -> api.linkTokenCreate(new LinkTokenCreateRequest()
                .user(new LinkTokenCreateRequestUser().clientUserId(userId.toString()))
                .clientName("Fin Agent")
                .products(List.of(Products.TRANSACTIONS))
                .optionalProducts(List.of(Products.INVESTMENTS))
                .countryCodes(List.of(CountryCode.US))
                .language("en")
                .webhook(webhookUrl().orElse(null)))));
        return new LinkToken(response.getLinkToken(), response.getExpiration(), plaid.source());
    }

    /**
     * A public token for a sandbox institution and test login, as Plaid Link would return after the user logged
     * in: Plaid's own {@code /sandbox/public_token/create}, so it works against Plaid's sandbox and the local one,
     * never against production.
     */
    public String sandboxPublicToken(String institutionId, String username, String password) {
        return call(() -> plaid.call(api -> api.sandboxPublicTokenCreate(new SandboxPublicTokenCreateRequest()
                .institutionId(institutionId)
                .initialProducts(List.of(Products.TRANSACTIONS, Products.INVESTMENTS))
                .options(new SandboxPublicTokenCreateRequestOptions()
                        .overrideUsername(username).overridePassword(password)
                        .webhook(webhookUrl().orElse(null)))))).getPublicToken();
    }

    /** Exchanges Link's public token, stores the item with its access token encrypted, and syncs it once. */
    public SyncResult exchange(UUID userId, String publicToken) {
        ItemPublicTokenExchangeResponse exchanged = call(() -> plaid.call(api -> api.itemPublicTokenExchange(
                new ItemPublicTokenExchangeRequest().publicToken(publicToken))));
        String accessToken = exchanged.getAccessToken();
        String institutionId = call(() -> plaid.call(api -> api.itemGet(new ItemGetRequest().accessToken(accessToken))))
                .getItem().getInstitutionId();
        String institutionName = institutionId == null ? "Unknown institution" : call(() -> plaid.call(api ->
                api.institutionsGetById(new InstitutionsGetByIdRequest().institutionId(institutionId)
                        .countryCodes(List.of(CountryCode.US))))).getInstitution().getName();
        PlaidItem item = items.create(new PlaidItem(userId, exchanged.getItemId(),
                cipher.encrypt(accessToken, exchanged.getItemId()),
                institutionId == null ? "unknown" : institutionId, institutionName));
        audit.record(AuditEvent.byUser(userId, AuditActions.BANK_LINKED, Outcome.SUCCESS, item.getId().toString(),
                institutionName));
        try {
            return sync.sync(userId, item.getId(), false);
        } catch (FinAgentException transientFailure) {
            // The item is linked; the scheduled sync or the user's next one will fetch its data.
            LOG.info(() -> "First sync of item " + item.getId() + " deferred: " + transientFailure.getMessage());
            return SyncResult.failed(item.getId(), "SYNC_DEFERRED", transientFailure.getMessage(), 0);
        }
    }

    /** Removes the item at Plaid (which invalidates its access token), then here with all its data. */
    public void remove(UUID userId, UUID itemId) {
        PlaidItem item = items.get(userId, itemId);
        String accessToken = cipher.decrypt(item.getAccessTokenEncrypted(), item.getPlaidItemId());
        try {
            plaid.call(api -> api.itemRemove(new ItemRemoveRequest().accessToken(accessToken)));
        } catch (PlaidException e) {
            if (e.isTransient()) {
                throw PlaidSyncService.unavailable(e);
            }
            // Plaid no longer knows the item (or its token): there is nothing left to revoke there.
            LOG.info(() -> "Plaid could not remove item " + itemId + " (" + e.errorCode() + "); removing it here");
        }
        items.delete(userId, itemId);
        audit.record(AuditEvent.byUser(userId, AuditActions.BANK_UNLINKED, Outcome.SUCCESS, itemId.toString(),
                item.getInstitutionName()));
    }

    private Optional<String> webhookUrl() {
        return webhooks ? Optional.of(publicUrl.replaceAll("/+$", "") + "/api/v1/plaid/webhook") : Optional.empty();
    }

    /** Plaid's refusals of the caller's input (a bad public token, a wrong test password) are the caller's 400. */
    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (PlaidException e) {
            if (e.isTransient()) {
                throw PlaidSyncService.unavailable(e);
            }
            throw new FinAgentException(ErrorType.VALIDATION, 400, "Plaid refused the request: "
                    + (e.displayMessage() != null ? e.displayMessage() : e.getMessage()), List.of(), e);
        }
    }
}
