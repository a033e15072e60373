package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debates end to end in the container with the offline model: the trigger, the live stream, the stored outcome
 * and execution graph, isolation between users, bad input and the token budget.
 */
@ExtendWith(DeployedApplication.class)
class DebateIT {

    private static final Set<String> RATINGS = Set.of("STRONG_SELL", "SELL", "HOLD", "BUY", "STRONG_BUY");

    private final ApiClient api = new ApiClient(URI.create("http://localhost:8080/"));


    @Test
    void aDebateStreamsEveryStepAndEndsInARecommendationThatCitesItsEvidence() throws Exception {
        String token = api.newUserToken("debater");
        ApiClient.Reply accepted = api.post("/api/v1/debates", token,
                "{\"query\":\"Should I buy Apple now?\",\"assistantType\":\"analyst\",\"symbols\":[\"aapl\"]}");
        assertEquals(202, accepted.status(), accepted.body());
        String id = accepted.object().getString("id");

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/debates/" + id + "?access_token=" + token),
                        new SocketCollector(received, closed)).get(10, TimeUnit.SECONDS);
        List<JsonObject> messages = SocketCollector.until(received, Duration.ofMinutes(2), "the debate finishing",
                        text -> "debate".equals(parse(text).getString("type")))
                .stream().map(DebateIT::parse).toList();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        JsonObject last = messages.get(messages.size() - 1);
        assertEquals("completed", last.getString("status"), last.toString());
        Set<String> steps = new HashSet<>();
        messages.stream().filter(m -> m.getString("type").equals("execution"))
                .forEach(m -> steps.add(m.getString("step")));
        for (String step : List.of("parallel-search", "initial-analysis", "consensus-building", "final-recommendation")) {
            assertTrue(steps.stream().anyMatch(s -> s.endsWith(step)), step + " streamed: " + steps);
        }

        JsonObject debate = api.get("/api/v1/debates/" + id, token).object();
        assertEquals("completed", debate.getString("status"));
        assertTrue(debate.getString("model").contains("offline"), "names its model: " + debate.getString("model"));
        JsonObject outcome = debate.getJsonObject("outcome");
        assertTrue(outcome.getJsonArray("initialPositions").size() >= 3, "at least three participants");
        JsonObject recommendation = outcome.getJsonObject("recommendation");
        assertTrue(RATINGS.contains(recommendation.getString("rating")), recommendation.toString());
        assertFalse(recommendation.getJsonArray("evidence").isEmpty(), "the recommendation cites its evidence");
        assertTrue(recommendation.getString("headline").contains(recommendation.getInt("withEvidence")
                + " of " + outcome.getJsonArray("participants").size() + " participants had evidence, "
                + recommendation.getInt("abstained") + " abstained"), recommendation.getString("headline"));
        JsonObject consensus = outcome.getJsonObject("consensus");
        assertTrue(RATINGS.contains(consensus.getString("rating")), consensus.toString());
        assertTrue(outcome.getJsonObject("evidence").getJsonArray("facts").size() >= 1, "market facts gathered");

