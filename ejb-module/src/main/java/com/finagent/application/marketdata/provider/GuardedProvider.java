package com.finagent.application.marketdata.provider;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * The resilience every remote provider shares (the Fault Tolerance annotations are {@code @Inherited}): a 4 s
 * timeout, two retries of transient failures, and a circuit breaker; an unknown symbol is neither retried nor
 * counted as a failure.
 */
@Timeout(value = 4, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ProviderUnavailableException.class,
        abortOn = SymbolUnknownException.class)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
        skipOn = SymbolUnknownException.class)
abstract class GuardedProvider implements MarketDataProvider {
}
