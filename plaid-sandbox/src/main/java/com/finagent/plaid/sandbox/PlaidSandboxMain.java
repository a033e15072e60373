package com.finagent.plaid.sandbox;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local Plaid sandbox as a process of its own, which {@code finagent run} starts beside Payara when no
 * Plaid keys are configured and {@code finagent stop} ends. The application reaches it only over HTTP, through
 * the Plaid SDK, as it would reach Plaid; the sandbox's threads belong to this process, not to the server.
 */
public final class PlaidSandboxMain {

    private PlaidSandboxMain() {
    }

    /**
     * Arguments: journal file, port, and optionally the address to listen on (default {@code 127.0.0.1}, the
     * loopback interface only). Accepts any non-empty API keys. Prints {@code READY <base-url>} once it accepts
     * requests and runs until the process is stopped, closing the journal on the way out.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: PlaidSandboxMain <journal-file> <port> [host]");
            System.exit(2);
        }
        String host = args.length == 3 ? args[2] : "127.0.0.1";
        PlaidSandbox sandbox = PlaidSandbox.start(host, Integer.parseInt(args[1]),
                SandboxOptions.defaults().withJournal(Path.of(args[0])));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "plaid-sandbox-shutdown"));
        System.out.println("READY " + sandbox.baseUrl());
        System.out.flush();
        stopped.await();
    }
}
