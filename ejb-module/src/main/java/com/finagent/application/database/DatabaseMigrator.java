package com.finagent.application.database;

import com.finagent.persistence.portfolio.Portfolio;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema up to date with Flyway before the application serves requests, and checks that
 * the database role is subject to row-level security. Bean-managed transactions: Flyway commits itself.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    private DataSource dataSource;

    private volatile String schemaVersion;
    private volatile boolean roleBypassesRowSecurity;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(Portfolio.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
        roleBypassesRowSecurity = checkRoleBypassesRowSecurity();
        if (roleBypassesRowSecurity) {
            LOG.severe("The database role is a superuser or has BYPASSRLS: row-level security does not protect "
                    + "user data. Connect as an ordinary role; readiness reports DOWN until then.");
        }
    }

    private boolean checkRoleBypassesRowSecurity() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet role = statement.executeQuery(
                     "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            return role.next() && role.getBoolean(1);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot check the database role", e);
            return true;
        }
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    public boolean roleBypassesRowSecurity() {
        return roleBypassesRowSecurity;
    }
}
