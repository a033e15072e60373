package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chat with one assistant in the container, offline model: answers from tools, memory, isolation, erasure. */
@ExtendWith(DeployedApplication.class)
class ChatIT {

    private final ApiClient api = new ApiClient(URI.create("http://localhost:8080/"));


    private JsonObject ask(String token, String assistant, String message) {
        ApiClient.Reply reply = api.post("/api/v1/chat", token, "{\"assistantId\":\"" + assistant
                + "\",\"message\":\"" + message + "\"}");
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    @Test
    void anAnswerQuotesToolFiguresAndNamesItsModel() {
        String token = api.newUserToken("asker");
        JsonObject answer = ask(token, "analyst", "How risky is AAPL right now?");
        assertTrue(answer.getString("model").contains("offline"), answer.toString());
        assertFalse(answer.getJsonArray("toolCalls").isEmpty(), "the answer rests on tool calls");
        assertTrue(answer.getString("answer").contains("AAPL"), answer.getString("answer"));
        JsonArray evidence = answer.getJsonArray("evidence");
        assertFalse(evidence.isEmpty(), "figures are cited");
        for (JsonValue cited : evidence) {
            JsonObject item = cited.asJsonObject();
            assertFalse(item.getString("source").isBlank(), "every figure names its source: " + item);
        }
    }

    @Test
    void theAssistantRemembersWhatTheUserSaidAndOnlyForThatUser() {
        String alice = api.newUserToken("alice");
        String bob = api.newUserToken("bob");
        JsonObject first = ask(alice, "advisor", "I have a low risk tolerance and I don't like tobacco stocks.");
        assertTrue(first.getJsonArray("learned").size() >= 2, "risk tolerance and dislike learned: " + first);

        JsonArray remembered = api.get("/api/v1/memory", alice).json().asJsonArray();
        assertTrue(remembered.stream().anyMatch(m -> m.asJsonObject().getString("kind").equals("risk_tolerance")),
                remembered.toString());
        assertEquals(0, api.get("/api/v1/memory", bob).json().asJsonArray().size(), "bob sees nothing of alice's");

        assertEquals("all-minilm-l6-v2", api.readinessCheck("embedding").getJsonObject("data").getString("embedder"),
                "memories are embedded by the model, also after the EAR was redeployed");

        JsonObject second = ask(alice, "advisor", "Should I buy KO?");
        assertTrue(second.getString("answer").toLowerCase().contains("risk"), "the answer takes the stated risk"
                + " tolerance into account: " + second.getString("answer"));
        JsonArray history = api.get("/api/v1/chat/advisor/history", alice).json().asJsonArray();
        assertEquals(4, history.size(), "two questions, two answers: " + history);
        assertEquals(0, api.get("/api/v1/chat/advisor/history", bob).json().asJsonArray().size());

        String memoryId = remembered.getJsonObject(0).getString("id");
        assertEquals(404, api.delete("/api/v1/memory/" + memoryId, bob).status(), "bob cannot erase alice's memory");
        assertEquals(204, api.delete("/api/v1/memory", alice).status());
        assertEquals(0, api.get("/api/v1/memory", alice).json().asJsonArray().size());
        assertEquals(0, api.get("/api/v1/chat/advisor/history", alice).json().asJsonArray().size(), "conversations too");
    }

    /** A memory whose vector the hashing embedder made before the model (V5's backfill) gets the model's vector. */
    @Test
    void aMemoryOfAnotherEmbedderIsEmbeddedAgainWhenRetrieved() throws SQLException {
        String token = api.newUserToken("hashed-before");
        ask(token, "advisor", "I don't like tobacco stocks.");
        String userId = api.get("/api/v1/me", token).object().getString("id");
        String embedders = "SELECT DISTINCT embedder FROM user_memories WHERE user_id = ?::uuid";
        assertEquals(List.of("all-minilm-l6-v2"), asUser(userId, embedders));
        assertFalse(asUser(userId, "UPDATE user_memories SET embedder = 'hashing-384-v1' WHERE user_id = ?::uuid"
                + " RETURNING id").isEmpty());
        ask(token, "advisor", "What do you think of Altria?");
        assertEquals(List.of("all-minilm-l6-v2"), asUser(userId, embedders));
    }

    /** Runs {@code sql} as the user (row-level security) and returns its first column. */
    private static List<String> asUser(String userId, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"))) {
            connection.setAutoCommit(false);
            try (PreparedStatement actAs = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
                actAs.setString(1, userId);
                actAs.executeQuery().close();
            }
            List<String> values = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, userId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
            }
            connection.commit();
            return values;
        }
    }

    /** One server-sent event: its name and its data as JSON. */
    private record Event(String name, JsonObject data) {
    }

    private List<Event> stream(String token, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:8080/api/v1/chat/stream"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        List<Event> events = new ArrayList<>();
        for (String block : response.body().split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).strip());
                }
            }
            if (name != null) {
                events.add(new Event(name, Json.createReader(new StringReader(data.toString())).readObject()));
            }
        }
        return events;
    }

    @Test
    void theAnswerIsStreamedWordByWordThenTheWholeReply() throws Exception {
        String token = api.newUserToken("streamer");
        List<Event> events = stream(token, "{\"assistantId\":\"trader\",\"message\":\"What is MSFT doing?\"}");
        List<String> names = events.stream().map(Event::name).toList();
        assertEquals("reply", names.get(names.size() - 1), names.toString());
        List<Event> partials = events.subList(0, events.size() - 1);
        assertTrue(partials.size() > 1, "more than one partial before the reply: " + names);
        assertTrue(partials.stream().allMatch(e -> e.name().equals("partial")), names.toString());
        String streamed = partials.stream().map(e -> e.data().getString("text")).collect(Collectors.joining());
        JsonObject reply = events.get(events.size() - 1).data();
        assertEquals(reply.getString("answer"), streamed, "the partials make up the answer");
        assertTrue(reply.getString("model").contains("offline"), reply.toString());
        assertFalse(reply.getJsonArray("toolCalls").isEmpty(), reply.toString());
        assertEquals(2, api.get("/api/v1/chat/trader/history", token).json().asJsonArray().size(),
                "the streamed turn is remembered");
    }

    @Test
    void aStreamedFailureIsAProblemEvent() throws Exception {
        List<Event> events = stream(api.newUserToken("stream-oracle"),
                "{\"assistantId\":\"oracle\",\"message\":\"hi\"}");
        assertEquals(List.of("problem"), events.stream().map(Event::name).toList());
        JsonObject problem = events.get(0).data();
        assertEquals(400, problem.getInt("status"), problem.toString());
        assertEquals("/problems/validation", problem.getString("type"), problem.toString());
    }

    @Test
    void badMessagesAreRejectedWithAProblem() {
        String token = api.newUserToken("careless-chatter");
        for (String body : new String[] {"{\"assistantId\":\"analyst\",\"message\":\"\"}",
                "{\"assistantId\":\"oracle\",\"message\":\"hi\"}", "{\"message\":\"hi\"}"}) {
            ApiClient.Reply reply = api.post("/api/v1/chat", token, body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"));
        }
    }
}
