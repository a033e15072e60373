package com.finagent.agents.chat;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.service.TokenStream;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One streamed turn of an AI service ({@link TokenStream}), awaited on the calling thread: the text partials reach
 * the consumer on that thread, in order, as the provider sends them, the turn's tools run on that thread too
 * ({@link #onCaller}), and the turn returns the final response or throws the error the model reported. The
 * provider's I/O thread only queues events, so the consumer (an SSE sink of a request) is never called concurrently
 * or after the turn returned, tools keep the calling thread's context, and a consumer that throws (the client went
 * away) ends the turn like a model failure. Whenever the turn ends without the final response (the consumer threw,
 * no event came within the idle timeout, the thread was interrupted) the stream is cancelled.
 */
final class StreamedTurn {

    private sealed interface Event permits Partial, Progress, CallEnded, Run, Completed, Failed {
    }

    private record Partial(String text) implements Event {
    }

    /** A fragment of a tool call: nothing to show, but the stream is alive. */
    private record Progress() implements Event {
    }

    /** A model call ended in tool calls; the next text is another call's. */
    private record CallEnded() implements Event {
    }

    /** Work the I/O thread hands to the calling thread, and waits for. */
    private record Run(Supplier<?> work, CompletableFuture<Object> result) implements Event {

        void perform() {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }

        void abandon() {
            result.completeExceptionally(new LangChain4jException("The turn ended before the tool ran"));
        }
    }

    private record Completed(ChatResponse response) implements Event {
    }

    private record Failed(Throwable error) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread caller = Thread.currentThread();
    private volatile StreamingHandle handle;
    private volatile boolean ended;

    /**
     * Starts {@code stream} and awaits its end.
     *
     * @param onPartial gets the text as it streams
     * @param onCallEnded runs when a model call ended in tool calls, before the next call's text
     */
    ChatResponse run(TokenStream stream, Consumer<String> onPartial, Runnable onCallEnded, Duration idleTimeout) {
        stream.onPartialResponseWithContext((partial, context) -> {
                    handle = context.streamingHandle();
                    events.add(new Partial(partial.text()));
                })
                .onPartialToolCallWithContext((partial, context) -> {
                    handle = context.streamingHandle();
                    events.add(new Progress());
                })
                .onIntermediateResponse(response -> events.add(new CallEnded()))
                .onCompleteResponse(response -> events.add(new Completed(response)))
                .onError(this::fail);
        boolean completed = false;
        try {
            try {
                stream.start();
            } catch (RuntimeException e) {
                fail(e);
            }
            ChatResponse response = await(onPartial, onCallEnded, idleTimeout);
            completed = true;
            return response;
        } finally {
            ended = true;
            if (!completed) {
                cancel();
            }
            abandonWaitingWork();
        }
    }

    /** Ends the turn with {@code error} as soon as the calling thread sees it. */
    void fail(Throwable error) {
        events.add(new Failed(error));
    }

    /**
     * Runs {@code work} on the calling thread and returns what it returns: directly when called there (a model that
     * answers synchronously), otherwise by handing it over and waiting.
     */
    <T> T onCaller(Supplier<T> work) {
        if (Thread.currentThread() == caller) {
            return work.get();
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        events.add(new Run(work, result));
        if (ended) {
            abandonWaitingWork();
        }
        try {
            @SuppressWarnings("unchecked")
            T done = (T) result.get();
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LangChain4jException("Interrupted while waiting for a tool", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private ChatResponse await(Consumer<String> onPartial, Runnable onCallEnded, Duration idleTimeout) {
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
            } else if (event instanceof CallEnded) {
                onCallEnded.run();
            } else if (event instanceof Run run) {
                run.perform();
            } else if (event instanceof Completed done) {
                return done.response();
            } else if (event instanceof Failed failed) {
                throw rethrown(failed.error());
            }
        }
    }

    /** Work handed over after the turn ended fails, so that no I/O thread waits for it for ever. */
    private void abandonWaitingWork() {
        for (Event event = events.poll(); event != null; event = events.poll()) {
            if (event instanceof Run run) {
                run.abandon();
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
            try {
                current.cancel();
            } catch (UnsupportedFeatureException e) {
                // a model without cancellation streams to its end; nothing reads it any more
            }
        }
    }
}