        JsonArray executions = api.get("/api/v1/executions?debateId=" + id, token).json().asJsonArray();
        assertTrue(executions.size() >= 8, "steps and agent calls recorded: " + executions.size());
        assertTrue(executions.stream().map(JsonValue::asJsonObject)
                .allMatch(e -> Set.of("completed", "failed").contains(e.getString("status"))), "all finished");
        assertTrue(executions.stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> !e.getJsonArray("dependsOn").isEmpty()), "the steps form a graph");
        Set<String> ids = new HashSet<>();
        executions.forEach(e -> ids.add(e.asJsonObject().getString("id")));
        executions.forEach(e -> e.asJsonObject().getJsonArray("dependsOn")
                .forEach(d -> assertTrue(ids.contains(((jakarta.json.JsonString) d).getString()), "dependency recorded")));
    }

    @Test
    void aFinishedDebateReplaysFromItsStoredEvidenceAndSeedToTheSameConclusion() throws Exception {
        String token = api.newUserToken("replayer");
        String original = api.post("/api/v1/debates", token,
                "{\"query\":\"Is IBM a buy?\",\"assistantType\":\"riskManager\",\"symbols\":[\"IBM\"]}")
                .object().getString("id");
        JsonObject first = awaitFinished(token, original).getJsonObject("outcome");

        ApiClient.Reply accepted = api.post("/api/v1/debates/" + original + "/replay", token, "");
        assertEquals(202, accepted.status(), accepted.body());
        String replayId = accepted.object().getString("id");
        assertTrue(!replayId.equals(original), "a replay is a debate of its own");
        JsonObject replayed = awaitFinished(token, replayId);
        assertEquals("completed", replayed.getString("status"), replayed.toString());
        JsonObject second = replayed.getJsonObject("outcome");

        assertEquals(first.getJsonObject("evidence"), second.getJsonObject("evidence"), "the same evidence");
        assertEquals(first.getJsonObject("consensus"), second.getJsonObject("consensus"), "the same consensus");
        assertEquals(first.getJsonObject("recommendation").getString("rating"),
                second.getJsonObject("recommendation").getString("rating"));
        assertEquals(stances(first), stances(second), "every participant ends where it ended before");
        assertEquals(404, api.post("/api/v1/debates/" + original + "/replay", api.newUserToken("copycat"), "")
                .status(), "someone else's debate cannot be replayed");
    }

    @Test
    void aDebateWhoseInstanceStoppedIsEndedAsFailedWithTheReasonAndItsOwnerIsTold() throws Exception {
        String token = api.newUserToken("orphaned");
        String userId = api.get("/api/v1/me", token).object().getString("id");
        // As an instance that died would leave them: one running with a heartbeat 10 minutes old, one queued two
        // hours ago and never started; and one whose instance is alive (a fresh heartbeat), which must be left alone.
        String abandoned = insertDebate(userId, "running", "10 minutes");
        String neverStarted = insertDebate(userId, "pending", "2 hours");
        String alive = insertDebate(userId, "running", "0 seconds");

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/debates/" + abandoned + "?access_token=" + token),
                        new SocketCollector(received, new CompletableFuture<>())).get(10, TimeUnit.SECONDS);
        try {
            JsonObject ended = awaitFinished(token, abandoned);
            assertEquals("failed", ended.getString("status"), ended.toString());
            assertTrue(ended.getString("error").contains("instance running the debate stopped"), ended.toString());
            JsonObject notStarted = awaitFinished(token, neverStarted);
            assertEquals("failed", notStarted.getString("status"), notStarted.toString());
            assertTrue(notStarted.getString("error").contains("not started"), notStarted.toString());
            List<String> heard = SocketCollector.until(received, Duration.ofSeconds(10),
                    "the owner's socket hearing the debate end", message -> message.contains("\"type\":\"debate\""));
            String told = heard.get(heard.size() - 1);
            assertTrue(told.contains("\"status\":\"failed\""), told);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        assertEquals("running", api.get("/api/v1/debates/" + alive, token).object().getString("status"),
                "a debate whose instance keeps its heartbeat is not touched");
    }

    @Test
    void aChangedRatingOfAHeldSymbolAlertsItsOwnerUnlessMuted() throws Exception {
        String token = api.newUserToken("holder");
        String userId = api.get("/api/v1/me", token).object().getString("id");
        String portfolio = api.post("/api/v1/portfolios", token, "{\"name\":\"Held\"}").object().getString("id");
        assertEquals(201, api.post("/api/v1/portfolios/" + portfolio + "/positions", token,
                "{\"symbol\":\"KO\",\"quantity\":10,\"averageCost\":40}").status());
        String ask = "{\"query\":\"Should I keep my Coca-Cola?\",\"assistantType\":\"analyst\",\"symbols\":[\"KO\"]}";

        JsonObject first = awaitFinished(token, api.post("/api/v1/debates", token, ask).object().getString("id"));
        String rating = first.getJsonObject("outcome").getJsonObject("recommendation").getString("rating");
        JsonObject watch = api.get("/api/v1/alerts/watches", token).json().asJsonArray().getJsonObject(0);
        assertEquals("KO", watch.getString("symbol"));
        assertEquals(rating, watch.getString("rating"));
        assertEquals(0, api.get("/api/v1/alerts", token).json().asJsonArray().size(), "a first rating is no change");

        String planted = "STRONG_SELL".equals(rating) ? "STRONG_BUY" : "STRONG_SELL";
        plantWatchedRating(userId, planted);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/portfolio?access_token=" + token),
                        new SocketCollector(received, new CompletableFuture<>())).get(10, TimeUnit.SECONDS);
        String second;
        try {
            second = api.post("/api/v1/debates", token, ask).object().getString("id");
            awaitFinished(token, second);
            String pushed = await("the alert reaches the owner's socket").atMost(Duration.ofSeconds(30))
                    .until(() -> received.poll(1, TimeUnit.SECONDS), m -> m != null && m.contains("\"type\":\"alert\""));
            assertTrue(pushed.contains(second), pushed);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        JsonArray alerts = api.get("/api/v1/alerts", token).json().asJsonArray();
        assertEquals(1, alerts.size(), alerts.toString());
        JsonObject alert = alerts.getJsonObject(0);
        assertEquals(planted, alert.getString("previousRating"));
        assertEquals(second, alert.getString("debateId"), "the alert links the debate that changed the rating");
        assertEquals(0, api.get("/api/v1/alerts", api.newUserToken("neighbour")).json().asJsonArray().size());

        assertEquals(204, api.post("/api/v1/alerts/" + alert.getString("id") + "/read", token, "{}").status());
        assertTrue(api.get("/api/v1/alerts", token).json().asJsonArray().getJsonObject(0).containsKey("readAt"));

        assertTrue(api.put("/api/v1/alerts/watches/ko", token, "{\"muted\":true}").object().getBoolean("muted"));
        plantWatchedRating(userId, planted);
        awaitFinished(token, api.post("/api/v1/debates", token, ask).object().getString("id"));
        assertEquals(1, api.get("/api/v1/alerts", token).json().asJsonArray().size(), "a muted symbol raises none");
    }

    @Test
    void aReviewOfHeldPositionsDebatesEachHoldersSymbolsForThemAlone() throws Exception {
        String token = api.newUserToken("reviewed-holder");
        String portfolio = api.post("/api/v1/portfolios", token, "{\"name\":\"Reviewed\"}").object().getString("id");
        assertEquals(201, api.post("/api/v1/portfolios/" + portfolio + "/positions", token,
                "{\"symbol\":\"IBM\",\"quantity\":3,\"averageCost\":150}").status());
        String bystander = api.newUserToken("review-bystander");

        assertEquals(403, api.post("/api/v1/admin/holdings-review", token, "").status(), "administrators only");
        ApiClient.Reply review = api.post("/api/v1/admin/holdings-review", api.newAdminToken("review-admin"), "");
        assertEquals(200, review.status(), review.body());
        assertTrue(review.object().getInt("debatesQueued") >= 1, review.body());

        JsonObject reviewed = await("the holder's review debate is listed").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/debates", token).json().asJsonArray(), list -> !list.isEmpty())
                .getJsonObject(0);
        assertEquals("Scheduled review of held positions: IBM", reviewed.getString("query"));
        assertEquals("analyst", reviewed.getString("assistantType"));
        JsonObject finished = awaitFinished(token, reviewed.getString("id"));
        assertEquals("completed", finished.getString("status"), finished.toString());
        assertEquals(0, api.get("/api/v1/debates", bystander).json().asJsonArray().size(),
                "a user without holdings gets no review");
    }

    /** Sets the rating remembered for the user's KO, as if an earlier debate had rated it so. */
    private static void plantWatchedRating(String userId, String rating) throws Exception {
        asUser(userId, connection -> {
            try (var update = connection.prepareStatement(
                    "UPDATE rating_watches SET rating = ? WHERE user_id = ?::uuid AND symbol = 'KO'")) {
                update.setString(1, rating);
                update.setString(2, userId);
                assertEquals(1, update.executeUpdate());
            }
        });
    }

    /** A debate row as an instance leaves it, its heartbeat {@code silentFor} old (PostgreSQL interval). */
    private static String insertDebate(String userId, String status, String silentFor) throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        asUser(userId, connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO debates (id, user_id, query, assistant_type,"
                    + " seed, status, heartbeat_at) VALUES (?::uuid, ?::uuid, 'Is KO a buy?', 'analyst', 1, ?,"
                    + " NOW() - CAST(? AS INTERVAL))")) {
                insert.setString(1, id);
                insert.setString(2, userId);
                insert.setString(3, status);
                insert.setString(4, silentFor);
                assertEquals(1, insert.executeUpdate());
            }
        });
        return id;
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<String> stances(JsonObject outcome) {
        return outcome.getJsonArray("finalPositions").stream().map(JsonValue::asJsonObject)
                .map(p -> p.getString("participant") + "=" + p.get("stance") + "@" + p.getJsonNumber("confidence"))
                .toList();
    }

    @Test
    void anotherUsersDebateIsNotFoundAnywhere() throws Exception {
        String owner = api.newUserToken("owner");
        String stranger = api.newUserToken("stranger");
        String id = api.post("/api/v1/debates", owner,
                "{\"query\":\"Is Coca-Cola a hold?\",\"assistantType\":\"advisor\",\"symbols\":[\"KO\"]}")
                .object().getString("id");
        assertEquals(404, api.get("/api/v1/debates/" + id, stranger).status());
        assertEquals(404, api.get("/api/v1/executions?debateId=" + id, stranger).status());
        assertEquals(0, api.get("/api/v1/debates", stranger).json().asJsonArray().size());
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/debates/" + id + "?access_token=" + stranger),
                        new SocketCollector(new LinkedBlockingQueue<>(), closed)).get(10, TimeUnit.SECONDS);
        assertEquals(1008, closed.get(10, TimeUnit.SECONDS), "the socket refuses someone else's debate");
    }

    @Test
    void badTriggersAreRejectedWithAProblem() {
        String token = api.newUserToken("careless");
        for (String body : List.of("{\"query\":\"\",\"assistantType\":\"analyst\"}",
                "{\"query\":\"Buy?\",\"assistantType\":\"astrologer\"}",
                "{\"query\":\"Buy?\",\"assistantType\":\"analyst\",\"symbols\":[\"NOT A TICKER\"]}",
                "{\"query\":\"Buy?\",\"assistantType\":\"analyst\",\"maxRounds\":9}")) {
            ApiClient.Reply reply = api.post("/api/v1/debates", token, body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"));
        }
        assertEquals(400, api.get("/api/v1/executions", token).status());
    }

    @Test
    void aSymbolWithoutMarketDataGetsInsufficientEvidenceNamingIt() throws Exception {
        String token = api.newUserToken("unpriced-asker");
        String id = api.post("/api/v1/debates", token, "{\"query\":\"Should I buy Salesforce now?\","
                + "\"assistantType\":\"analyst\",\"symbols\":[\"CRM\"]}").object().getString("id");
        JsonObject debate = awaitFinished(token, id);
        assertEquals("completed", debate.getString("status"), debate.toString());
        JsonObject outcome = debate.getJsonObject("outcome");
        JsonObject recommendation = outcome.getJsonObject("recommendation");
        assertTrue(recommendation.getBoolean("insufficientEvidence"), recommendation.toString());
        assertFalse(recommendation.containsKey("rating") && !recommendation.isNull("rating"), "never a buy or a sell");
        assertTrue(recommendation.getJsonArray("missing").getString(0).equals("market data for CRM"),
                recommendation.toString());
        assertTrue(recommendation.getString("headline").startsWith("Insufficient evidence on CRM"),
                recommendation.getString("headline"));
        int abstained = 0;
        for (JsonValue value : outcome.getJsonArray("finalPositions")) {
            JsonObject position = value.asJsonObject();
            if (position.getBoolean("abstained", false)) {
                abstained++;
                assertFalse(position.getJsonArray("lacking").isEmpty(), position.toString());
            }
        }
        assertTrue(abstained >= 2, "the price-based mandates abstain: " + outcome.getJsonArray("finalPositions"));
        assertEquals(0, api.get("/api/v1/reflections", token).json().asJsonArray().size(),
                "no rating, nothing to judge later");
    }

    @Test
    void aTokenBudgetStopsTheDebateCleanlyWithWhatItHas() throws Exception {
        String token = api.newUserToken("frugal");
        String id = api.post("/api/v1/debates", token, "{\"query\":\"Trade Microsoft this week?\","
                + "\"assistantType\":\"trader\",\"symbols\":[\"MSFT\"],\"tokenBudget\":1500}").object().getString("id");
        JsonObject debate = awaitFinished(token, id);
        assertEquals("completed", debate.getString("status"), debate.toString());
        assertTrue(debate.getBoolean("budgetLimited"), "the budget cut it short");
        assertNotNull(debate.getJsonObject("outcome").getJsonObject("recommendation"), "still a recommendation");
    }

    @Test
    void aCallIsJudgedAfterItsHorizonAndItsLessonFeedsTheNextDebateOnTheSymbol() throws Exception {
        String token = api.newUserToken("reflective");
        String userId = api.get("/api/v1/me", token).object().getString("id");
        String first = api.post("/api/v1/debates", token,
                "{\"query\":\"Is Coca-Cola worth buying?\",\"assistantType\":\"analyst\",\"symbols\":[\"KO\"]}")
                .object().getString("id");
        assertEquals("completed", awaitFinished(token, first).getString("status"));
        JsonArray remembered = api.get("/api/v1/reflections", token).json().asJsonArray();
        assertEquals(1, remembered.size(), remembered.toString());
        assertEquals("KO", remembered.getJsonObject(0).getString("symbol"));
        assertEquals(0, api.post("/api/v1/reflections/evaluate", token, "{}").object().getInt("evaluated"),
                "not due before its horizon");

        asUser(userId, connection -> {
            try (var pastDue = connection.prepareStatement(
                    "UPDATE debate_reflections SET due_at = NOW() - INTERVAL '1 day' WHERE user_id = ?::uuid")) {
                pastDue.setString(1, userId);
                assertEquals(1, pastDue.executeUpdate());
            }
        });
        assertEquals(1, api.post("/api/v1/reflections/evaluate", token, "{}").object().getInt("evaluated"));
        JsonObject judged = api.get("/api/v1/reflections", token).json().asJsonArray().getJsonObject(0);
        assertTrue(judged.getString("lesson").contains("KO") && judged.getString("lesson").contains("SPY"),
                judged.toString());

        JsonObject scorecard = api.get("/api/v1/scorecard", token).object();
        JsonObject analyst = scorecard.getJsonArray("byAssistant").getJsonObject(0);
        assertEquals("analyst", analyst.getString("key"));
        assertEquals(1, analyst.getInt("calls"));
        assertFalse(scorecard.getJsonArray("byParticipant").isEmpty(), scorecard.toString());
        assertEquals(1, scorecard.getJsonArray("calibration").stream()
                .mapToInt(b -> b.asJsonObject().getInt("calls")).sum(), "the call sits in one confidence bucket");
        assertEquals(0, api.get("/api/v1/scorecard", api.newUserToken("outsider")).object()
                .getJsonArray("byAssistant").size(), "another user's calls are not in it");

        String second = api.post("/api/v1/debates", token,
                "{\"query\":\"Should I add to Coca-Cola?\",\"assistantType\":\"analyst\",\"symbols\":[\"KO\"]}")
                .object().getString("id");
        JsonObject outcome = awaitFinished(token, second).getJsonObject("outcome");
        assertTrue(outcome.getJsonObject("evidence").getJsonArray("items").stream()
                .anyMatch(i -> i.asJsonObject().getString("id").startsWith("lesson-")), "the lesson is evidence");
    }

    @Test
    void theEconomistsWeighFredFiguresAndQuoteNoOtherNumbers() throws Exception {
        String token = api.newUserToken("macro-watcher");
        String id = api.post("/api/v1/debates", token, "{\"query\":\"Is the economy turning against the index?\","
                + "\"assistantType\":\"economist\",\"symbols\":[\"SPY\"]}").object().getString("id");
        JsonObject debate = awaitFinished(token, id);
        assertEquals("completed", debate.getString("status"), debate.toString());
        Set<String> fredMetrics = Set.of("inflationYoY", "coreInflationYoY", "unemployment", "unemploymentChange",
                "payrollsChange", "policyRate", "policyRateChange", "yield10y", "yield10yChange", "yieldCurve10y2y",
                "gdpGrowth");
        for (JsonValue value : debate.getJsonObject("outcome").getJsonArray("initialPositions")) {
            JsonObject position = value.asJsonObject();
            if (!Set.of("macro", "rates").contains(position.getString("participant"))) {
                continue;
            }
            List<String> cited = new ArrayList<>();
            position.getJsonArray("arguments").forEach(a -> a.asJsonObject().getJsonArray("evidence")
                    .forEach(e -> cited.add(((jakarta.json.JsonString) e).getString())));
            assertTrue(cited.stream().anyMatch(c -> c.contains("#") && fredMetrics.contains(c.substring(c.indexOf('#') + 1))),
                    position.getString("participant") + " cites a FRED figure: " + cited);
            assertEquals(0, position.getJsonArray("unverifiedNumbers").size(), position.toString());
        }
    }

    @Test
    void aBacktestDebatesAsOfEachRebalanceDayStreamsItsProgressAndReplaysToTheSameResult() throws Exception {
        String token = api.newUserToken("backtester");
        String trigger = "{\"symbols\":[\"aapl\"],\"from\":\"2014-01-01\",\"to\":\"2014-06-30\","
                + "\"frequency\":\"monthly\",\"assistantType\":\"analyst\",\"startingCash\":10000,"
                + "\"costBasisPoints\":10}";
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/portfolio?access_token=" + token),
                        new SocketCollector(received, new CompletableFuture<>())).get(10, TimeUnit.SECONDS);
        JsonObject backtest;
        String id;
        try {
            ApiClient.Reply accepted = api.post("/api/v1/backtests", token, trigger);
            assertEquals(202, accepted.status(), accepted.body());
            id = accepted.object().getString("id");
            assertEquals(6, accepted.object().getInt("debatesTotal"), "one debate on the first trading day of each month");
            backtest = awaitBacktest(token, id);
            String progress = await("progress reaches the owner's socket").atMost(Duration.ofSeconds(30))
                    .until(() -> received.poll(1, TimeUnit.SECONDS),
                            m -> m != null && m.contains("\"type\":\"backtest\"") && m.contains("\"done\":6"));
            assertTrue(progress.contains(id), progress);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        assertEquals("completed", backtest.getString("status"), backtest.toString());
        assertEquals(6, backtest.getInt("debatesDone"));
        JsonObject aapl = backtest.getJsonObject("result").getJsonArray("symbols").getJsonObject(0);
        assertEquals("AAPL", aapl.getString("symbol"));
        JsonArray strategies = aapl.getJsonArray("strategies");
        assertEquals(List.of("Debate", "Buy and hold", "MACD", "KDJ & RSI", "ZMR", "SMA"), strategies.stream()
                .map(strategy -> strategy.asJsonObject().getString("name")).toList(), "the debate, then the baselines");
        JsonObject buyAndHold = strategies.getJsonObject(1).getJsonObject("figures");
        JsonArray dates = aapl.getJsonArray("dates");
        assertEquals("2014-01-02", dates.getString(0), "the curves start on the first rebalance day");
        assertEquals("2014-06-30", dates.getString(dates.size() - 1));
        List<JsonValue> hold = strategies.getJsonObject(1).getJsonArray("values");
        double held = ((jakarta.json.JsonNumber) hold.get(hold.size() - 1)).doubleValue()
                / ((jakarta.json.JsonNumber) hold.get(0)).doubleValue() - 1;
        assertEquals(held, buyAndHold.getJsonNumber("cumulativeReturn").doubleValue(), 1e-9);

        JsonArray calls = aapl.getJsonArray("calls");
        assertEquals(6, calls.size());
        for (JsonValue value : calls) {
            JsonObject call = value.asJsonObject();
            java.time.LocalDate day = java.time.LocalDate.parse(call.getString("day"));
            JsonObject debate = api.get("/api/v1/debates/" + call.getString("debateId"), token).object();
            assertEquals("completed", debate.getString("status"), "each call links its debate");
            JsonObject evidence = debate.getJsonObject("outcome").getJsonObject("evidence");
            for (JsonValue fact : evidence.getJsonArray("facts")) {
                assertTrue(java.time.LocalDate.parse(fact.asJsonObject().getString("asOf")).isBefore(day),
                        "facts known before " + day + ": " + fact);
            }
            for (JsonValue item : evidence.getJsonArray("items")) {
                JsonObject text = item.asJsonObject();
                assertTrue(text.containsKey("date") && !text.isNull("date"), "undated evidence is not used: " + text);
                assertTrue(java.time.LocalDate.parse(text.getString("date").substring(0, 10)).isBefore(day),
                        "published before " + day + ": " + text);
            }
        }
        assertTrue(api.get("/api/v1/debates", token).json().asJsonArray().isEmpty(),
                "a backtest's debates are not the user's own questions");
        long rated = calls.stream().map(JsonValue::asJsonObject).filter(call -> call.containsKey("rating")).count();
        JsonObject scored = api.get("/api/v1/scorecard", token).object().getJsonArray("byAssistant").stream()
                .map(JsonValue::asJsonObject).filter(group -> group.getBoolean("backtest")).findFirst().orElseThrow();
        assertEquals("analyst", scored.getString("key"));
        assertEquals(rated, scored.getInt("calls"), "each rated call scored against SPY, marked as a backtest");

        ApiClient.Reply replay = api.post("/api/v1/backtests/" + id + "/replay", token, "");
        assertEquals(202, replay.status(), replay.body());
        JsonObject replayed = awaitBacktest(token, replay.object().getString("id"));
        assertEquals(id, replayed.getString("replayOf"));
        JsonObject again = replayed.getJsonObject("result").getJsonArray("symbols").getJsonObject(0);
        assertEquals(strategies, again.getJsonArray("strategies"), "the same figures and curves");
        assertEquals(ratings(calls), ratings(again.getJsonArray("calls")), "the same ratings on the same days");

        String stranger = api.newUserToken("backtest-stranger");
        assertEquals(404, api.get("/api/v1/backtests/" + id, stranger).status());
        assertEquals(404, api.post("/api/v1/backtests/" + id + "/replay", stranger, "").status());
        assertEquals(404, api.post("/api/v1/backtests/" + id + "/cancel", stranger, "").status());
        assertEquals(0, api.get("/api/v1/backtests", stranger).json().asJsonArray().size());
        assertEquals(409, api.post("/api/v1/backtests/" + id + "/cancel", token, "").status(), "it had ended");
    }

    @Test
    void aCancelledBacktestStopsAndKeepsWhatRan() throws Exception {
        String token = api.newUserToken("impatient-backtester");
        String id = api.post("/api/v1/backtests", token, "{\"symbols\":[\"WMT\"],\"from\":\"2011-01-01\","
                + "\"to\":\"2017-12-31\",\"frequency\":\"weekly\",\"assistantType\":\"advisor\"}")
                .object().getString("id");
        assertEquals(204, api.post("/api/v1/backtests/" + id + "/cancel", token, "").status());
        JsonObject cancelled = awaitBacktest(token, id);
        assertEquals("cancelled", cancelled.getString("status"), cancelled.toString());
        assertTrue(cancelled.getInt("debatesDone") < cancelled.getInt("debatesTotal"), cancelled.toString());
    }

    @Test
    void aBacktestWhoseInstanceStoppedIsEndedAsFailedWithTheReason() throws Exception {
        String token = api.newUserToken("orphaned-backtester");
        String userId = api.get("/api/v1/me", token).object().getString("id");
        String abandoned = insertBacktest(userId, "10 minutes");
        String alive = insertBacktest(userId, "0 seconds");

        JsonObject ended = awaitBacktest(token, abandoned);
        assertEquals("failed", ended.getString("status"), ended.toString());
        assertTrue(ended.getString("error").contains("instance running the backtest stopped"), ended.toString());
        assertEquals("running", api.get("/api/v1/backtests/" + alive, token).object().getString("status"),
                "a backtest whose instance keeps its heartbeat is not touched");
    }

    /** A running backtest as an instance would leave it, its heartbeat {@code silentFor} old. */
    private static String insertBacktest(String userId, String silentFor) throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        asUser(userId, connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO backtests (id, user_id, request, seed, status,"
                    + " debates_total, heartbeat_at) VALUES (?::uuid, ?::uuid, '{\"symbols\":[\"AAPL\"]}', 1,"
                    + " 'running', 10, NOW() - CAST(? AS INTERVAL))")) {
                insert.setString(1, id);
                insert.setString(2, userId);
                insert.setString(3, silentFor);
                assertEquals(1, insert.executeUpdate());
            }
        });
        return id;
    }

    @Test
    void badBacktestsAreRejectedWithAProblemNamingTheField() {
        String token = api.newUserToken("careless-backtester");
        for (String[] bad : List.of(
                new String[]{"to", "{\"symbols\":[\"AAPL\"],\"from\":\"2015-01-01\",\"to\":\"2014-01-01\","
                        + "\"assistantType\":\"analyst\"}"},
                new String[]{"to", "{\"symbols\":[\"AAPL\"],\"from\":\"2017-01-01\",\"to\":\"2021-01-01\","
                        + "\"assistantType\":\"analyst\"}"},
                new String[]{"symbols", "{\"symbols\":[\"ZZZZ\"],\"from\":\"2014-01-01\",\"to\":\"2014-06-30\","
                        + "\"assistantType\":\"analyst\"}"},
                new String[]{"frequency", "{\"symbols\":[\"AAPL\"],\"from\":\"2014-01-01\",\"to\":\"2014-06-30\","
                        + "\"assistantType\":\"analyst\",\"frequency\":\"hourly\"}"},
                new String[]{"from", "{\"symbols\":[\"AAPL\",\"AMZN\",\"WMT\"],\"from\":\"2008-01-01\","
                        + "\"to\":\"2017-12-31\",\"assistantType\":\"analyst\"}"},
                new String[]{"costBasisPoints", "{\"symbols\":[\"AAPL\"],\"from\":\"2014-01-01\","
                        + "\"to\":\"2014-06-30\",\"assistantType\":\"analyst\",\"costBasisPoints\":5000}"})) {
            ApiClient.Reply reply = api.post("/api/v1/backtests", token, bad[1]);
            assertEquals(400, reply.status(), bad[1] + " -> " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"));
            assertTrue(reply.body().contains(bad[0]), "names " + bad[0] + ": " + reply.body());
        }
        assertEquals(0, api.get("/api/v1/backtests", token).json().asJsonArray().size(), "nothing was stored");
    }

    private static List<String> ratings(JsonArray calls) {
        return calls.stream().map(JsonValue::asJsonObject)
                .map(call -> call.getString("day") + " " + call.getString("rating", "none"))
                .toList();
    }

    private JsonObject awaitBacktest(String token, String id) {
        return await("backtest " + id + " ends").atMost(Duration.ofSeconds(180)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500)).until(() -> api.get("/api/v1/backtests/" + id, token).object(),
                        backtest -> !Set.of("pending", "running").contains(backtest.getString("status")));
    }

    private JsonObject awaitFinished(String token, String id) {
        return await("debate " + id + " finishes").atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500)).until(() -> api.get("/api/v1/debates/" + id, token).object(),
                        debate -> !Set.of("pending", "running").contains(debate.getString("status")));
    }

    /** Work on the database as {@code userId} (row-level security applies), in one committed transaction. */
    private static void asUser(String userId, SqlWork work) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"))) {
            connection.setAutoCommit(false);
            try (var actAs = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
                actAs.setString(1, userId);
                actAs.executeQuery().close();
            }
            work.run(connection);
            connection.commit();
        }
    }

    private interface SqlWork {
        void run(java.sql.Connection connection) throws java.sql.SQLException;
    }
}
