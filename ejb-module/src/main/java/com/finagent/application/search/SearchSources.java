package com.finagent.application.search;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Which sources answer, from configuration: each live service when it is configured (Polygon.io's key, the
 * EDGAR and StockTwits switches), its offline corpus otherwise. Holds the clients and the offline indexes for
 * the application's lifetime, so each corpus is indexed once.
 */
@ApplicationScoped
public class SearchSources {

    @Inject
    @ConfigProperty(name = "finagent.data.dir")
    Optional<String> dataDirectory;

    @Inject
    @ConfigProperty(name = "finagent.market.polygon.key")
    Optional<String> polygonKey;

    @Inject
    @ConfigProperty(name = "finagent.market.polygon.url", defaultValue = "https://api.polygon.io")
    String polygonUrl;

    @Inject
    @ConfigProperty(name = "finagent.search.sec.enabled", defaultValue = "false")
    boolean secEnabled;

    @Inject
    @ConfigProperty(name = "finagent.search.sec.user-agent")
    Optional<String> secUserAgent;

    @Inject
    @ConfigProperty(name = "finagent.search.sec.url", defaultValue = "https://data.sec.gov")
    String secUrl;

    @Inject
    @ConfigProperty(name = "finagent.search.sec.efts-url", defaultValue = "https://efts.sec.gov/LATEST")
    String secFullTextUrl;

    @Inject
    @ConfigProperty(name = "finagent.search.sec.files-url", defaultValue = "https://www.sec.gov")
    String secFilesUrl;

    @Inject
    @ConfigProperty(name = "finagent.search.sec.forms", defaultValue = "10-K,10-Q,8-K,20-F,6-K,DEF 14A,S-1")
    String secForms;

    @Inject
    @ConfigProperty(name = "finagent.search.stocktwits.enabled", defaultValue = "false")
    boolean stocktwitsEnabled;

    @Inject
    @ConfigProperty(name = "finagent.search.stocktwits.url", defaultValue = "https://api.stocktwits.com")
    String stocktwitsUrl;

    @Inject
    @ConfigProperty(name = "finagent.search.timeout-ms", defaultValue = "3000")
    long defaultTimeoutMillis;

    @Inject
    Config config;

    @Inject
    GuardedFeeds guarded;

    private OfflineCorpora offline;
    private final Map<SourceName, SearchSource> sources = new EnumMap<>(SourceName.class);

    @PostConstruct
    void init() {
        offline = new OfflineCorpora(dataDirectory.filter(d -> !d.isBlank()).map(Path::of).orElse(null));
        sources.put(SourceName.NEWS, news());
        sources.put(SourceName.SEC, sec());
        sources.put(SourceName.SOCIAL, social());
    }

    /** The text sources and the given market source, by name. */
    public Map<SourceName, SearchSource> sources(SearchSource market) {
        Map<SourceName, SearchSource> all = new EnumMap<>(sources);
        all.put(SourceName.MARKET, market);
        return all;
    }

    /** {@code finagent.search.<source>.timeout-ms}, else {@code finagent.search.timeout-ms} (3 s). */
    public Duration timeout(SourceName source) {
        long millis = config.getOptionalValue("finagent.search." + source.id() + ".timeout-ms", Long.class)
                .orElse(defaultTimeoutMillis);
        return Duration.ofMillis(Math.max(1, millis));
    }

    private SearchSource news() {
        if (polygonKey.filter(k -> !k.isBlank()).isPresent()) {
            PolygonNewsClient client = new PolygonNewsClient(
                    SearchRestClients.build(polygonUrl, PolygonNewsApi.class, timeout(SourceName.NEWS)), polygonKey.get());
            return new RemoteSource(SourceName.NEWS, PolygonNewsClient.SERVICE,
                    guard(PolygonNewsClient.SERVICE, client, guarded::news), offline::companies);
        }
        return new OfflineSource(SourceName.NEWS, OfflineCorpora.NEWS_ORIGIN,
                "Polygon.io is not configured (finagent.market.polygon.key)",
                offline::news, offline::companies);
    }

    private SearchSource sec() {
        String reason;
        if (!secEnabled) {
            reason = "SEC EDGAR is not enabled (finagent.search.sec.enabled)";
        } else if (secUserAgent.filter(a -> !a.isBlank()).isEmpty()) {
            reason = "SEC EDGAR needs finagent.search.sec.user-agent (a name and contact e-mail, as the SEC requires)";
        } else {
            Duration timeout = timeout(SourceName.SEC);
            EdgarClient client = new EdgarClient(SearchRestClients.build(secFilesUrl, EdgarApi.Files.class, timeout),
                    SearchRestClients.build(secUrl, EdgarApi.Submissions.class, timeout),
                    SearchRestClients.build(secFullTextUrl, EdgarApi.FullText.class, timeout), secUserAgent.get(), secForms);
            return new RemoteSource(SourceName.SEC, EdgarClient.SERVICE, guard(EdgarClient.SERVICE, client, guarded::filings),
                    offline::companies);
        }
        return new OfflineSource(SourceName.SEC, OfflineCorpora.SEC_ORIGIN, reason, offline::sec, offline::companies);
    }

    private SearchSource social() {
        if (stocktwitsEnabled) {
            StockTwitsClient client = new StockTwitsClient(
                    SearchRestClients.build(stocktwitsUrl, StockTwitsApi.class, timeout(SourceName.SOCIAL)));
            return new RemoteSource(SourceName.SOCIAL, StockTwitsClient.SERVICE,
                    guard(StockTwitsClient.SERVICE, client, guarded::social), offline::companies);
        }
        return new OfflineSource(SourceName.SOCIAL, OfflineCorpora.STOCKTWITS_ORIGIN + "; " + OfflineCorpora.TWEETS_ORIGIN,
                "StockTwits is not enabled (finagent.search.stocktwits.enabled)", offline::social, offline::companies);
    }

    /** The feed through its circuit breaker; an open breaker is reported like any other unavailable service. */
    private static RemoteFeed guard(String service, RemoteFeed feed,
                                    BiFunction<RemoteFeed, SearchRequest, List<SearchDocument>> breaker) {
        return request -> {
            try {
                return breaker.apply(feed, request);
            } catch (CircuitBreakerOpenException open) {
                throw new SourceUnavailableException(service, service + " failed repeatedly and is skipped for 30 s", false, open);
            }
        };
    }
}
