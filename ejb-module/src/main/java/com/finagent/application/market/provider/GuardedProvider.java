package com.finagent.application.market.provider;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * The resilience every remote provider shares (the Fault Tolerance annotations are {@code @Inherited}): a 4 s
 * timeout, two retries of transient failures, and a circuit breaker; an unknown symbol is neither retried nor
 * counted as a failure. After three failures in the last four calls the breaker opens and the provider is
 * skipped for 30 s.
 */
@Timeout(value = 4, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ProviderUnavailableException.class,
        abortOn = SymbolUnknownException.class)
// The breaker's delay is given in milliseconds because Payara 6.2025.10 schedules the half-open transition
// with the raw number as milliseconds whatever its delayUnit (30 SECONDS would reopen after 30 ms).
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000, skipOn = SymbolUnknownException.class)
abstract class GuardedProvider implements MarketDataProvider {
}
