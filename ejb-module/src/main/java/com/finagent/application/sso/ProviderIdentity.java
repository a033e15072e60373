package com.finagent.application.sso;

import java.util.List;

/**
 * A person as a verified token of the OpenID Connect provider describes them.
 *
 * @param issuer  the provider ({@code iss})
 * @param subject the person at that provider ({@code sub}); with the issuer, the only stable identifier
 * @param email   the e-mail the provider gives, if any; a copy for display, never used to find an account
 * @param name    the display name the provider gives, if any
 * @param roles   the values of the configured roles claim
 */
public record ProviderIdentity(String issuer, String subject, String email, String name, List<String> roles) {
}
