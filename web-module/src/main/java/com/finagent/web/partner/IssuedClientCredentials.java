package com.finagent.web.partner;

import com.finagent.application.partner.ClientRegistration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** A client's id with a new secret: shown in this answer only, never again (only its hash is stored). */
public record IssuedClientCredentials(String clientId,
                                      @Schema(description = "shown once; store it now") String clientSecret,
                                      PartnerClientView client) {

    static IssuedClientCredentials of(ClientRegistration registration, OffsetDateTime previousSecretExpiresAt) {
        return new IssuedClientCredentials(registration.client().getClientId(), registration.secret(),
                PartnerClientView.of(registration.client(), previousSecretExpiresAt));
    }
}
