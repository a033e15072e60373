package com.finagent.application.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The limits in front of sign-in and registration, all held in {@link RateLimiter}'s cluster-wide buckets:
 * <ul>
 *   <li>sign-in attempts per client address and per account (normalised e-mail) a minute;</li>
 *   <li>registrations per client address a minute;</li>
 *   <li>failed sign-ins per account: after {@code failures} within the lockout period, the account accepts one
 *       more attempt every {@code lockout / failures} until the period passes without failures.</li>
 * </ul>
 * It also decides which refusals go to the audit log: the first for an address and e-mail in a minute. An attacker
 * whose every attempt is refused would otherwise write a row per request, thousands a minute, and the rows would
 * say nothing the first had not.
 * Accounts are keyed by the normalised e-mail whether or not an account has it, so the answers (and the work
 * done before them) are the same for unknown e-mails: a lockout reveals nothing about which accounts exist.
 */
@ApplicationScoped
public class SignInGuard {

    static final String LOCKED = "Too many failed sign-ins for this e-mail; try again later";
    static final String TOO_MANY_SIGN_INS = "Too many sign-in attempts; try again later";
    static final String TOO_MANY_REGISTRATIONS = "Too many registrations from this address; try again later";

    private RateLimiter limiter;
    private Limit signInPerAddress;
    private Limit signInPerAccount;
    private Limit registrationPerAddress;
    private Limit failuresPerAccount;
    private final Limit refusalsAudited = Limit.perMinute("refusal-audited", 1);

    protected SignInGuard() {
    }

    @Inject
    public SignInGuard(RateLimiter limiter,
                       @ConfigProperty(name = "finagent.rate-limit.signin-per-minute", defaultValue = "30") long signInPerAddress,
                       @ConfigProperty(name = "finagent.rate-limit.signin-per-account-per-minute", defaultValue = "10") long signInPerAccount,
                       @ConfigProperty(name = "finagent.rate-limit.register-per-minute", defaultValue = "10") long registrationPerAddress,
                       @ConfigProperty(name = "finagent.rate-limit.failed-signins", defaultValue = "5") long failures,
                       @ConfigProperty(name = "finagent.rate-limit.lockout-minutes", defaultValue = "15") long lockoutMinutes) {
        this.limiter = limiter;
        this.signInPerAddress = Limit.perMinute("signin-address", signInPerAddress);
        this.signInPerAccount = Limit.perMinute("signin-account", signInPerAccount);
        this.registrationPerAddress = Limit.perMinute("register-address", registrationPerAddress);
        this.failuresPerAccount = new Limit("signin-failures", failures, Duration.ofMinutes(lockoutMinutes));
    }

    /**
     * Lets a sign-in attempt for {@code email} from {@code clientAddress} through, or throws
     * {@link RateLimitExceededException}: over the address's or the account's rate, or the account is locked.
     */
    public void beforeSignIn(String email, String clientAddress) {
        if (clientAddress != null) {
            limiter.enforce(clientAddress, signInPerAddress, TOO_MANY_SIGN_INS);
        }
        limiter.enforce(email, signInPerAccount, TOO_MANY_SIGN_INS);
        Consumption lock = limiter.peek(email, failuresPerAccount);
        if (!lock.allowed()) {
            throw new RateLimitExceededException(LOCKED, lock);
        }
    }

    /** Counts a failed sign-in against {@code email}'s lockout budget. */
    public void failed(String email) {
        limiter.consume(email, failuresPerAccount);
    }

    /** A correct password clears {@code email}'s failures. */
    public void succeeded(String email) {
        limiter.reset(email, failuresPerAccount);
    }

    /** Whether this refusal of {@code email} from {@code clientAddress} is the first in the minute, to be audited. */
    public boolean firstRefusalThisMinute(String email, String clientAddress) {
        return limiter.consume(clientAddress + " " + email, refusalsAudited).allowed();
    }

    /** Lets a registration from {@code clientAddress} through, or throws {@link RateLimitExceededException}. */
    public void beforeRegistration(String clientAddress) {
        if (clientAddress != null) {
            limiter.enforce(clientAddress, registrationPerAddress, TOO_MANY_REGISTRATIONS);
        }
    }
}
