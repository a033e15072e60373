package com.finagent.persistence.support;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique-violation error (SQLSTATE 23505) anywhere in a failure's causes. Two concurrent
 * requests can both find a value free and both insert it; the unique constraint decides, and the loser is answered
 * as a conflict instead of an internal error.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
