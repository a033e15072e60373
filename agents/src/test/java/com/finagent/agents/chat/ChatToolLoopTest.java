package com.finagent.agents.chat;

import com.finagent.agents.model.ResolvedModel;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool loop with a scripted model: bounded turns, tool errors fed back, failed turns leave no trace. */
class ChatToolLoopTest {

    /** A model that always asks for a tool, recording whether it was allowed to. */
    private static final class ToolHungryModel implements ChatModel {
        final List<Boolean> offered = new ArrayList<>();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            offered.add(!request.toolSpecifications().isEmpty() && request.toolChoice() != ToolChoice.NONE);
            return ChatResponse.builder().aiMessage(AiMessage.from(List.of(ToolExecutionRequest.builder()
                    .id("c" + offered.size()).name("marketData").arguments("{\"symbol\":\"AAPL\"}").build()))).build();
        }
    }

    @Test
    void aModelThatNeverAnswersIsStoppedAndTheMemoryStaysUntouched() {
        ToolHungryModel model = new ToolHungryModel();
        JsonMemoryStore store = new JsonMemoryStore();
        ChatAssistant assistant = new ChatAssistant((participant, requested, seed) -> new ResolvedModel("test:hungry",
                model), store);
        assertThrows(IllegalStateException.class, () -> assistant.chat(new ChatTurn("u1:general", "general",
                "Price of AAPL?", List.of(), new StubTools(), List.of())));
        int turns = ChatSettings.DEFAULT_MAX_TOOL_TURNS;
        assertEquals(turns + 2, model.offered.size(), "max tool turns, then two calls that may not use tools");
        assertEquals(Collections.nCopies(turns, true), model.offered.subList(0, turns));
        assertEquals(List.of(false, false), model.offered.subList(turns, turns + 2));
        assertTrue(store.rows.isEmpty(), "a failed turn stores nothing");
    }

    @Test
    void badToolArgumentsComeBackToTheModelAsAnError() {
        List<ChatRequest> seen = new ArrayList<>();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                seen.add(request);
                if (seen.size() == 1) {
                    return ChatResponse.builder().aiMessage(AiMessage.from(List.of(ToolExecutionRequest.builder()
                            .id("c1").name("marketData").arguments("{\"ticker\":\"AAPL\"}").build()))).build();
                }
                return ChatResponse.builder().aiMessage(AiMessage.from("I could not get the data.")).build();
            }
        };
        ChatAssistant assistant = new ChatAssistant((participant, requested, seed) -> new ResolvedModel("test:x", model),
                new JsonMemoryStore());
        ChatReply reply = assistant.chat(new ChatTurn("u1:general", "general", "Price of AAPL?", List.of(),
                new StubTools(), List.of()));
        assertEquals("argument 'symbol' is required", reply.toolCalls().get(0).error());
        ToolExecutionResultMessage result = (ToolExecutionResultMessage) seen.get(1).messages()
                .get(seen.get(1).messages().size() - 1);
        assertTrue(result.text().contains("argument 'symbol' is required"), result.text());
        assertTrue(reply.tokens().total() > 0, "estimated when the model reports no usage");
        assertEquals("test:x", reply.model());
    }

    @Test
    void aWindowStartingWithAnOrphanedAnswerIsSentFromItsFirstQuestion() {
        List<ChatRequest> seen = new ArrayList<>();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                seen.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from("Fine.")).build();
            }
        };
        JsonMemoryStore store = new JsonMemoryStore();
        store.updateMessages("u1:general", List.<ChatMessage>of(AiMessage.from("an answer whose question dropped out"),
                UserMessage.from("earlier question"), AiMessage.from("earlier answer")));
        new ChatAssistant((participant, requested, seed) -> new ResolvedModel("test:x", model), store)
                .chat(new ChatTurn("u1:general", "general", "next question", List.of(), null, List.of()));
        List<ChatMessage> sent = seen.get(0).messages();
        assertEquals(4, sent.size(), sent.toString());
        assertTrue(sent.get(0) instanceof SystemMessage);
        assertEquals("earlier question", ((UserMessage) sent.get(1)).singleText());
        assertEquals("next question", ((UserMessage) sent.get(3)).singleText());
        assertTrue(seen.get(0).toolSpecifications().isEmpty(), "no tools lent, none offered");
    }
}
