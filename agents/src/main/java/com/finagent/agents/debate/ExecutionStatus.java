package com.finagent.agents.debate;

import java.util.Locale;

/** State of an {@link Execution}; {@link #dbValue()} is the {@code agent_executions.status} value. */
public enum ExecutionStatus {
    RUNNING, COMPLETED, FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
