import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebSocket fan-out: N subscribers to one symbol on /ws/market; delivery latency of each tick batch is the
 * time of receipt minus the batch's server timestamp (same machine, same clock).
 * Arguments: base ws URL, access token, subscribers, seconds.
 */
public final class FanOutBench {

    private static final Pattern TIMESTAMP = Pattern.compile("\"t\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String url = args[0] + "/ws/market?access_token=" + args[1];
        int subscribers = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        HttpClient client = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(subscribers);
        long[] measureFrom = {Long.MAX_VALUE};
        for (int i = 0; i < subscribers; i++) {
            WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    long received = System.currentTimeMillis();
                    partial.append(data);
                    if (last) {
                        String message = partial.toString();
                        partial.setLength(0);
                        if (message.contains("\"subscribed\"")) {
                            subscribed.countDown();
                        } else if (message.contains("\"ticks\"")) {
                            Matcher m = TIMESTAMP.matcher(message);
                            if (m.find() && Long.parseLong(m.group(1)) >= measureFrom[0]) {
                                latencies.add(received - Long.parseLong(m.group(1)));
                            }
                        }
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"subscribe\",\"symbols\":[\"AAPL\"]}", true);
            sockets.add(socket);
        }
        if (!subscribed.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every subscriber was confirmed");
        }
        measureFrom[0] = System.currentTimeMillis();
        Thread.sleep(seconds * 1000L);
        sockets.forEach(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no ticks arrived");
        }
        System.out.printf("subscribers=%d deliveries=%d p50=%d ms p99=%d ms max=%d ms%n", subscribers, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)), sorted.get(sorted.size() - 1));
    }
}
