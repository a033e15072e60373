package com.finagent.application.macro;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataCache;
import com.finagent.application.market.MarketMetrics;
import com.finagent.application.search.SearchRestClients;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import javax.cache.Cache;
import javax.cache.CacheManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * US economic statistics from FRED when {@code finagent.fred.api-key} is set: the snapshot of
 * {@link UsIndicators}, kept in JCache for hours (the series change monthly at most, daily for rates), so FRED is
 * asked a few times a day whatever the number of debates. A snapshot missing a series is not cached, so the next
 * request asks again (the circuit breaker keeps a failing FRED from being hammered).
 */
@ApplicationScoped
public class MacroService {

    private static final String CACHE_KEY = UsIndicators.REGION;
    /** Under the 4 s of {@link GuardedFred}, so that a slow answer fails as a retriable FRED failure first. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    @ConfigProperty(name = "finagent.fred.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "finagent.fred.url", defaultValue = "https://api.stlouisfed.org")
    String url;

    @Inject
    @ConfigProperty(name = "finagent.fred.ttl-seconds", defaultValue = "21600")
    long ttlSeconds;

    /** Payara's own JCache manager, backed by its embedded Hazelcast. */
    @Inject
    CacheManager manager;

    @Inject
    GuardedFred guarded;

    @Inject
    MarketMetrics metrics;

    Clock clock = Clock.systemUTC();

    private Cache<String, MacroSnapshot> snapshots;
    private volatile FredClient client;

    @PostConstruct
    void open() {
        snapshots = MarketDataCache.cache(manager, "finagent-macro", MacroSnapshot.class, ttlSeconds);
    }

    /** Whether a FRED key is configured; without one there are no statistics, only what the caller says instead. */
    public boolean configured() {
        return apiKey.filter(k -> !k.isBlank()).isPresent();
    }

    /** The US snapshot, from the cache or from FRED. Call only when {@link #configured()}. */
    public MacroSnapshot us() {
        MacroSnapshot cached = snapshots.get(CACHE_KEY);
        metrics.cacheLookup(MarketMetrics.MACRO, cached != null);
        if (cached != null) {
            return cached.fromCache();
        }
        MacroSnapshot fresh = UsIndicators.snapshot(this::observations, LocalDate.now(clock), clock.instant());
        if (fresh.missing().isEmpty()) {
            snapshots.put(CACHE_KEY, fresh);
        }
        return fresh;
    }

    /**
     * The indicators of {@code region} for the API: a validation problem for a region FRED does not cover, not
     * found without a key, an outside-service failure when FRED gave no figure at all.
     */
    public MacroSnapshot indicators(String region) {
        if (!UsIndicators.covers(region)) {
            throw FinAgentException.invalidField("region", "FRED covers US series only; leave it out or give US");
        }
        if (!configured()) {
            throw new FinAgentException(ErrorType.NOT_FOUND, "No economic statistics: they come from FRED, which is "
                    + "not configured (FINAGENT_FRED_API_KEY)");
        }
        MacroSnapshot snapshot = us();
        if (snapshot.figures().isEmpty()) {
            throw new FinAgentException(ErrorType.EXTERNAL_SERVICE, "FRED gave no figures: " + snapshot.failure());
        }
        return snapshot;
    }

    private List<FredObservation> observations(String seriesId, LocalDate start) {
        try {
            return guarded.observations(client(), seriesId, start);
        } catch (CircuitBreakerOpenException open) {
            throw new FredUnavailableException(FredClient.SERVICE + " failed repeatedly and is skipped for 30 s", open);
        } catch (TimeoutException late) {
            Thread.interrupted(); // the time-out interrupts this thread; later calls must not inherit that
            throw new FredUnavailableException(FredClient.SERVICE + " did not answer in time", late);
        } catch (FaultToleranceException other) {
            throw new FredUnavailableException(FredClient.SERVICE + " could not be asked: " + other.getMessage(), other);
        }
    }

    private FredClient client() {
        FredClient current = client;
        if (current == null) {
            current = new FredClient(SearchRestClients.build(url, FredApi.class, READ_TIMEOUT),
                    apiKey.orElse(""));
            client = current;
        }
        return current;
    }
}
