package com.finagent.persistence.agent;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An edge of the step graph: {@code executionId} used the output of {@code dependsOnExecutionId}. */
@Entity
@Table(name = "agent_dependencies",
        uniqueConstraints = @UniqueConstraint(columnNames = {"execution_id", "depends_on_execution_id"}))
public class AgentDependency {

    @Id
    private UUID id;

    @NotNull
    @Column(name = "execution_id", nullable = false)
    private UUID executionId;

    @NotNull
    @Column(name = "depends_on_execution_id", nullable = false)
    private UUID dependsOnExecutionId;

    @Column(name = "created_at", updatable = false)
    private OffsetDateTime createdAt;

    protected AgentDependency() {
    }

    public AgentDependency(UUID executionId, UUID dependsOnExecutionId) {
        if (executionId.equals(dependsOnExecutionId)) {
            throw new IllegalArgumentException("An execution cannot depend on itself");
        }
        this.id = UUID.randomUUID();
        this.executionId = executionId;
        this.dependsOnExecutionId = dependsOnExecutionId;
    }

    @PrePersist
    void onCreate() {
        createdAt = Timestamps.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getExecutionId() {
        return executionId;
    }

    public UUID getDependsOnExecutionId() {
        return dependsOnExecutionId;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
