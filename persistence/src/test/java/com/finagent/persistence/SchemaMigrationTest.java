package com.finagent.persistence;

import com.finagent.persistence.devdb.DevDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Flyway migrations on real PostgreSQL, as the unprivileged application role. */
class SchemaMigrationTest {

    @TempDir
    static Path dataDirectory;

    private static DevDatabase database;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void migrate() throws Exception {
        database = DevDatabase.startOnFreePort(dataDirectory);
        dataSource = database.applicationDataSource();
        dataSource.setProperty("stringtype", "unspecified");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void createsEveryTableOfTheDesign() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertEquals(List.of("accounts", "activities", "agent_dependencies", "agent_executions", "app_users",
                "audit_events", "backtests", "chat_memories", "cluster_duties", "debate_reflections", "debates", "holdings_reviews", "options_flow",
                "partner_client_secrets", "partner_clients", "plaid_accounts", "plaid_holdings", "plaid_items",
                "plaid_transactions", "portfolios", "positions", "price_history", "rating_alerts", "rating_watches",
                "sentiment_data", "tickers", "user_identities", "user_memories"), tables);
    }

    @Test
    void everyTableWithAnOwnerForcesRowLevelSecurity() throws SQLException {
        List<String> unprotected = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT c.relname FROM pg_class c"
                     + " JOIN information_schema.columns col ON col.table_name = c.relname AND col.column_name = 'user_id'"
                     + " WHERE c.relkind = 'r' AND col.table_schema = 'public'"
                     + " AND NOT (c.relrowsecurity AND c.relforcerowsecurity) AND c.relname NOT IN ('app_users', 'user_identities')")) {
            while (rows.next()) {
                unprotected.add(rows.getString(1));
            }
        }
        assertEquals(List.of(), unprotected, "user-owned tables without forced row-level security");
    }

    @Test
    void applicationRoleCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet role = connection.createStatement().executeQuery(
                     "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            assertTrue(role.next());
            assertFalse(role.getBoolean(1));
            assertFalse(role.getBoolean(2));
        }
    }

    @Test
    void rowLevelSecurityHidesOtherUsersPortfolios() throws SQLException {
        UUID alice = newUser("alice");
        UUID bob = newUser("bob");
        insertPortfolio(alice, "Alice's");
        insertPortfolio(bob, "Bob's");

        assertEquals(List.of("Alice's"), portfolioNamesVisibleTo(alice));
        assertEquals(List.of("Bob's"), portfolioNamesVisibleTo(bob));
        assertEquals(List.of(), portfolioNamesVisibleTo(null), "no user set: nothing visible");
    }

    @Test
    void rowLevelSecurityRejectsWritesForAnotherUser() throws SQLException {
        UUID alice = newUser("mallory-victim");
        UUID mallory = newUser("mallory");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            actAs(connection, mallory);
            SQLException rejected = assertThrows(SQLException.class, () -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO portfolios (user_id, name) VALUES (?, 'planted')")) {
                    insert.setObject(1, alice);
                    insert.executeUpdate();
                }
            });
            assertTrue(rejected.getMessage().contains("row-level security"), rejected.getMessage());
            connection.rollback();
        }
    }

    @Test
    void theAuditLogIsAppendOnlyForTheApplicationRole() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO audit_events (id, actor_kind, actor_id, action, outcome, detail)"
                    + " VALUES (gen_random_uuid(), 'USER', 'u1', 'auth.sign_in', 'SUCCESS', 'kept')");
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE audit_events SET detail = 'rewritten'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM audit_events"));
            assertThrows(SQLException.class, () -> statement.execute("TRUNCATE audit_events"));
            assertThrows(SQLException.class, () -> statement.execute("INSERT INTO audit_events (id, actor_kind, action,"
                    + " outcome) VALUES (gen_random_uuid(), 'USER', 'auth.sign_in', 'SUCCESS')"), "a user actor has an id");
            try (ResultSet kept = statement.executeQuery("SELECT count(*) FROM audit_events WHERE detail = 'kept'")) {
                assertTrue(kept.next());
                assertEquals(1, kept.getInt(1));
            }
        }
    }

    @Test
    void checksMirrorTheValidationRules() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO tickers (symbol) VALUES ('CHK')");
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO sentiment_data (symbol, source, content, sentiment_score, confidence) "
                            + "VALUES ('CHK', 'news', 'x', 1.5, 0.5)"));
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO sentiment_data (symbol, source, content, sentiment_score, confidence, embedding, "
                            + "embedder) VALUES ('CHK', 'news', 'x', 0.5, 0.5, '{1,2,3}', 'hashing-384-v1')"),
                    "embedding must have 384 dimensions");
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO sentiment_data (symbol, source, content, sentiment_score, confidence, embedding) "
                            + "VALUES ('CHK', 'news', 'x', 0.5, 0.5, array_fill(0.1::real, ARRAY[384]))"),
                    "a vector must name its embedder");
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO options_flow (symbol, strike_price, expiration_date, option_type, volume) "
                            + "VALUES ('CHK', 10, '2030-01-01', 'straddle', 1)"));
            statement.execute("INSERT INTO price_history (symbol, timestamp, open_price, high_price, low_price, "
                    + "close_price, volume) VALUES ('CHK', '2024-01-02T00:00:00Z', 1, 2, 0.5, 1.5, 100)");
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO price_history (symbol, timestamp, open_price, high_price, low_price, close_price, "
                            + "volume) VALUES ('CHK', '2024-01-02T00:00:00Z', 1, 2, 0.5, 1.5, 100)"),
                    "one bar per symbol and timestamp");
        }
    }

    /** A local account owns its e-mail; an account provisioned by single sign-on may share it, never merged. */
    @Test
    void anEmailNamesOneLocalAccountButSingleSignOnAccountsMayShareIt() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO app_users (email, password_hash) VALUES ('shared@example.com', 'hash')");
            SQLException duplicate = assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO app_users (email, password_hash) VALUES ('shared@example.com', 'other')"));
            assertTrue(duplicate.getMessage().contains("app_users_email_unique"), duplicate.getMessage());
            statement.execute("INSERT INTO app_users (id, email) VALUES "
                    + "('00000000-0000-0000-0000-000000000009', 'shared@example.com')");
            statement.execute("INSERT INTO user_identities (issuer, subject, user_id) VALUES "
                    + "('https://idp.example.com', 'sub-1', '00000000-0000-0000-0000-000000000009')");
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO user_identities (issuer, subject, user_id) VALUES "
                            + "('https://idp.example.com', 'sub-1', '00000000-0000-0000-0000-000000000009')"),
                    "issuer and subject name one identity");
            statement.execute("INSERT INTO user_identities (issuer, subject, user_id) VALUES "
                    + "('https://other.example.com', 'sub-1', '00000000-0000-0000-0000-000000000009')");
        }
    }

    /** V5 runs as the application role, yet must name the embedder of every user's stored memories. */
    @Test
    void upgradingNamesTheHashingEmbedderOfEveryUsersStoredVectors() throws SQLException {
        Flyway upgrade = Flyway.configure().dataSource(dataSource).schemas("upgrade_to_v5")
                .locations("classpath:db/migration").load();
        Flyway.configure().configuration(upgrade.getConfiguration()).target("4").load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SET search_path TO upgrade_to_v5");
            connection.setAutoCommit(false);
            for (String name : List.of("alice", "bob")) {
                UUID user = UUID.randomUUID();
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO app_users (id, email, password_hash) VALUES (?, ?, 'hash')")) {
                    insert.setObject(1, user);
                    insert.setString(2, name + "@example.com");
                    insert.executeUpdate();
                }
                actAs(connection, user);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_memories (user_id, kind,"
                        + " content, embedding) VALUES (?, 'fact', 'The user is a nurse.', array_fill(0.1::real,"
                        + " ARRAY[384]))")) {
                    insert.setObject(1, user);
                    insert.executeUpdate();
                }
            }
            connection.commit();
        }
        upgrade.migrate();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SET search_path TO upgrade_to_v5");
            try (ResultSet forced = connection.createStatement().executeQuery(
                    "SELECT relforcerowsecurity FROM pg_class WHERE oid = 'user_memories'::regclass")) {
                assertTrue(forced.next() && forced.getBoolean(1), "row-level security is forced again");
            }
            connection.setAutoCommit(false);
            connection.createStatement().execute("ALTER TABLE user_memories NO FORCE ROW LEVEL SECURITY");
            try (ResultSet embedders = connection.createStatement().executeQuery(
                    "SELECT embedder, count(*) FROM user_memories GROUP BY embedder")) {
                assertTrue(embedders.next());
                assertEquals("hashing-384-v1", embedders.getString(1));
                assertEquals(2, embedders.getInt(2), "both users' memories");
                assertFalse(embedders.next());
            }
            connection.rollback();
        }
    }

    private static UUID newUser(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO app_users (id, email, password_hash) VALUES (?, ?, 'hash')")) {
            insert.setObject(1, id);
            insert.setString(2, name + "-" + id + "@example.com");
            insert.executeUpdate();
        }
        return id;
    }

    private static void insertPortfolio(UUID owner, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            actAs(connection, owner);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO portfolios (user_id, name) VALUES (?, ?)")) {
                insert.setObject(1, owner);
                insert.setString(2, name);
                insert.executeUpdate();
            }
            connection.commit();
        }
    }

    private static List<String> portfolioNamesVisibleTo(UUID user) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (user != null) {
                actAs(connection, user);
            }
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM portfolios ORDER BY name")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            connection.commit();
        }
        return names;
    }

    private static void actAs(Connection connection, UUID user) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
            set.setString(1, user.toString());
            set.executeQuery().close();
        }
    }
}
