package com.finagent.application.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private final TestBuckets buckets = new TestBuckets();
    private final RateLimiter limiter = buckets.limiter;
    private final Limit threePerMinute = Limit.perMinute("test", 3);

    @Test
    void countsDownThenRefusesWithTheTimeUntilTheNextRequest() {
        Consumption first = limiter.consume("alice", threePerMinute);
        assertTrue(first.allowed());
        assertEquals(3, first.limit());
        assertEquals(2, first.remaining());
        assertEquals(20, first.resetSeconds(), "one request used refills in a third of the minute");
        assertEquals(0, first.retryAfterSeconds());

        limiter.consume("alice", threePerMinute);
        Consumption third = limiter.consume("alice", threePerMinute);
        assertTrue(third.allowed());
        assertEquals(0, third.remaining());
        assertEquals(60, third.resetSeconds());

        Consumption refused = limiter.consume("alice", threePerMinute);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(20, refused.retryAfterSeconds());
    }

    @Test
    void keysAndLimitsHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.consume("alice", threePerMinute);
        }
        assertFalse(limiter.consume("alice", threePerMinute).allowed());
        assertTrue(limiter.consume("bob", threePerMinute).allowed());
        assertTrue(limiter.consume("alice", Limit.perMinute("other", 3)).allowed());
    }

    @Test
    void refillsOverThePeriod() {
        for (int i = 0; i < 3; i++) {
            limiter.consume("alice", threePerMinute);
        }
        buckets.advance(Duration.ofSeconds(19));
        assertFalse(limiter.consume("alice", threePerMinute).allowed());
        buckets.advance(Duration.ofSeconds(1));
        assertTrue(limiter.consume("alice", threePerMinute).allowed());
    }

    @Test
    void enforceThrowsWithTheConsumption() {
        Limit one = Limit.perMinute("one", 1);
        limiter.enforce("carol", one, "slow down");
        RateLimitExceededException refused = assertThrows(RateLimitExceededException.class,
                () -> limiter.enforce("carol", one, "slow down"));
        assertEquals("slow down", refused.getMessage());
        assertEquals(429, refused.getStatus());
        assertEquals(1, refused.consumption().limit());
        assertEquals(60, refused.consumption().retryAfterSeconds());
    }

    @Test
    void peekDoesNotUseTheBudgetAndResetRestoresIt() {
        Limit two = Limit.perMinute("two", 2);
        assertTrue(limiter.peek("dave", two).allowed());
        assertEquals(2, limiter.peek("dave", two).remaining());
        limiter.consume("dave", two);
        limiter.consume("dave", two);
        Consumption peeked = limiter.peek("dave", two);
        assertFalse(peeked.allowed());
        assertEquals(30, peeked.retryAfterSeconds());
        limiter.reset("dave", two);
        assertEquals(2, limiter.peek("dave", two).remaining());
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Limit.perMinute("zero", 0));
        assertThrows(IllegalArgumentException.class, () -> new Limit("long", 1, Duration.ofHours(2)));
        assertThrows(IllegalArgumentException.class, () -> Limit.perMinute("a:b", 1));
    }
}
