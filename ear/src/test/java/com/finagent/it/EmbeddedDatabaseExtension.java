package com.finagent.it;

import com.finagent.persistence.devdb.DevDatabase;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts one real PostgreSQL for the whole test run, before Arquillian starts Payara. Failsafe puts its
 * address in the environment ({@code FINAGENT_DB_URL}), which the Payara process inherits. Register it
 * through JUnit's extension auto-detection (junit-platform.properties), which registers it before any
 * class-level {@code ArquillianExtension}.
 */
public class EmbeddedDatabaseExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(DevDatabase.class, key -> start(), Running.class);
    }

    private static Running start() {
        try {
            int port = Integer.parseInt(System.getenv("FINAGENT_IT_DB_PORT"));
            Path dataDirectory = Files.createTempDirectory("finagent-it-pg");
            return new Running(DevDatabase.start(dataDirectory, port), dataDirectory);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test database", e);
        }
    }

    /** Stopped by JUnit when the root context closes, after Arquillian has stopped Payara. */
    record Running(DevDatabase database, Path dataDirectory) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            database.close();
            try (var files = Files.walk(dataDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
