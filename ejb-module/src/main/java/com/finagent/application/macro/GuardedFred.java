package com.finagent.application.macro;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * FRED behind MicroProfile Fault Tolerance, as the market-data providers are: a 4 s time-out, two retries of
 * transient failures, and a circuit breaker that skips FRED for 30 s after three failures in the last four calls.
 * A rejection (a bad key, a rate limit) is neither retried, since it answers the same at once, nor counted by the
 * breaker, so its own explanation keeps reaching the user; a snapshot stops at the first one anyway.
 */
@ApplicationScoped
@Timeout(value = 4, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = FredUnavailableException.class,
        abortOn = FredRejectedException.class)
// Delay in milliseconds: Payara 6.2025.10 schedules the half-open transition with the raw number as
// milliseconds whatever its delayUnit (see GuardedProvider).
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000, skipOn = FredRejectedException.class)
public class GuardedFred {

    public List<FredObservation> observations(FredClient client, String seriesId, LocalDate start) {
        return client.observations(seriesId, start);
    }
}
