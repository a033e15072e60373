package com.finagent.application.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One written audit log entry, as admins and users read it. */
public record AuditEntry(UUID id, OffsetDateTime occurredAt, Actor.Kind actorKind, String actorId, String action,
                         Outcome outcome, UUID subjectUserId, String target, String detail, String clientAddress) {
}
