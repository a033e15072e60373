package com.finagent.web.chat;

import com.finagent.agents.chat.ChatEvidence;
import com.finagent.agents.chat.ChatReply;
import com.finagent.agents.chat.ChatToolCall;
import com.finagent.agents.model.TokenCount;
import com.finagent.application.chat.ChatService;
import com.finagent.application.memory.MemoryService;
import com.finagent.web.api.JsonbConfiguration;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chat answer keeps the JSON shape clients read: absent, not null, where a part does not apply. */
class ChatAnswerViewTest {

    private static final Jsonb JSONB = JsonbConfiguration.create();

    @Test
    void anAnswerReadsAsBefore() {
        UUID memory = UUID.fromString("6d1f6a3e-0000-4000-8000-000000000001");
        ChatReply reply = new ChatReply("AAPL closed at 190.5.", "finagent-offline-1", new TokenCount(30, 12),
                List.of(new ChatToolCall("c1", "quote", "{\"symbol\":\"AAPL\"}", "r1", "Polygon.io", null, null),
                        new ChatToolCall("c2", "news", null, null, null, null, "timed out")),
                List.of(new ChatEvidence("E1", ChatEvidence.FIGURE, "quote", "AAPL", "Polygon.io", null, "price",
                                190.5, null, null),
                        new ChatEvidence("E2", ChatEvidence.ITEM, "news", "AAPL", null, null, null, null,
                                "Apple ships more phones", null)),
                2);
        ChatService.Answer answer = new ChatService.Answer(reply,
                List.of(new MemoryService.StoredMemory(memory, "preference", "Likes dividends", OffsetDateTime.now())));

        JsonObject expected = Json.createObjectBuilder()
                .add("answer", "AAPL closed at 190.5.").add("model", "finagent-offline-1").add("tokens", 42)
                .add("toolCalls", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("tool", "quote").add("arguments", "{\"symbol\":\"AAPL\"}")
                                .add("source", "Polygon.io"))
                        .add(Json.createObjectBuilder().add("tool", "news").add("arguments", "null").add("source", "")
                                .add("error", "timed out")))
                .add("evidence", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", "E1").add("source", "Polygon.io")
                                .add("metric", "price").add("value", 190.5))
                        .add(Json.createObjectBuilder().add("id", "E2").add("source", "null")
                                .add("title", "Apple ships more phones")))
                .add("learned", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", memory.toString()).add("kind", "preference").add("content", "Likes dividends")))
                .build();
        assertEquals(expected, parse(JSONB.toJson(ChatAnswerView.of(answer))));
    }

    @Test
    void historyMessagesAndPartialsKeepTheirFields() {
        assertEquals(Json.createObjectBuilder().add("role", "user").add("text", "Hi").build(),
                parse(JSONB.toJson(ChatMessageView.of(UserMessage.from("Hi")))));
        assertEquals(Json.createObjectBuilder().add("role", "assistant").add("text", "Hello").build(),
                parse(JSONB.toJson(ChatMessageView.of(AiMessage.from("Hello")))));
        assertEquals(Json.createObjectBuilder().add("text", "Hel").build(), parse(JSONB.toJson(new ChatPartialView("Hel"))));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
