package com.finagent.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The packaged EAR, deployed once for all the test classes that call it from outside (over HTTP, WebSocket, a
 * browser) instead of once per class as Arquillian does: a deployment takes 10 to 20 s, and these classes need
 * nothing of a fresh one (each makes its own users). The Payara domain is the one Arquillian uses; whichever
 * starts it first, the other finds it running ({@code allowConnectingToRunningServer}). The classes that run
 * inside the server deploy one layer each beside it (context roots of their own), never a second whole EAR.
 */
public class DeployedApplication implements BeforeAllCallback {

    private static final Logger LOG = Logger.getLogger(DeployedApplication.class.getName());
    private static final String NAME = "finagent";
    private static final int ADMIN_PORT = 4848;

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context).deploy();
    }

    private static Server server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class);
    }

    /** The domain and whether the EAR is deployed on it; stopped when the run ends if it was started here. */
    static final class Server implements ExtensionContext.Store.CloseableResource {

        private final boolean startedHere;
        private boolean deployed;

        private Server(boolean startedHere) {
            this.startedHere = startedHere;
        }

        static Server start() {
            if (listening()) {
                return new Server(false);
            }
            asadmin("start-domain", System.getProperty("payara.domain"));
            return new Server(true);
        }

        synchronized void deploy() {
            if (!deployed) {
                long begin = System.nanoTime();
                asadmin("deploy", "--name", NAME, "--force=true", System.getProperty("finagent.ear"));
                deployed = true;
                LOG.info(() -> "Deployed the EAR once for the client-side tests in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms");
            }
        }

        synchronized void undeploy() {
            if (deployed) {
                asadmin("undeploy", NAME);
                deployed = false;
            }
        }

        /** At the end of the run; a failure here (Arquillian stopped the domain first) fails no test. */
        @Override
        public void close() {
            try {
                undeploy();
                if (startedHere) {
                    asadmin("stop-domain", System.getProperty("payara.domain"));
                }
            } catch (IllegalStateException e) {
                LOG.warning(() -> "Stopping the shared deployment: " + e.getMessage());
            }
        }

        private static boolean listening() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", ADMIN_PORT), 500);
                return true;
            } catch (IOException closed) {
                return false;
            }
        }

        private static void asadmin(String... command) {
            try {
                Path passwords = Files.createTempFile("finagent-it-admin", ".txt");
                try {
                    Files.writeString(passwords, "AS_ADMIN_PASSWORD=" + System.getProperty("payara.admin.password") + "\n");
                    List<String> line = new ArrayList<>(List.of(
                            Path.of(System.getProperty("payara.home"), "bin", "asadmin").toString(),
                            "--user", "admin", "--passwordfile", passwords.toString(), "--interactive=false"));
                    line.addAll(List.of(command));
                    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
                    String output = new String(process.getInputStream().readAllBytes());
                    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                        throw new IllegalStateException("asadmin " + String.join(" ", command) + " failed:\n" + output);
                    }
                } finally {
                    Files.deleteIfExists(passwords);
                }
            } catch (IOException e) {
                throw new IllegalStateException("asadmin " + command[0] + " could not run", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("asadmin " + command[0] + " was interrupted", e);
            }
        }
    }
}
