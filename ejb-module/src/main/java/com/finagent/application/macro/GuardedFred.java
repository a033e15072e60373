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
 * transient failures (not of a rejection: a bad key or a rate limit answers the same at once), and a circuit
 * breaker that skips FRED for 30 s after three failures in the last four calls.
 */
@ApplicationScoped
@Timeout(value = 4, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = FredUnavailableException.class,
        abortOn = FredRejectedException.class)
// Delay in milliseconds: Payara 6.2025.10 schedules the half-open transition with the raw number as
// milliseconds whatever its delayUnit (see GuardedProvider).
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000)
public class GuardedFred {

    public List<FredObservation> observations(FredClient client, String seriesId, LocalDate start) {
        return client.observations(seriesId, start);
    }
}
