package com.finagent.web.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RFC 9110 section 11.1: the authentication scheme is a case-insensitive token. */
class BearerSchemeTest {

    @Test
    void everySpellingOfTheSchemeBecomesTheOnePayaraReads() {
        assertEquals("Bearer abc.def.ghi", BearerScheme.canonicalHeader("bearer abc.def.ghi"));
        assertEquals("Bearer abc.def.ghi", BearerScheme.canonicalHeader("BEARER abc.def.ghi"));
        assertEquals("Bearer abc.def.ghi", BearerScheme.canonicalHeader("bEaReR \t abc.def.ghi "));
        assertEquals("Bearer abc.def.ghi", BearerScheme.canonicalHeader("Bearer abc.def.ghi"));
    }

    @Test
    void otherSchemesAndEmptyCredentialsAreLeftAlone() {
        assertNull(BearerScheme.canonicalHeader(null));
        assertNull(BearerScheme.canonicalHeader("Basic dXNlcjpwYXNz"));
        assertNull(BearerScheme.canonicalHeader("Bearer"));
        assertNull(BearerScheme.canonicalHeader("Bearer   "));
        assertNull(BearerScheme.canonicalHeader("Bearerabc"));
    }
}
