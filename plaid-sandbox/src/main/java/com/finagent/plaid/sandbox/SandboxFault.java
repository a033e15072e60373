package com.finagent.plaid.sandbox;

import java.util.Objects;

/**
 * An error the sandbox answers with instead of the real response, so tests can see how the integration copes
 * with the failures Plaid really returns. Immutable: each method returns a changed copy.
 *
 * <pre>{@code
 * sandbox.injectFault(itemId, SandboxFault.of(SandboxFault.Kind.RATE_LIMIT_EXCEEDED)
 *         .onEndpoint("/transactions/sync").afterCalls(2));   // third sync call of the item fails once
 * }</pre>
 */
public final class SandboxFault {

    /** The errors that can be injected, with the HTTP status and Plaid error they produce. */
    public enum Kind {
        /** 400, error_type ITEM_ERROR, error_code ITEM_LOGIN_REQUIRED. */
        ITEM_LOGIN_REQUIRED,
        /** 429, error_type RATE_LIMIT_EXCEEDED, error_code per endpoint (e.g. TRANSACTIONS_SYNC_LIMIT). */
        RATE_LIMIT_EXCEEDED,
        /** 500, error_type API_ERROR, error_code INTERNAL_SERVER_ERROR. */
        INTERNAL_SERVER_ERROR
    }

    private final Kind kind;
    private final String endpoint;
    private final int passes;
    private final boolean persistent;

    private SandboxFault(Kind kind, String endpoint, int passes, boolean persistent) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.endpoint = endpoint;
        this.passes = passes;
        this.persistent = persistent;
    }

    /** A one-shot fault on the next matching request, whatever its endpoint. */
    public static SandboxFault of(Kind kind) {
        return new SandboxFault(kind, null, 0, false);
    }

    /** Only requests to this path (e.g. {@code "/transactions/sync"}) match. */
    public SandboxFault onEndpoint(String path) {
        return new SandboxFault(kind, Objects.requireNonNull(path, "path"), passes, persistent);
    }

    /** Lets {@code calls} matching requests through before failing, e.g. to break a sync between pages. */
    public SandboxFault afterCalls(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative");
        }
        return new SandboxFault(kind, endpoint, calls, persistent);
    }

    /** Fails every matching request (after the allowed calls) until {@link PlaidSandbox#clearFaults()}. */
    public SandboxFault persistent() {
        return new SandboxFault(kind, endpoint, passes, true);
    }

    public Kind kind() {
        return kind;
    }

    /** The path this fault is limited to, or null for every endpoint. */
    public String endpoint() {
        return endpoint;
    }

    public int passes() {
        return passes;
    }

    public boolean isPersistent() {
        return persistent;
    }

    @Override
    public String toString() {
        return kind + (endpoint == null ? "" : " on " + endpoint) + (passes == 0 ? "" : " after " + passes + " calls")
                + (persistent ? " (persistent)" : " (once)");
    }
}
