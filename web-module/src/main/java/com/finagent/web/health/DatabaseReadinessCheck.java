package com.finagent.web.health;

import com.finagent.application.database.ApplicationDataSource;
import com.finagent.application.database.DatabaseMigrator;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when PostgreSQL answers, the schema is migrated and row-level security binds the application. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @EJB
    DatabaseMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean reachable = connection.isValid(2);
            String version = migrator.schemaVersion();
            boolean rowSecurityApplies = !migrator.roleBypassesRowSecurity();
            return response.status(reachable && version != null && rowSecurityApplies)
                    .withData("schemaVersion", String.valueOf(version))
                    .withData("rowLevelSecurity", rowSecurityApplies ? "enforced" : "bypassed by the database role")
                    .build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
