package com.finagent.agents.chat;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One call of a {@link StreamingChatModel}, awaited on the calling thread: the text partials reach the consumer on
 * that thread, in order, as the provider sends them, and the call returns the complete response or throws the error
 * the model reported. The provider's I/O thread only queues events, so the consumer (an SSE sink of a request) is
 * never called concurrently or after the call returned, and a consumer that throws (the client went away) ends the
 * call like a model failure. Whenever the call ends without the complete response (the consumer threw, no event
 * came within the idle timeout, the thread was interrupted) the stream is cancelled.
 */
final class StreamedModelCall implements StreamingChatResponseHandler {

    private sealed interface Event permits Partial, ToolCallProgress, Completed, Failed {
    }

    private record Partial(String text) implements Event {
    }

    /** A fragment of a tool call: nothing to show, but the stream is alive. */
    private record ToolCallProgress() implements Event {
    }

    private record Completed(ChatResponse response) implements Event {
    }

    private record Failed(Throwable error) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile StreamingHandle handle;

    private StreamedModelCall() {
    }

    static ChatResponse respond(StreamingChatModel model, ChatRequest request, Consumer<String> onPartial,
                                Duration idleTimeout) {
        StreamedModelCall call = new StreamedModelCall();
        model.chat(request, call);
        boolean completed = false;
        try {
            ChatResponse response = call.await(onPartial, idleTimeout);
            completed = true;
            return response;
        } finally {
            if (!completed) {
                call.cancel();
            }
        }
    }

    private ChatResponse await(Consumer<String> onPartial, Duration idleTimeout) {
        while (true) {
            Event event;
            try {
                event = events.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LangChain4jException("Interrupted while the model was streaming", e);
            }
            if (event == null) {
                throw new TimeoutException("The model sent nothing for " + idleTimeout.toMillis() + " ms");
            }
            if (event instanceof Partial partial) {
                onPartial.accept(partial.text());
            } else if (event instanceof Completed done) {
                return done.response();
            } else if (event instanceof Failed failed) {
                throw rethrown(failed.error());
            }
        }
    }

    /** The model's own exception, as a blocking call would have thrown it. */
    private static RuntimeException rethrown(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new LangChain4jException(error);
    }

    private void cancel() {
        StreamingHandle current = handle;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onPartialResponse(String text) {
        events.add(new Partial(text));
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle = context.streamingHandle();
        onPartialResponse(partial.text());
    }

    @Override
    public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
        handle = context.streamingHandle();
        events.add(new ToolCallProgress());
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        events.add(new Completed(response));
    }

    @Override
    public void onError(Throwable error) {
        events.add(new Failed(error));
    }
}
