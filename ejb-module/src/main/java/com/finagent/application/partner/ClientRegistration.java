package com.finagent.application.partner;

import com.finagent.persistence.partner.PartnerClient;

/** A client just registered or rotated, with its new secret: the only time the secret is ever seen. */
public record ClientRegistration(PartnerClient client, String secret) {
}
