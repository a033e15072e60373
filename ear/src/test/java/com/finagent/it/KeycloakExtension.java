package com.finagent.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Starts one real Keycloak (the OpenID Connect provider of the single sign-on tests) for the whole test run, with the
 * realm in {@code src/test/resources/keycloak}. It starts in the background, beside Payara and the other test classes,
 * and only the tests that need it wait for it ({@link #awaitReady()}): Keycloak takes about a minute to start on two
 * cores. Keycloak needs JDK 21 or newer; these machines have a Temurin JDK 25 beside the default JDK 17.
 */
public class KeycloakExtension implements BeforeAllCallback {

    private static final Duration START_LIMIT = Duration.ofMinutes(4);
    private static volatile CompletableFuture<Running> started;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KeycloakExtension.class, key -> start(), Stopper.class);
    }

    /** The provider's issuer once Keycloak answers; fails the calling test if it did not start. */
    static String awaitReady() {
        if (started == null) {
            throw new IllegalStateException("KeycloakExtension is not registered");
        }
        try {
            return started.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS).issuer();
        } catch (Exception e) {
            throw new AssertionError("Keycloak did not start", e);
        }
    }

    private static Stopper start() {
        Path home = Path.of(System.getProperty("finagent.keycloak.home"));
        String port = System.getenv("FINAGENT_IT_KEYCLOAK_PORT");
        String issuer = System.getenv("FINAGENT_OIDC_ISSUER");
        try {
            // A fresh database each run, so the realm is imported as the repository has it.
            Path data = home.resolve("data");
            if (Files.exists(data)) {
                try (var files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(data.resolve("import"));
            try (InputStream realm = KeycloakExtension.class.getResourceAsStream("/keycloak/finagent-realm.json")) {
                Files.copy(realm, data.resolve("import/finagent-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--import-realm", "--http-port", port, "--hostname", "http://localhost:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("finagent.keycloak.java"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // C1 alone: Keycloak starts while the test domain and the cluster are busy on two cores, and serves a
            // few dozen requests, too few to repay the optimising compiler.
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            long begin = System.nanoTime();
            Process process = builder.start();
            started = CompletableFuture.supplyAsync(() -> awaitDiscovery(process, issuer, begin));
            return new Stopper(process);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Keycloak from " + home, e);
        }
    }

    private static Running awaitDiscovery(Process process, String issuer, long begin) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        await("Keycloak's discovery document").atMost(START_LIMIT.minusNanos(System.nanoTime() - begin))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                                + "; see keycloak.log");
                    }
                    try {
                        return http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        System.out.printf("Keycloak ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        return new Running(issuer);
    }

    record Running(String issuer) {
    }

    /** Stops Keycloak (and the JVM that kc.sh started) when the root context closes. */
    record Stopper(Process process) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
