package com.finagent.it;

import org.awaitility.core.ConditionTimeoutException;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A WebSocket listener for tests: every whole text message into a queue, and the close code, if wanted. */
final class SocketCollector implements WebSocket.Listener {

    private final BlockingQueue<String> received;
    private final CompletableFuture<Integer> closeCode;
    private final StringBuilder partial = new StringBuilder();

    /** @param closeCode completed with the close status, or null when the test does not care */
    SocketCollector(BlockingQueue<String> received, CompletableFuture<Integer> closeCode) {
        this.received = received;
        this.closeCode = closeCode;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (closeCode != null) {
            closeCode.complete(statusCode);
        }
        return null;
    }

    /**
     * The messages taken from {@code received} up to and including the first that {@code last} accepts, waiting at
     * most {@code within} for it; fails naming {@code what} and the messages taken when none comes.
     */
    static List<String> until(BlockingQueue<String> received, Duration within, String what, Predicate<String> last) {
        List<String> taken = new ArrayList<>();
        try {
            await(what).atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
                for (String message; (message = received.poll()) != null; ) {
                    taken.add(message);
                    if (last.test(message)) {
                        return true;
                    }
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " within " + within.toSeconds() + " s; received " + taken, e);
        }
        return taken;
    }
}
