package com.finagent.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the append-only audit log. The database refuses to change or delete rows (a trigger in V7), so
 * the entity has no setters: it is written once and read.
 */
@Entity
@Table(name = "audit_events")
public class AuditRecord {

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor_kind", nullable = false, updatable = false)
    private String actorKind;

    @Column(name = "actor_id", updatable = false)
    private String actorId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(nullable = false, updatable = false)
    private String outcome;

    /** Text, not {@code UUID}: EclipseLink fails reading a null UUID column (the data source sends text as unknown). */
    @Column(name = "subject_user_id", updatable = false)
    private String subjectUserId;

    @Column(updatable = false)
    private String target;

    @Column(updatable = false)
    private String detail;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    protected AuditRecord() {
    }

    public AuditRecord(OffsetDateTime occurredAt, String actorKind, String actorId, String action, String outcome,
                       UUID subjectUserId, String target, String detail, String clientAddress) {
        this.id = UUID.randomUUID();
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actorKind = Objects.requireNonNull(actorKind, "actorKind");
        this.actorId = actorId;
        this.action = Objects.requireNonNull(action, "action");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.subjectUserId = subjectUserId == null ? null : subjectUserId.toString();
        this.target = target;
        this.detail = detail;
        this.clientAddress = clientAddress;
    }

    public UUID getId() {
        return id;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public String getActorKind() {
        return actorKind;
    }

    public String getActorId() {
        return actorId;
    }

    public String getAction() {
        return action;
    }

    public String getOutcome() {
        return outcome;
    }

    public UUID getSubjectUserId() {
        return subjectUserId == null ? null : UUID.fromString(subjectUserId);
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getClientAddress() {
        return clientAddress;
    }
}
