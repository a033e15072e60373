package com.finagent.plaid.sandbox;

import com.google.gson.JsonObject;
import com.plaid.client.model.ItemErrorWebhook;
import com.plaid.client.model.SyncUpdatesAvailableWebhook;
import com.plaid.client.model.WebhookEnvironmentValues;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local stand-in for Plaid's API, for when Plaid cannot be reached: same paths, JSON schemas, error objects
 * and signed webhooks, so the official SDK ({@code apiClient.setPlaidAdapter(sandbox.baseUrl())}) and the code
 * on top of it cannot tell the difference. Plain Java on the JDK's HTTP server, so it runs the same as a process
 * of its own ({@link PlaidSandboxMain}, started by {@code finagent run}) and inside a test JVM; never in the
 * application server, whose threads it would not be allowed to manage.
 *
 * <p>Logging in: {@code /sandbox/public_token/create} with any of Plaid's Sandbox institutions
 * ({@code ins_109508} … {@code ins_109512}) and {@code override_username}/{@code override_password}
 * {@code user_good}/{@code pass_good} (the defaults); any other password gives INVALID_CREDENTIALS. The username
 * {@code user_transactions_<N>} (1 ≤ N ≤ 200 000) gives an item with exactly N transactions, spread over
 * {@code options.transactions} {@code start_date}…{@code end_date} (or {@code days_requested} up to today), by
 * default the last 180 days. Without a Link UI, {@link #completeLink} plays the user finishing Link.
 *
 * <p>The Java methods below let tests change data and inject failures while the server runs. They have no HTTP
 * counterpart, so a sandbox started as a process offers only Plaid's own API.
 *
 * <p>JSON in this module is Gson, not the application's JSON-B: the sandbox speaks Plaid's wire with the SDK's own
 * Gson models and settings ({@link PlaidJson}), so what it writes is byte for byte what the SDK parses.
 */
public final class PlaidSandbox implements AutoCloseable {

    static final int DEFAULT_HISTORY_DAYS = 180;
    static final int MAX_TRANSACTIONS = 200_000;

    private final SandboxOptions options;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final WebhookSender webhooks;
    private final SandboxItems items;
    private final SandboxFaults faults = new SandboxFaults();
    private final Map<String, PublicToken> publicTokens = new ConcurrentHashMap<>();
    private final Map<String, LinkToken> linkTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();

    record PublicToken(String itemId, Instant expiresAt) {
    }

    record LinkToken(String webhook, List<String> products, String accessToken, Instant expiresAt) {
    }

    private PlaidSandbox(SandboxOptions options, HttpServer server, ExecutorService executor) throws IOException {
        this.options = options;
        // Plaid's timestamps have whole seconds ("2019-02-15T15:53:00Z").
        this.clock = Clock.tick(options.clock(), Duration.ofSeconds(1));
        this.server = server;
        this.executor = executor;
        this.webhooks = new WebhookSender(clock);
        this.items = new SandboxItems(options.seed(), clock, options.journal());
    }

    /**
     * Starts the server on {@code host}:{@code port} ({@code port} 0 picks a free one; see {@link #baseUrl()}).
     * A few threads serve requests; webhooks go out on one more.
     */
    public static PlaidSandbox start(String host, int port, SandboxOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "plaid-sandbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        PlaidSandbox sandbox;
        try {
            sandbox = new PlaidSandbox(options, server, executor);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            server.stop(0);
            throw e;
        }
        server.createContext("/", new SandboxEndpoints(sandbox));
        server.setExecutor(executor);
        server.start();
        return sandbox;
    }

    /** {@code http://host:port/}, what {@code ApiClient.setPlaidAdapter} takes. */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webhooks.close();
        try {
            items.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- control API for tests and offline mode ----------------------------------------------------------------

    /**
     * Arms {@code fault} for requests about the item {@code itemId} (identified by their access token), or for
     * every request when {@code itemId} is null.
     */
    public void injectFault(String itemId, SandboxFault fault) {
        Objects.requireNonNull(fault, "fault");
        if (itemId != null) {
            items.item(itemId);
        }
        faults.arm(itemId, fault);
    }

    /** Disarms every injected fault. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Adds {@code count} new purchases dated today (as the bank posting them would) and fires
     * SYNC_UPDATES_AVAILABLE if the item has a webhook. Returns the new transaction ids.
     */
    public List<String> addTransactions(String itemId, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        SandboxItem item = items.item(itemId);
        LocalDate today = today();
        List<SandboxTransaction> created = addNew(item, random -> item.purchases(random, count, today));
        return created.stream().map(SandboxTransaction::transactionId).toList();
    }

    /** Changes the amounts of existing transactions (the next sync lists them as modified) and fires the webhook. */
    public void modifyTransactions(String itemId, Map<String, Double> newAmounts) {
        SandboxItem item = items.item(itemId);
        Map<String, Long> cents = new LinkedHashMap<>();
        newAmounts.forEach((id, amount) -> cents.put(id, Math.round(amount * 100)));
        items.modify(item, cents);
        fireSyncUpdates(item);
    }

    /** Removes existing transactions (the next sync lists them as removed) and fires the webhook. */
    public void removeTransactions(String itemId, Collection<String> transactionIds) {
        SandboxItem item = items.item(itemId);
        items.removeTransactions(item, List.copyOf(transactionIds));
        fireSyncUpdates(item);
    }

    /** The ids of the item's current transactions, oldest first. */
    public List<String> transactionIds(String itemId) {
        return items.item(itemId).transactionIds();
    }

    /** The access token of an item, e.g. one the application linked, so a test can act on it. */
    public String accessToken(String itemId) {
        return items.item(itemId).spec.accessToken();
    }

    /** Ids of all items created so far, removed ones included. */
    public Set<String> itemIds() {
        return items.ids();
    }

    /** Puts the item into ITEM_LOGIN_REQUIRED (like /sandbox/item/reset_login) or takes it out again. */
    public void setLoginRequired(String itemId, boolean required) {
        SandboxItem item = items.item(itemId);
        items.changeLogin(item, required);
        if (required) {
            fireLoginRequired(item);
        }
    }

    /** How many requests arrived for {@code path} (e.g. {@code "/transactions/sync"}), failed ones included. */
    public int requestCount(String path) {
        AtomicInteger count = requestCounts.get(path);
        return count == null ? 0 : count.get();
    }

    /** Requests per path so far. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        requestCounts.forEach((path, count) -> counts.put(path, count.get()));
        return counts;
    }

    /**
     * The {@code Plaid-Verification} header this sandbox would send with {@code body}, as a receiver that captured
     * a genuine webhook would hold it.
     */
    public String webhookVerification(String body) {
        try {
            return webhooks.sign(body);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot sign a webhook", e);
        }
    }

    /** Webhook deliveries that failed (connection refused, timeout, non-2xx answer). */
    public int webhookFailures() {
        return webhooks.failures();
    }

    /**
     * Plays the user completing Plaid Link for a link token from /link/token/create, as user_good at
     * {@code institutionId}, and returns the public_token Link would hand to the front end. The item gets the
     * link token's products and webhook. For an update-mode link token (created with an access_token) it
     * repairs that item instead and returns a public token for it.
     */
    public String completeLink(String linkToken, String institutionId) {
        LinkToken link = linkTokens.get(linkToken);
        if (link == null || link.expiresAt().isBefore(clock.instant())) {
            throw new IllegalArgumentException("unknown or expired link token");
        }
        if (link.accessToken() != null) {
            SandboxItem item = items.byAccessToken(link.accessToken());
            items.changeLogin(item, false);
            return issuePublicToken(item);
        }
        if (SandboxData.institution(institutionId).isEmpty()) {
            throw new IllegalArgumentException("unknown institution " + institutionId);
        }
        LocalDate today = today();
        SandboxItem item = items.create(institutionId, "user_good", link.products(), link.webhook(),
                today.minusDays(DEFAULT_HISTORY_DAYS), today, -1);
        return issuePublicToken(item);
    }

    // ---- state shared with the endpoints -----------------------------------------------------------------------

    SandboxOptions options() {
        return options;
    }

    Clock clock() {
        return clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    WebhookSender webhooks() {
        return webhooks;
    }

    SandboxItems items() {
        return items;
    }

    SandboxFaults faults() {
        return faults;
    }

    void countRequest(String path) {
        requestCounts.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
    }

    String issuePublicToken(SandboxItem item) {
        String token = Ids.token("public");
        publicTokens.put(token, new PublicToken(item.itemId(), clock.instant().plusSeconds(30 * 60)));
        return token;
    }

    /** The item a public token stands for; a public token can be exchanged once. */
    SandboxItem exchange(String publicToken) {
        PublicToken token = publicTokens.remove(publicToken);
        if (token == null || token.expiresAt().isBefore(clock.instant())) {
            return null;
        }
        return items.item(token.itemId());
    }

    String issueLinkToken(LinkToken token) {
        String value = Ids.token("link");
        linkTokens.put(value, token);
        return value;
    }

    List<SandboxTransaction> addNew(SandboxItem item, Function<SplittableRandom, List<SandboxTransaction>> maker) {
        List<SandboxTransaction> created = items.addNew(item, maker);
        fireSyncUpdates(item);
        return created;
    }

    // ---- webhooks ----------------------------------------------------------------------------------------------

    void fireSyncUpdates(SandboxItem item) {
        sendWebhook(item, item.webhook(), "SYNC_UPDATES_AVAILABLE", PlaidJson.tree(new SyncUpdatesAvailableWebhook()
                .webhookType("TRANSACTIONS")
                .webhookCode("SYNC_UPDATES_AVAILABLE")
                .itemId(item.itemId())
                .initialUpdateComplete(true)
                .historicalUpdateComplete(true)
                .environment(WebhookEnvironmentValues.SANDBOX)));
    }

    void fireLoginRequired(SandboxItem item) {
        sendWebhook(item, item.webhook(), "ERROR", PlaidJson.tree(new ItemErrorWebhook()
                .webhookType("ITEM")
                .webhookCode("ERROR")
                .itemId(item.itemId())
                .error(PlaidApiError.itemLoginRequired().toModel(null))
                .environment(WebhookEnvironmentValues.SANDBOX)));
    }

    /** Sends {@code body} to {@code url} if there is one; returns whether a webhook went out. */
    boolean sendWebhook(SandboxItem item, String url, String code, JsonObject body) {
        if (url == null || url.isBlank()) {
            return false;
        }
        webhooks.send(url, PlaidJson.text(body));
        item.webhookSent(code, clock.instant());
        return true;
    }
}
