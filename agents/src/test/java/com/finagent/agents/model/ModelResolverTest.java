package com.finagent.agents.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelResolverTest {

    @Test
    void aResolverWithBlockingModelsOnlyStreamsTheFinishedAnswerWordByWord() {
        ChatModel blocking = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("Hold Apple for now.")).build();
            }
        };
        ModelResolver resolver = (participant, requested, seed) -> new ResolvedModel("test:blocking", blocking);

        ResolvedStreamingModel streaming = resolver.resolveStreaming("chat", null, 1);
        List<String> partials = new ArrayList<>();
        AtomicReference<ChatResponse> complete = new AtomicReference<>();
        streaming.model().chat(ChatRequest.builder().messages(UserMessage.from("Apple?")).build(),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String text) {
                        partials.add(text);
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        complete.set(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        throw new AssertionError(error);
                    }
                });

        assertEquals("test:blocking", streaming.id());
        assertEquals(List.of("Hold ", "Apple ", "for ", "now."), partials);
        assertEquals("Hold Apple for now.", complete.get().aiMessage().text());
    }
}
