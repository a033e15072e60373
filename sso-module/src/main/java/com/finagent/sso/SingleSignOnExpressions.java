package com.finagent.sso;

import com.finagent.application.sso.SingleSignOnSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The provider's settings under the EL names that {@link SingleSignOnMechanism}'s annotation uses. */
@Named("singleSignOn")
@ApplicationScoped
public class SingleSignOnExpressions {

    @Inject
    SingleSignOnSettings settings;

    public String getIssuer() {
        return settings.issuer();
    }

    public String getClientId() {
        return settings.clientId();
    }

    public String getClientSecret() {
        return settings.clientSecret();
    }
}
