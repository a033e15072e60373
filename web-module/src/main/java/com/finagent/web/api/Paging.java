package com.finagent.web.api;

import com.finagent.application.error.FinAgentException;

/**
 * Checks {@code page} and {@code size} query parameters. Checked in code rather than with {@code @Min}/{@code @Max}:
 * Payara's OpenAPI scanner fails on constraints of parameters.
 */
public final class Paging {

    /** Pages beyond this are refused, so an offset never overflows. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    public static void check(int page, int size, int maxSize) {
        if (page < 0 || page > MAX_PAGE) {
            throw FinAgentException.invalidField("page", "must be 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > maxSize) {
            throw FinAgentException.invalidField("size", "must be 1 to " + maxSize);
        }
    }
}
