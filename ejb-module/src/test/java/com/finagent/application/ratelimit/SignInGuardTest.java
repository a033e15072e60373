package com.finagent.application.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInGuardTest {

    private final TestBuckets buckets = new TestBuckets();
    /** 100 sign-ins an address and 100 an account a minute, 3 registrations an address, 5 failures in 15 minutes. */
    private final SignInGuard guard = new SignInGuard(buckets.limiter, 100, 100, 3, 5, 15);

    @Test
    void fiveFailuresLockTheAccountThenOneAttemptEveryThreeMinutes() {
        for (int i = 0; i < 5; i++) {
            guard.beforeSignIn("alice@example.com", "198.51.100.1");
            guard.failed("alice@example.com");
        }
        RateLimitExceededException locked = assertThrows(RateLimitExceededException.class,
                () -> guard.beforeSignIn("alice@example.com", "198.51.100.2"));
        assertEquals(SignInGuard.LOCKED, locked.getMessage());
        assertEquals(180, locked.consumption().retryAfterSeconds());
        assertEquals(5, locked.consumption().limit());

        buckets.advance(Duration.ofMinutes(3));
        assertDoesNotThrow(() -> guard.beforeSignIn("alice@example.com", "198.51.100.2"));
        guard.failed("alice@example.com");
        assertThrows(RateLimitExceededException.class, () -> guard.beforeSignIn("alice@example.com", "198.51.100.2"));
    }

    @Test
    void onlyTheFirstRefusalOfAnAddressAndEmailInAMinuteIsAudited() {
        assertTrue(guard.firstRefusalThisMinute("alice@example.com", "198.51.100.1"));
        assertFalse(guard.firstRefusalThisMinute("alice@example.com", "198.51.100.1"));
        assertTrue(guard.firstRefusalThisMinute("alice@example.com", "198.51.100.2"));
        assertTrue(guard.firstRefusalThisMinute("bob@example.com", "198.51.100.1"));
        buckets.advance(Duration.ofMinutes(1));
        assertTrue(guard.firstRefusalThisMinute("alice@example.com", "198.51.100.1"));
    }

    @Test
    void anotherAccountIsNotLockedAndSuccessClearsFailures() {
        for (int i = 0; i < 4; i++) {
            guard.failed("bob@example.com");
        }
        guard.succeeded("bob@example.com");
        for (int i = 0; i < 4; i++) {
            guard.failed("bob@example.com");
        }
        assertDoesNotThrow(() -> guard.beforeSignIn("bob@example.com", "198.51.100.1"));
        for (int i = 0; i < 5; i++) {
            guard.failed("carol@example.com");
        }
        assertDoesNotThrow(() -> guard.beforeSignIn("bob@example.com", "198.51.100.1"));
    }

    @Test
    void unknownAndKnownEmailsAreLockedAlike() {
        // the guard has no idea which e-mails have accounts: the same calls give the same answers
        for (int i = 0; i < 5; i++) {
            guard.failed("nobody@example.com");
            guard.failed("somebody@example.com");
        }
        RateLimitExceededException unknown = assertThrows(RateLimitExceededException.class,
                () -> guard.beforeSignIn("nobody@example.com", null));
        RateLimitExceededException known = assertThrows(RateLimitExceededException.class,
                () -> guard.beforeSignIn("somebody@example.com", null));
        assertEquals(known.getMessage(), unknown.getMessage());
        assertEquals(known.consumption(), unknown.consumption());
    }

    @Test
    void registrationsAreLimitedPerAddress() {
        for (int i = 0; i < 3; i++) {
            guard.beforeRegistration("203.0.113.9");
        }
        RateLimitExceededException refused = assertThrows(RateLimitExceededException.class,
                () -> guard.beforeRegistration("203.0.113.9"));
        assertEquals(SignInGuard.TOO_MANY_REGISTRATIONS, refused.getMessage());
        assertEquals(20, refused.consumption().retryAfterSeconds());
        assertDoesNotThrow(() -> guard.beforeRegistration("203.0.113.10"));
    }

    @Test
    void signInsAreLimitedPerAddressAndPerAccount() {
        SignInGuard strict = new SignInGuard(buckets.limiter, 2, 3, 10, 50, 15);
        strict.beforeSignIn("a@example.com", "192.0.2.1");
        strict.beforeSignIn("b@example.com", "192.0.2.1");
        assertThrows(RateLimitExceededException.class, () -> strict.beforeSignIn("c@example.com", "192.0.2.1"));
        strict.beforeSignIn("d@example.com", "192.0.2.2");
        strict.beforeSignIn("d@example.com", "192.0.2.3");
        strict.beforeSignIn("d@example.com", "192.0.2.4");
        RateLimitExceededException perAccount = assertThrows(RateLimitExceededException.class,
                () -> strict.beforeSignIn("d@example.com", "192.0.2.5"));
        assertEquals(SignInGuard.TOO_MANY_SIGN_INS, perAccount.getMessage());
    }
}
