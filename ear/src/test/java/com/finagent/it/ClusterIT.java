package com.finagent.it;

import com.finagent.persistence.devdb.DevDatabase;
import com.finagent.plaid.sandbox.PlaidSandbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application on a Payara deployment group of two instances behind nginx, as {@code finagent run --instances 2}
 * starts it (ear/src/payara/cluster.sh), with a PostgreSQL of its own: what one instance does, the other sees; work
 * the cluster does once is done once; and an instance killed mid-debate leaves no debate running for ever.
 * The cluster runs beside the single test domain on ports of its own (from {@code FINAGENT_IT_CLUSTER_PORTBASE}),
 * with market-data and Plaid stand-ins of its own, and at the same time as the other test classes (which run one
 * after another): most of its time is the cluster's start and waits for timers, heartbeats and ticks, which leave
 * the machine's cores to them. Its own stand-ins keep its requests out of the counts the other classes assert. Its
 * tests run one after another, in order, on the one cluster: the lock on it makes JUnit run them in one thread.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("finagent-cluster-it")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int PORTBASE = Integer.parseInt(System.getenv("FINAGENT_IT_CLUSTER_PORTBASE"));
    private static final int DB_PORT = Integer.parseInt(System.getenv("FINAGENT_IT_CLUSTER_DB_PORT"));
    private static final String DOMAIN = "finagent-cluster-it";
    private static final String FIRST = "finagent-1";
    private static final String SECOND = "finagent-2";
    /**
     * The scheduled Plaid sync's interval on the cluster, and the window it is watched over: under 2.7 intervals,
     * so that runs at least 0.9 intervals apart fit at most 3 times, and a timer per instance makes at least 4.
     */
    private static final Duration SYNC_INTERVAL = Duration.ofSeconds(10);
    private static final Duration SYNC_WINDOW = Duration.ofSeconds(26);
    /** A debate whose instance stopped is failed after this silence (and the next 15 s check). */
    private static final int STALE_AFTER_SECONDS = 20;

    private static final ApiClient BALANCER = new ApiClient(URI.create("http://localhost:" + (PORTBASE + 1) + "/"));
    private static final Map<String, ApiClient> INSTANCES = Map.of(
            FIRST, new ApiClient(URI.create("http://localhost:" + instancePort(1) + "/")),
            SECOND, new ApiClient(URI.create("http://localhost:" + instancePort(2) + "/")));

    private static Path state;
    private static DevDatabase database;
    private static MarketStandIn market;
    private static PlaidSandbox plaid;
    /** Where the sync window began: the time and the sandbox's count of transaction syncs then. */
    private static Instant syncWindowStart;
    private static int syncCallsAtStart;

    private static int instancePort(int instance) {
        return PORTBASE + 100 * instance + 80;
    }

    @BeforeAll
    static void startCluster() throws Exception {
        market = MarketStandIn.startOn(Integer.parseInt(System.getenv("FINAGENT_IT_CLUSTER_STANDIN_PORT")));
        plaid = PlaidStandIn.startOn(Integer.parseInt(System.getenv("FINAGENT_IT_CLUSTER_PLAID_PORT")));
        state = Path.of(System.getProperty("finagent.cluster.state"));
        Files.createDirectories(state);
        Path passwordFile = state.resolve("admin-password");
        Files.writeString(passwordFile, "AS_ADMIN_PASSWORD=finagent-cluster-it\n", StandardCharsets.UTF_8);
        cluster("stop", payara(), DOMAIN, passwordFile.toString(), String.valueOf(PORTBASE), state.toString());
        // A database of this run only: the Plaid sandbox, started afresh, gives the same account ids again.
        Path data = state.resolve("pgdata");
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        database = DevDatabase.start(data, DB_PORT);
        cluster("start", payara(), DOMAIN, passwordFile.toString(), String.valueOf(PORTBASE), "2",
                String.valueOf(PORTBASE + 1), state.toString(), System.getProperty("finagent.ear"),
                System.getProperty("finagent.domain-lib"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            cluster("stop", payara(), DOMAIN, state.resolve("admin-password").toString(), String.valueOf(PORTBASE),
                    state.toString());
        } finally {
            if (database != null) {
                database.close();
            }
            if (market != null) {
                market.stop();
            }
            if (plaid != null) {
                plaid.close();
            }
        }
    }

    @Test
    @Order(1)
    void anItemLinkedThroughTheClusterStartsTheSyncWindow() {
        String token = BALANCER.newUserToken("cluster-linker");
        BALANCER.linkSandboxBank(token, "user_good");
        syncWindowStart = Instant.now();
        syncCallsAtStart = plaid.requestCount("/transactions/sync");
    }

    @Test
    @Order(2)
    void aQuoteFetchedThroughOneInstanceIsACacheHitOnTheOther() {
        String token = BALANCER.newUserToken("cluster-quotes");
        int before = market.requestsFor("NFLX");
        ApiClient.Reply first = INSTANCES.get(FIRST).get("/api/v1/market/quote/NFLX", token);
        assertEquals(200, first.status(), first.body());
        assertFalse(first.object().getBoolean("cached"), first.body());
        int fetched = market.requestsFor("NFLX") - before;
        assertTrue(fetched >= 1, "the first instance asked the providers");

        ApiClient.Reply second = INSTANCES.get(SECOND).get("/api/v1/market/quote/NFLX", token);
        assertEquals(200, second.status(), second.body());
        assertTrue(second.object().getBoolean("cached"), second.body());
        assertEquals(first.object().getJsonNumber("price"), second.object().getJsonNumber("price"));
        assertEquals(fetched, market.requestsFor("NFLX") - before, "the second instance asked no provider");
    }

    @Test
    @Order(3)
    void aSignInLimitCountsTheAttemptsThroughEveryInstance() {
        String email = "cluster-signin-" + UUID.randomUUID() + "@example.com";
        BALANCER.register(email, "Limited");
        String signIn = Json.createObjectBuilder().add("email", email).add("password", ApiClient.PASSWORD).build()
                .toString();
        // Ten sign-ins a minute per e-mail (the default), alternating between the instances: the buckets are shared
        // in the data grid, so the eleventh is refused whichever instance takes it; per instance (seven each) every
        // one would pass. The bucket refills greedily, a token every 6 s, so a slow run earns back a token or two.
        List<Integer> statuses = new ArrayList<>();
        long started = System.nanoTime();
        for (int attempt = 0; attempt < 14; attempt++) {
            statuses.add(INSTANCES.get(attempt % 2 == 0 ? FIRST : SECOND).post("/api/v1/auth/token", null, signIn)
                    .status());
        }
        long refilled = Duration.ofNanos(System.nanoTime() - started).toSeconds() / 6;
        assertEquals(Collections.nCopies(10, 200), statuses.subList(0, 10), "the bucket's ten: " + statuses);
        long accepted = statuses.stream().filter(status -> status == 200).count();
        assertTrue(statuses.subList(10, 14).stream().allMatch(status -> status == 200 || status == 429), statuses
                .toString());
        assertTrue(accepted <= 10 + refilled && accepted < 14, accepted + " accepted with " + refilled
                + " tokens refilled: " + statuses);
    }

    @Test
    @Order(4)
    void aDebateStartedThroughOneInstanceStreamsToSocketsOnBoth() throws Exception {
        String token = BALANCER.newUserToken("cluster-debater");
        ApiClient.Reply accepted = INSTANCES.get(FIRST).post("/api/v1/debates", token,
                "{\"query\":\"Should I buy Apple now?\",\"assistantType\":\"analyst\",\"symbols\":[\"aapl\"]}");
        assertEquals(202, accepted.status(), accepted.body());
        String id = accepted.object().getString("id");
        Map<String, BlockingQueue<String>> received = new HashMap<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (String instance : List.of(FIRST, SECOND)) {
            BlockingQueue<String> messages = new LinkedBlockingQueue<>();
            received.put(instance, messages);
            sockets.add(HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + instancePort(instance.equals(FIRST) ? 1 : 2)
                            + "/ws/debates/" + id + "?access_token=" + token), new SocketCollector(messages, null))
                    .get(10, TimeUnit.SECONDS));
        }
        Map<String, List<JsonObject>> streams = new HashMap<>();
        for (String instance : List.of(FIRST, SECOND)) {
            streams.put(instance, untilTheEnd(received.get(instance)));
        }
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));

        String runner = single("SELECT runner FROM debates WHERE id = ?::uuid", id);
        assertTrue(Set.of(FIRST, SECOND).contains(runner), "one instance of the group ran it: " + runner);
        String other = runner.equals(FIRST) ? SECOND : FIRST;
        for (String instance : List.of(FIRST, SECOND)) {
            List<JsonObject> stream = streams.get(instance);
            JsonObject last = stream.get(stream.size() - 1);
            assertEquals("completed", last.getString("status"), instance + ": " + last);
            Set<String> steps = new java.util.HashSet<>();
            stream.stream().filter(m -> m.getString("type").equals("execution"))
                    .forEach(m -> steps.add(m.getString("step")));
            for (String step : List.of("parallel-search", "initial-analysis", "final-recommendation")) {
                assertTrue(steps.stream().anyMatch(s -> s.endsWith(step)), instance + " streamed " + step + ": " + steps);
            }
        }
        // What a socket is sent on connecting holds each recorded step once; a step seen twice (started, then
        // finished) came live, over the topic, from the instance that ran the debate.
        Map<String, Integer> seen = new HashMap<>();
        streams.get(other).stream().filter(m -> m.getString("type").equals("execution"))
                .forEach(m -> seen.merge(m.getString("id"), 1, Integer::sum));
        assertTrue(seen.values().stream().anyMatch(count -> count > 1),
                "the socket on " + other + " received steps live from " + runner + ": " + seen);
    }

    @Test
    @Order(5)
    void theMarketFeedTicksOnceForTheClusterSoSocketsOnBothInstancesSeeTheSameTicks() throws Exception {
        String token = BALANCER.newUserToken("cluster-ticks");
        Map<String, BlockingQueue<String>> received = new HashMap<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (String instance : List.of(FIRST, SECOND)) {
            BlockingQueue<String> messages = new LinkedBlockingQueue<>();
            received.put(instance, messages);
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + instancePort(instance.equals(FIRST) ? 1 : 2)
                            + "/ws/market?access_token=" + token), new SocketCollector(messages, null))
                    .get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"subscribe\",\"symbols\":[\"KO\",\"IBM\"]}", true)
                    .get(5, TimeUnit.SECONDS);
            sockets.add(socket);
        }
        // Each instance's batches by their tick's time: one clock for the cluster stamps both sockets' batches alike.
        Map<String, TreeMap<Long, String>> ticks = Map.of(FIRST, new TreeMap<>(),
                SECOND, new TreeMap<>());
        await("five ticks seen on both instances").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    for (String instance : List.of(FIRST, SECOND)) {
                        for (String text; (text = received.get(instance).poll()) != null; ) {
                            JsonObject message = Json.createReader(new StringReader(text)).readObject();
                            if (message.getString("type").equals("ticks")) {
                                ticks.get(instance).put(message.getJsonNumber("t").longValue(),
                                        message.getJsonArray("q").toString());
                            }
                        }
                    }
                    return common(ticks).size() >= 5;
                });
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));

        long from = Math.max(ticks.get(FIRST).firstKey(), ticks.get(SECOND).firstKey());
        long to = Math.min(ticks.get(FIRST).lastKey(), ticks.get(SECOND).lastKey());
        assertEquals(ticks.get(FIRST).subMap(from, true, to, true), ticks.get(SECOND).subMap(from, true, to, true),
                "while both listened, both instances' sockets got the same ticks, at the same moments, at the same"
                        + " prices");
        List<Long> moments = new ArrayList<>(ticks.get(FIRST).subMap(from, true, to, true).keySet());
        for (int i = 1; i < moments.size(); i++) {
            assertTrue(moments.get(i) - moments.get(i - 1) >= 500, "one tick a second, not one per instance: "
                    + moments);
        }
        assertTrue(ticks.get(FIRST).get(to).contains("\"KO\"") && ticks.get(FIRST).get(to).contains("\"IBM\""),
                ticks.get(FIRST).get(to));
        assertTrue(Set.of(FIRST, SECOND).contains(single("SELECT claimed_by FROM cluster_duties WHERE name = ?",
                "market-feed")), "one instance of the group holds the feed");
    }

    private static Set<Long> common(Map<String, TreeMap<Long, String>> ticks) {
        Set<Long> both = new HashSet<>(ticks.get(FIRST).keySet());
        both.retainAll(ticks.get(SECOND).keySet());
        return both;
    }

    @Test
    @Order(6)
    void theScheduledSyncRunsOncePerIntervalAcrossTheCluster() throws Exception {
        Instant end = syncWindowStart.plus(SYNC_WINDOW);
        // Runs at least 0.9 intervals apart fit 2 or 3 times in the window; a timer per instance would make 4 to 6.
        // The instance whose timer wins an interval's run logs it; the others' timers do nothing.
        long most = SYNC_WINDOW.toMillis() * 10 / (SYNC_INTERVAL.toMillis() * 9) + 1;
        Duration left = Duration.between(Instant.now(), end);
        if (!left.isNegative()) {
            await("no more than " + most + " scheduled syncs while the window lasts").during(left)
                    .atMost(left.plusSeconds(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> syncRuns(end).size() <= most);
        }
        List<Instant> runs = syncRuns(end);
        assertTrue(runs.size() >= 2 && runs.size() <= most, runs.size() + " scheduled syncs in "
                + SYNC_WINDOW.toSeconds() + " s: " + runs);
        assertTrue(plaid.requestCount("/transactions/sync") > syncCallsAtStart,
                "the runs synced the linked item with Plaid");
        assertTrue(Set.of(FIRST, SECOND).contains(single("SELECT claimed_by FROM cluster_duties WHERE name = ?",
                "plaid-sync")));
    }

    /** The scheduled syncs the instances logged from the window's start until {@code end}. */
    private static List<Instant> syncRuns(Instant end) throws IOException {
        List<Instant> runs = new ArrayList<>();
        for (String instance : List.of(FIRST, SECOND)) {
            runs.addAll(logged(instance, "Scheduled Plaid sync: ", syncWindowStart, end));
        }
        return runs;
    }

    /** When {@code instance}'s JSON server log recorded a message starting with {@code prefix} in [from, to). */
    private static List<Instant> logged(String instance, String prefix, Instant from, Instant to) throws IOException {
        Path log = Path.of(payara(), "glassfish", "nodes", "localhost-" + DOMAIN, instance, "logs", "server.log");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        List<Instant> times = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("{") && line.contains(prefix)) {
                JsonObject record = Json.createReader(new StringReader(line)).readObject();
                Instant at = OffsetDateTime.parse(record.getString("Timestamp"), format).toInstant();
                if (record.getString("LogMessage", "").startsWith(prefix) && !at.isBefore(from) && at.isBefore(to)) {
                    times.add(at);
                }
            }
        }
        return times;
    }

    @Test
    @Order(7)
    void killingAnInstanceMidDebateEndsItsDebateWithAReasonAndTheOtherInstanceServesOn() throws Exception {
        String token = BALANCER.newUserToken("cluster-survivor");
        List<String> started = new ArrayList<>();
        // Debates are started through nginx, one a poll, until one of them is running on the first instance.
        String victim = await("a debate running on " + FIRST).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    ApiClient.Reply accepted = BALANCER.post("/api/v1/debates", token, "{\"query\":"
                            + "\"Is Microsoft a buy?\",\"assistantType\":\"analyst\",\"symbols\":[\"msft\"]}");
                    assertEquals(202, accepted.status(), accepted.body());
                    started.add(accepted.object().getString("id"));
                    return runningOn(FIRST, started);
                }, Objects::nonNull);
        cluster("kill", payara(), DOMAIN, FIRST);
        long killedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(STALE_AFTER_SECONDS + 15 + 60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> started.stream().noneMatch(id -> Set.of("pending", "running").contains(status(token, id))));
        long endedWithin = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
        JsonObject killed = BALANCER.get("/api/v1/debates/" + victim, token).object();
        if (killed.getString("status").equals("failed")) {
            assertTrue(killed.getString("error").contains("stopped"), killed.toString());
        } else {
            assertEquals("completed", killed.getString("status"), killed.toString());
        }
        for (String id : started) {
            assertTrue(Set.of("completed", "failed").contains(status(token, id)), id);
        }
        assertEquals(200, BALANCER.get("/health/ready", null).status(), "nginx serves from the survivor");
        assertThrows(ConnectException.class, () -> new Socket("localhost", instancePort(1)).close(),
                FIRST + " is gone");
        System.out.println("ClusterIT: " + started.size() + " debates ended " + endedWithin + " s after the kill");
    }

    private static String status(String token, String id) {
        return BALANCER.get("/api/v1/debates/" + id, token).object().getString("status");
    }

    private static String runningOn(String instance, List<String> ids) throws SQLException {
        try (Connection connection = superuser();
             PreparedStatement query = connection.prepareStatement("SELECT id::text FROM debates WHERE runner = ?"
                     + " AND status = 'running' AND id::text = ANY (?)")) {
            query.setString(1, instance);
            query.setArray(2, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Reads across users, as an operator would (the superuser passes row-level security). */
    private static String single(String sql, String parameter) {
        try (Connection connection = superuser(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + DB_PORT + "/" + DevDatabase.DATABASE,
                "postgres", "");
    }

    private static List<JsonObject> untilTheEnd(BlockingQueue<String> received) {
        return SocketCollector.until(received, Duration.ofMinutes(2), "the end of the debate",
                        text -> parse(text).getString("type").equals("debate"))
                .stream().map(ClusterIT::parse).toList();
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String payara() {
        return System.getProperty("payara.home");
    }

    /**
     * Runs cluster.sh; the instances inherit this environment (the test run's stand-ins), with the cluster's own
     * database, a short sync interval and a short silence before a debate counts as abandoned.
     */
    private static void cluster(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("finagent.cluster.script")));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(state.resolve("cluster-" + arguments[0] + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("FINAGENT_DB_URL", "jdbc:postgresql://localhost:" + DB_PORT + "/" + DevDatabase.DATABASE);
        environment.put("FINAGENT_DB_USER", DevDatabase.APP_ROLE);
        environment.put("FINAGENT_DB_PASSWORD", DevDatabase.APP_PASSWORD);
        environment.put("FINAGENT_HOME", state.resolve("home").toString());
        environment.put("FINAGENT_MARKET_POLYGON_URL", market.url("polygon"));
        environment.put("FINAGENT_MARKET_ALPACA_URL", market.url("alpaca"));
        environment.put("FINAGENT_MARKET_YAHOO_URL", market.url("yahoo"));
        environment.put("FINAGENT_FRED_URL", market.url("fred"));
        environment.put("FINAGENT_PLAID_URL", plaid.baseUrl());
        environment.put("FINAGENT_PLAID_SYNC_INTERVAL_MINUTES",
                String.valueOf(SYNC_INTERVAL.toMillis() / 60_000.0));
        environment.put("FINAGENT_DEBATE_STALE_AFTER_SECONDS", String.valueOf(STALE_AFTER_SECONDS));
        // Two instances boot at once on this machine's two cores; the C1 compiler alone spares them the optimising
        // compiler's work, which the few requests of this test never repay.
        environment.put("FINAGENT_CLUSTER_JVM_OPTIONS", "-XX:TieredStopAtLevel=1");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("cluster.sh " + arguments[0] + " failed: "
                    + Files.readString(state.resolve("cluster-" + arguments[0] + ".log")));
        }
    }
}
