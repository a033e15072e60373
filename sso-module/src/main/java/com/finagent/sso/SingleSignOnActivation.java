package com.finagent.sso;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;

/**
 * Leaves the OpenID Connect mechanism out of the WAR when no provider is configured: Jakarta Security would otherwise
 * ask the (empty) provider address for its metadata on the first request. Read once at deployment, like the
 * annotation itself; changing the provider means restarting the application.
 */
public class SingleSignOnActivation implements Extension {

    /** Whether {@code finagent.oidc.issuer} and {@code finagent.oidc.client-id} are both set. */
    static boolean configured() {
        var config = ConfigProvider.getConfig();
        return present(config.getOptionalValue("finagent.oidc.issuer", String.class))
                && present(config.getOptionalValue("finagent.oidc.client-id", String.class));
    }

    void leaveOutWhenUnconfigured(@Observes ProcessAnnotatedType<SingleSignOnMechanism> mechanism) {
        if (!configured()) {
            mechanism.veto();
        }
    }

    void leaveOutSelectionWhenUnconfigured(@Observes ProcessAnnotatedType<SignOnAuthenticationMechanism> selection) {
        if (!configured()) {
            selection.veto();
        }
    }

    private static boolean present(Optional<String> value) {
        return value.filter(text -> !text.isBlank()).isPresent();
    }
}
