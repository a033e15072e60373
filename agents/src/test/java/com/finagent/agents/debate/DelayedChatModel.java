package com.finagent.agents.debate;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for a remote model: a fixed latency per call in front of another model. */
public final class DelayedChatModel implements ChatModel {

    private final ChatModel delegate;
    private final long delayMs;
    private final AtomicInteger calls = new AtomicInteger();

    public DelayedChatModel(ChatModel delegate, long delayMs) {
        this.delegate = delegate;
        this.delayMs = delayMs;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        calls.incrementAndGet();
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return delegate.chat(request);
    }
}
