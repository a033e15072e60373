package com.finagent.application.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's PostgreSQL data source. Its settings come from the server's environment
 * ({@code FINAGENT_DB_URL}, {@code FINAGENT_DB_USER}, {@code FINAGENT_DB_PASSWORD}); the run script
 * points them at the embedded database when none is configured. {@code stringtype=unspecified} lets
 * JSONB and array columns take their literals as text; {@code reWriteBatchedInserts} turns a JDBC batch of
 * inserts (a Plaid sync) into multi-row statements.
 */
@Singleton
@DataSourceDefinition(
        name = ApplicationDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=finagent.db.url}",
        user = "${MPCONFIG=finagent.db.user}",
        password = "${MPCONFIG=finagent.db.password}",
        properties = {"stringType=unspecified", "ApplicationName=finagent", "reWriteBatchedInserts=true"},
        minPoolSize = 2,
        maxPoolSize = 32,
        loginTimeout = 10)
public class ApplicationDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/finagent";
}
