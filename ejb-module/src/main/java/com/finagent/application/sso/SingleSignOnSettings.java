package com.finagent.application.sso;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OpenID Connect provider that users may sign in with, from MicroProfile Config ({@code FINAGENT_OIDC_*}).
 * Without an issuer single sign-on is off: no provider is contacted and local accounts work as before.
 */
@ApplicationScoped
public class SingleSignOnSettings {

    private Optional<String> issuer;
    private Optional<String> clientId;
    private Optional<String> clientSecret;
    private String providerName;
    private String rolesClaim;
    private List<String> adminRoles;
    private Optional<String> audience;

    protected SingleSignOnSettings() {
    }

    @Inject
    public SingleSignOnSettings(@ConfigProperty(name = "finagent.oidc.issuer") Optional<String> issuer,
                                @ConfigProperty(name = "finagent.oidc.client-id") Optional<String> clientId,
                                @ConfigProperty(name = "finagent.oidc.client-secret") Optional<String> clientSecret,
                                @ConfigProperty(name = "finagent.oidc.provider-name", defaultValue = "single sign-on")
                                String providerName,
                                @ConfigProperty(name = "finagent.oidc.roles-claim", defaultValue = "groups")
                                String rolesClaim,
                                @ConfigProperty(name = "finagent.oidc.admin-roles") Optional<String> adminRoles,
                                @ConfigProperty(name = "finagent.oidc.audience") Optional<String> audience) {
        this.issuer = issuer.map(String::strip).filter(value -> !value.isEmpty());
        this.clientId = clientId.map(String::strip).filter(value -> !value.isEmpty());
        this.clientSecret = clientSecret.filter(value -> !value.isEmpty());
        this.providerName = providerName.strip();
        this.rolesClaim = rolesClaim.strip();
        this.adminRoles = adminRoles.map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(role -> !role.isEmpty()).toList()).orElse(List.of());
        this.audience = audience.map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Single sign-on needs an issuer and a client id; anything less leaves it off. */
    public boolean enabled() {
        return issuer.isPresent() && clientId.isPresent();
    }

    /** The provider's issuer identifier, exactly as its tokens carry it in {@code iss}. */
    public String issuer() {
        return issuer.orElseThrow(() -> new IllegalStateException("Single sign-on is not configured"));
    }

    public String clientId() {
        return clientId.orElse("");
    }

    public String clientSecret() {
        return clientSecret.orElse("");
    }

    /** What the sign-in button names: "Sign in with <provider name>". */
    public String providerName() {
        return providerName;
    }

    /** The claim that lists the person's groups or roles; a dotted name reaches into objects (realm_access.roles). */
    public String rolesClaim() {
        return rolesClaim;
    }

    /** Groups or roles of the provider that make a user one of our admins. */
    public List<String> adminRoles() {
        return adminRoles;
    }

    /** The audience a provider's access token must name to be accepted by the API: configured, else the client id. */
    public String audience() {
        return audience.orElse(clientId());
    }

    /** Where the provider publishes its metadata (OpenID Connect Discovery 1.0, section 4). */
    public String discoveryUri() {
        String base = issuer();
        return (base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration";
    }
}
