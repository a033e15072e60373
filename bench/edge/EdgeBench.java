import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Does a trivial endpoint stay responsive while the expensive ones are hammered? A probe sends GET /api/v1/ping
 * every 40 ms and records each latency, first on the idle server, then while 16 clients hammer: 8 sign in with wrong
 * passwords (PBKDF2 hashing, lockout, rate limits) and 8 post within-budget Monte Carlo and risk analyses (the
 * bulkhead). Both probes run against one server in one run; the attackers' answers are counted by status.
 * The probe runs in a JVM of its own: sharing the attackers' HTTP client (one selector thread for all its
 * connections) and their garbage collections, it measured the load generator as much as the server.
 *   java EdgeBench.java [baseUrl] [seconds]
 */
public final class EdgeBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"(?:access_token|accessToken)\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PASSWORD = "Quasar-Trombone-Lantern-58";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--probe")) {
            probeProcess(args[1], Integer.parseInt(args[2]), List.of(args).subList(3, args.length));
            return;
        }
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        // The probe's users take turns so that none passes the per-user API limit (600 a minute by default).
        List<String> probeTokens = List.of(signUp(base, "probe"), signUp(base, "probe"), signUp(base, "probe"));
        String victim = "victim-" + System.nanoTime() + "@example.com";
        post(base + "/api/v1/auth/register", null, "{\"email\":\"" + victim + "\",\"password\":\"" + PASSWORD + "\"}");

        String prices = IntStream.range(0, 500).mapToObj(i -> String.valueOf(100 + 5 * Math.sin(i / 7.0) + i * 0.05))
                .collect(Collectors.joining(",", "[", "]"));
        // Two different series: identical ones have a singular covariance, which the simulation refuses with a 400.
        String otherPrices = IntStream.range(0, 500).mapToObj(i -> String.valueOf(80 + 4 * Math.cos(i / 5.0) + i * 0.03))
                .collect(Collectors.joining(",", "[", "]"));
        String assets = "{\"assets\":{\"A\":" + prices + ",\"B\":" + otherPrices + "},\"weights\":{\"A\":0.5,\"B\":0.5}";
        String simulation = assets + ",\"paths\":20000}";
        String risk = assets + "}";
        // Two heavy clients share a user: registering is limited to 10 a minute per address.
        List<String> heavyTokens = List.of(signUp(base, "heavy"), signUp(base, "heavy"), signUp(base, "heavy"),
                signUp(base, "heavy"));
        String heavyToken = heavyTokens.get(0);
        for (int i = 0; i < 20; i++) {
            expect(200, post(base + "/api/v1/analytics/monte-carlo", heavyToken, simulation));
            expect(200, post(base + "/api/v1/analytics/risk", heavyToken, risk));
        }

        List<Long> idle = probeElsewhere(base, probeTokens, seconds);

        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> attackers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int attacker = i;
            String attackerToken = attacker >= 8 ? heavyTokens.get((attacker - 8) / 2) : null;
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    String kind;
                    int status;
                    if (attacker < 8) {
                        kind = "sign-in";
                        status = post(base + "/api/v1/auth/token", null, "{\"email\":\"" + victim
                                + "\",\"password\":\"wrong-" + System.nanoTime() + "\"}").statusCode();
                    } else if (attacker % 2 == 0) {
                        kind = "monte-carlo";
                        status = post(base + "/api/v1/analytics/monte-carlo", attackerToken, simulation).statusCode();
                    } else {
                        kind = "risk";
                        status = post(base + "/api/v1/analytics/risk", attackerToken, risk).statusCode();
                    }
                    answers.computeIfAbsent(kind + " " + status, k -> new AtomicInteger()).incrementAndGet();
                }
            });
            thread.start();
            attackers.add(thread);
        }
        List<Long> loaded = probeElsewhere(base, probeTokens, seconds);
        running.set(false);
        for (Thread attacker : attackers) {
            attacker.join();
        }

        System.out.printf("idle   ping: n=%d p50 %.1f ms, p99 %.1f ms%n", idle.size(), pct(idle, 50), pct(idle, 99));
        System.out.printf("loaded ping: n=%d p50 %.1f ms, p99 %.1f ms%n", loaded.size(), pct(loaded, 50),
                pct(loaded, 99));
        System.out.printf("p99 loaded / idle = %.2f (goal: loaded p99 under 100 ms)%n", pct(loaded, 99) / pct(idle, 99));
        System.out.println("attackers' answers: " + new TreeMap<>(answers));
    }

    /** Runs {@link #probeProcess} in a child JVM for the given time; its latencies in microseconds. */
    private static List<Long> probeElsewhere(String base, List<String> tokens, int seconds) throws Exception {
        ProcessHandle.Info self = ProcessHandle.current().info();
        String source = self.arguments().stream().flatMap(Arrays::stream).filter(arg -> arg.endsWith("EdgeBench.java"))
                .findFirst().orElseThrow(() -> new IllegalStateException("run as: java bench/edge/EdgeBench.java"));
        List<String> command = new ArrayList<>(List.of(self.command().orElse("java"), source, "--probe", base,
                String.valueOf(seconds)));
        command.addAll(tokens);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the probe failed");
        }
        return output.lines().filter(line -> !line.isBlank()).map(Long::valueOf).toList();
    }

    /** The child JVM: 5 s of warm-up, then the probe; one latency in microseconds per line on standard output. */
    private static void probeProcess(String base, int seconds, List<String> tokens) throws InterruptedException {
        probe(base, tokens, 5);
        probe(base, tokens, seconds).forEach(System.out::println);
    }

    /** GET /api/v1/ping every 40 ms for the given time; latencies in microseconds. */
    private static List<Long> probe(String base, List<String> tokens, int seconds) throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ping"))
                    .header("Authorization", "Bearer " + tokens.get(latencies.size() % tokens.size())).GET());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("ping answered " + reply.statusCode() + ": " + reply.body());
            }
            latencies.add((System.nanoTime() - start) / 1_000);
            Thread.sleep(40);
        }
        return latencies;
    }

    private static void expect(int status, HttpResponse<String> reply) {
        if (reply.statusCode() != status) {
            throw new IllegalStateException(reply.uri() + " answered " + reply.statusCode() + ": " + reply.body());
        }
    }

    private static String signUp(String base, String name) {
        String email = name + "-" + System.nanoTime() + "@example.com";
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
        // Registering signs the new user in; a separate sign-in would meet the limit the attackers exhaust.
        HttpResponse<String> signedIn = post(base + "/api/v1/auth/register", null, body);
        Matcher token = TOKEN.matcher(signedIn.body());
        if (!token.find()) {
            throw new IllegalStateException("sign-in answered " + signedIn.statusCode() + ": " + signedIn.body());
        }
        return token.group(1);
    }

    private static HttpResponse<String> post(String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double pct(List<Long> micros, int percentile) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
