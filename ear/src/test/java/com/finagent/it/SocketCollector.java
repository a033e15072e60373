package com.finagent.it;

import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
}
