package com.finagent.plaid.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Settings of a {@link PlaidSandbox}. Immutable: each {@code with…} returns a changed copy of
 * {@link #defaults()}.
 */
public final class SandboxOptions {

    private final String clientId;
    private final String secret;
    private final long seed;
    private final Clock clock;
    private final Path journal;

    private SandboxOptions(String clientId, String secret, long seed, Clock clock, Path journal) {
        this.clientId = clientId;
        this.secret = secret;
        this.seed = seed;
        this.clock = clock;
        this.journal = journal;
    }

    /** Any non-empty client id and secret, seed 0, the system clock (UTC), state kept in memory only. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(null, null, 0L, Clock.systemUTC(), null);
    }

    /** Only this client id and secret are accepted (others get INVALID_API_KEYS), as with a real Plaid account. */
    public SandboxOptions withCredentials(String clientId, String secret) {
        return new SandboxOptions(Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(secret, "secret"),
                seed, clock, journal);
    }

    /** Seed of the generated data: the same seed and sequence of items give the same accounts and transactions. */
    public SandboxOptions withSeed(long seed) {
        return new SandboxOptions(clientId, secret, seed, clock, journal);
    }

    /** Clock for "today" (the end of the generated history) and timestamps; tests pin it to get fixed dates. */
    public SandboxOptions withClock(Clock clock) {
        return new SandboxOptions(clientId, secret, seed, Objects.requireNonNull(clock, "clock"), journal);
    }

    /**
     * Keeps items and their changes in this file (JSON lines, appended) and replays it at start, so the access
     * tokens an application stored stay valid across its restarts. Without it the sandbox forgets everything on
     * {@link PlaidSandbox#close()}.
     */
    public SandboxOptions withJournal(Path file) {
        return new SandboxOptions(clientId, secret, seed, clock, Objects.requireNonNull(file, "file"));
    }

    public String clientId() {
        return clientId;
    }

    public String secret() {
        return secret;
    }

    public long seed() {
        return seed;
    }

    public Clock clock() {
        return clock;
    }

    /** The journal file, or null when state is kept in memory only. */
    public Path journal() {
        return journal;
    }
}
