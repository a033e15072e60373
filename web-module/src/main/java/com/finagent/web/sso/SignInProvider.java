package com.finagent.web.sso;

/**
 * A way to sign in besides a local account.
 *
 * @param id        stable name of the provider for clients ({@code oidc})
 * @param name      what the button says after "Sign in with"
 * @param signInUrl where the browser goes to start the sign-in
 */
public record SignInProvider(String id, String name, String signInUrl) {
}
