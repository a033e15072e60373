package com.finagent.it;

import com.finagent.plaid.sandbox.PlaidSandbox;
import com.finagent.plaid.sandbox.SandboxOptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The local Plaid sandbox, started once in the test JVM before Payara on {@code FINAGENT_IT_PLAID_PORT}; the
 * application under test talks to it through the real Plaid SDK as if it were Plaid (failsafe sets its URL and
 * keys), and tests reach into it to add transactions and inject Plaid's failures.
 */
public class PlaidStandIn implements BeforeAllCallback {

    static final String CLIENT_ID = "it-client";
    static final String SECRET = "it-secret";

    private static volatile PlaidSandbox sandbox;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PlaidStandIn.class, key -> start(), Running.class);
    }

    static PlaidSandbox sandbox() {
        return sandbox;
    }

    private static Running start() {
        sandbox = startOn(Integer.parseInt(System.getenv("FINAGENT_IT_PLAID_PORT")));
        return new Running(sandbox);
    }

    /** A sandbox of its own on {@code port}, for servers that must not share the single domain's items and counts. */
    static PlaidSandbox startOn(int port) {
        try {
            return PlaidSandbox.start("127.0.0.1", port, SandboxOptions.defaults().withCredentials(CLIENT_ID, SECRET));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Plaid sandbox", e);
        }
    }

    record Running(PlaidSandbox sandbox) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            sandbox.close();
        }
    }
}
