package com.finagent.application.partner;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a partner client may call. A user's token needs none of them; user-owned data (portfolios, accounts,
 * Plaid, memory, chat, the account itself) is never reachable with a client's token whatever its scopes.
 */
public enum Scope {
    MARKET_READ("market:read"),
    ANALYTICS_RUN("analytics:run"),
    SEARCH_READ("search:read"),
    SENTIMENT_RUN("sentiment:run"),
    DEBATES_WRITE("debates:write"),
    MACRO_READ("macro:read");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope as OAuth 2.0 names it, e.g. {@code market:read}. */
    public String value() {
        return value;
    }

    public static Optional<Scope> parse(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
