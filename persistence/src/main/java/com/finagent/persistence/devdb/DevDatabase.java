package com.finagent.persistence.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL that runs when no database is configured: real PostgreSQL binaries from Maven
 * (zonky), a data directory that survives restarts, and an application role that is neither
 * superuser nor BYPASSRLS, so row-level security applies to the application as it would in production.
 */
public final class DevDatabase implements AutoCloseable {

    public static final String DATABASE = "finagent";
    public static final String APP_ROLE = "finagent";
    public static final String APP_PASSWORD = "finagent";

    private final EmbeddedPostgres postgres;

    private DevDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code port} with its data in {@code dataDirectory} (created if absent). */
    public static DevDatabase start(Path dataDirectory, int port) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        DevDatabase database = new DevDatabase(postgres);
        database.ensureApplicationRole();
        return database;
    }

    /** Starts PostgreSQL on a free port with its data in {@code dataDirectory}: a test's own database. */
    public static DevDatabase startOnFreePort(Path dataDirectory) throws IOException, SQLException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(dataDirectory, port);
    }

    /** Connections as the application's role, as the server makes them (row-level security applies). */
    public PGSimpleDataSource applicationDataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(APP_ROLE);
        dataSource.setPassword(APP_PASSWORD);
        return dataSource;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    private void ensureApplicationRole() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", APP_ROLE)) {
                statement.execute("CREATE ROLE " + APP_ROLE
                        + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD '" + APP_PASSWORD + "'");
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + APP_ROLE);
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * Runs the development database until the process is stopped.
     * Arguments: data directory, port. Prints {@code READY <jdbc-url>} once it accepts connections.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DevDatabase <data-directory> <port>");
            System.exit(2);
        }
        DevDatabase database = start(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("READY " + database.jdbcUrl());
        System.out.flush();
        stopped.await();
    }
}
