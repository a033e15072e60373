package com.finagent.application.market;

import com.finagent.application.cluster.ClusterDuties;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.messaging.Channel;
import com.finagent.application.messaging.Delivery;
import com.finagent.application.messaging.Envelope;
import com.finagent.application.messaging.MessagingException;
import com.finagent.application.messaging.Messaging;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live feed of the market sockets, ticking once per cluster. Every instance whose sockets want symbols
 * {@link #beat beats} once an interval and notes those symbols in the data grid; the one instance that holds the
 * feed's lease ({@link ClusterDuties#hold}) then prices every symbol wanted anywhere and publishes the prices on the
 * {@link Channel#MARKET_TICKS} topic, from which each instance hands them to its own sockets. So clients of any
 * instance see the same prices stamped with the same moment, and the providers are asked once a tick for the whole
 * cluster. When the holder stops, another beating instance takes the lease over within {@link #LEASE_INTERVALS}
 * intervals. Alone, an instance simply holds the lease itself.
 */
@ApplicationScoped
public class MarketFeed {

    private static final Logger LOG = Logger.getLogger(MarketFeed.class.getName());

    static final String DUTY = "market-feed";
    /** How many intervals the lease and a noted symbol last without being renewed. */
    static final int LEASE_INTERVALS = 3;

    @Inject
    Messaging messaging;

    @EJB
    ClusterDuties duties;

    @EJB
    MarketDataService market;

    /** Payara's JCache manager: its caches live in the data grid every instance shares. */
    @Inject
    CacheManager manager;

    @Inject
    @ConfigProperty(name = "finagent.market.stream-interval-ms", defaultValue = "1000")
    long intervalMillis;

    private Cache<String, String> wanted;
    private final List<Consumer<MarketTick>> handlers = new CopyOnWriteArrayList<>();

    @PostConstruct
    void open() {
        String name = "finagent-market-wanted";
        Cache<String, String> existing = manager.getCache(name, String.class, String.class);
        // Modified, not created, expiry: a symbol stays while some instance keeps noting it.
        wanted = existing != null ? existing : manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                        new Duration(TimeUnit.MILLISECONDS, LEASE_INTERVALS * intervalMillis)))
                .setStatisticsEnabled(false));
        messaging.consume(Channel.MARKET_TICKS, 1, delivery());
    }

    /** The time between ticks, in milliseconds. */
    public long intervalMillis() {
        return intervalMillis;
    }

    /** Receives every tick that reaches this instance. */
    public void on(Consumer<MarketTick> handler) {
        handlers.add(handler);
    }

    /**
     * One beat of this instance's clock, while its sockets want {@code symbols}: notes them for the cluster, and
     * if this instance holds the feed, prices everything wanted anywhere and publishes the tick.
     */
    public void beat(Set<String> symbols) {
        if (symbols.isEmpty()) {
            return;
        }
        Map<String, String> noted = new LinkedHashMap<>();
        symbols.forEach(symbol -> noted.put(symbol, ""));
        wanted.putAll(noted);
        if (!duties.hold(DUTY, java.time.Duration.ofMillis(LEASE_INTERVALS * intervalMillis))) {
            return;
        }
        Set<String> everywhere = new TreeSet<>(symbols);
        wanted.forEach(entry -> everywhere.add(entry.getKey()));
        Map<String, Double> prices = new LinkedHashMap<>();
        everywhere.forEach(symbol -> prices.put(symbol, price(symbol)));
        MarketTick tick = new MarketTick(System.currentTimeMillis(), prices);
        try {
            messaging.send(Channel.MARKET_TICKS, Envelope.forEveryone(Map.of(), tick.toJson()));
        } catch (MessagingException e) {
            // A tick is worth nothing a moment later: the next one is sent, not this one again.
            LOG.log(Level.WARNING, "A market tick was not published", e);
        }
    }

    /** How a received tick is delivered: to this instance's handlers, once. */
    public Delivery delivery() {
        return new Delivery("market tick", envelope -> deliver(MarketTick.fromJson(envelope.body())), 1,
                (envelope, attempts, cause) -> { });
    }

    private void deliver(MarketTick tick) {
        for (Consumer<MarketTick> handler : handlers) {
            try {
                handler.accept(tick);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A market tick handler failed", e);
            }
        }
    }

    private Double price(String symbol) {
        try {
            return market.quote(symbol).price();
        } catch (FinAgentException unknown) {
            return null;
        }
    }
}
