package com.finagent.persistence.agent;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One agent call or workflow step, with its outcome; {@link AgentDependency} rows form the step graph. */
@Entity
@Table(name = "agent_executions")
public class AgentExecution {

    @Id
    private UUID id;

    @NotNull
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @NotBlank
    @Column(nullable = false)
    private String query;

    @NotBlank
    @Column(name = "agent_name", nullable = false)
    private String agentName;

    @NotNull
    @Pattern(regexp = "general|analyst|trader|advisor|riskManager|economist")
    @Column(name = "assistant_type", nullable = false)
    private String assistantType;

    @NotNull
    @Column(nullable = false)
    @Convert(converter = ExecutionStatus.JpaConverter.class)
    private ExecutionStatus status = ExecutionStatus.PENDING;

    /** The step's structured output as JSON. */
    @Column(columnDefinition = "JSONB")
    private String result;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "execution_time_ms")
    private Integer executionTimeMs;

    @Column(name = "created_at", updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    protected AgentExecution() {
    }

    public AgentExecution(UUID userId, String query, String agentName, String assistantType) {
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId, "userId");
        this.query = query;
        this.agentName = agentName;
        this.assistantType = assistantType;
    }

    public void start() {
        status = ExecutionStatus.RUNNING;
    }

    public void complete(String resultJson) {
        finish(ExecutionStatus.COMPLETED);
        this.result = resultJson;
    }

    public void fail(String errorMessage, String partialResultJson) {
        finish(ExecutionStatus.FAILED);
        this.errorMessage = errorMessage;
        this.result = partialResultJson;
    }

    private void finish(ExecutionStatus finalStatus) {
        status = finalStatus;
        completedAt = Timestamps.now();
        executionTimeMs = (int) Duration.between(createdAt, completedAt).toMillis();
    }

    @PrePersist
    void onCreate() {
        if (createdAt == null) {
            createdAt = Timestamps.now();
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getQuery() {
        return query;
    }

    public String getAgentName() {
        return agentName;
    }

    public String getAssistantType() {
        return assistantType;
    }

    public ExecutionStatus getStatus() {
        return status;
    }

    public String getResult() {
        return result;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public Integer getExecutionTimeMs() {
        return executionTimeMs;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getCompletedAt() {
        return completedAt;
    }
}
