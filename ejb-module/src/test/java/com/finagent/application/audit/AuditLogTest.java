package com.finagent.application.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditLogTest {

    @Test
    void tokensAndKeysAreRedactedAndIdsKept() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        assertEquals("token [redacted] for 6f1d7c1e-3a52-4d7e-9c1b-2f0e5d6a7b8c",
                AuditLog.clean("token " + jwt + " for 6f1d7c1e-3a52-4d7e-9c1b-2f0e5d6a7b8c", 300));
        assertEquals("item [redacted]", AuditLog.clean("item access-sandbox-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901", 300));
        assertEquals("key [redacted]", AuditLog.clean("key Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy", 300));
        assertNull(AuditLog.clean(null, 10));
    }

    @Test
    void longTextIsCutAndNulBytesGo() {
        assertEquals("abcd…", AuditLog.clean("abcdefgh", 5));
        assertEquals("a b", AuditLog.clean("a\u0000b", 5));
    }

    @Test
    void actorsAndQueriesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Actor(Actor.Kind.USER, null));
        assertThrows(IllegalArgumentException.class, () -> new Actor(Actor.Kind.ANONYMOUS, "x"));
        assertThrows(IllegalArgumentException.class, () -> new AuditQuery(null, null, null, null, null, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AuditQuery(null, null, null, null, null, null, -1, 10));
    }
}
