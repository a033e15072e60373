package com.finagent.agents.model;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

import java.util.ArrayList;
import java.util.List;

/**
 * Streams a blocking model's answer word by word: our own deterministic offline model and those of a resolver with
 * blocking models only, so that they go through the same streaming path as a hosted one. The answer is computed in
 * process before the first word is emitted: there is no remote token stream to wait for. The words concatenate to the
 * answer's text exactly; a response that calls tools completes without partials, as a hosted model's usually does.
 * Runs on the caller's thread and stops emitting once the handler cancels through its {@link StreamingHandle}.
 */
public final class WordStreamingChatModel implements StreamingChatModel {

    private final ChatModel model;

    public WordStreamingChatModel(ChatModel model) {
        this.model = model;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        Cancellation cancellation = new Cancellation();
        String text = response.aiMessage().text();
        for (String word : words(text == null ? "" : text)) {
            if (cancellation.isCancelled()) {
                return;
            }
            handler.onPartialResponse(new PartialResponse(word), new PartialResponseContext(cancellation));
        }
        if (!cancellation.isCancelled()) {
            handler.onCompleteResponse(response);
        }
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }

    /** The text cut before each word after the first: every piece is a word and the whitespace after it. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord && i > start && !text.substring(start, i).isBlank()) {
                words.add(text.substring(start, i));
                start = i;
            }
            inWord = !space;
        }
        if (start < text.length()) {
            words.add(text.substring(start));
        }
        return words;
    }

    private static final class Cancellation implements StreamingHandle {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
