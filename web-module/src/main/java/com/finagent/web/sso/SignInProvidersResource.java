package com.finagent.web.sso;

import com.finagent.application.sso.SingleSignOnSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Tells the sign-in page, before anyone is signed in, whether to offer single sign-on. */
@Path("/auth/providers")
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
public class SignInProvidersResource {

    /** The sign-on module's page that starts the OpenID Connect flow. */
    static final String SIGN_IN_URL = "/sso/login";

    @Inject
    SingleSignOnSettings settings;

    @GET
    @Operation(summary = "The identity providers one may sign in with (empty: local accounts only)")
    public List<SignInProvider> providers() {
        return settings.enabled() ? List.of(new SignInProvider("oidc", settings.providerName(), SIGN_IN_URL)) : List.of();
    }
}
