package com.finagent.application.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the audit log before it is written. Never put a secret, a password or a token in {@code target}
 * or {@code detail}; {@link AuditLog} redacts anything that looks like one as a second line of defence.
 *
 * @param actor         who did it
 * @param action        what, one of {@link AuditActions} or a feature's own {@code area.verb}
 * @param outcome       how it ended
 * @param subjectUserId the user whose security event this is (listed to them in their security events), or
 *                      {@code null}; for a failed sign-in it is the account tried, if it exists
 * @param target        what it was done to (a portfolio id, an item id, a normalised e-mail), or {@code null}
 * @param detail        a short human-readable explanation, or {@code null}
 * @param clientAddress the client's IP address, or {@code null} to take the current request's
 */
public record AuditEvent(Actor actor, String action, Outcome outcome, UUID subjectUserId, String target,
                         String detail, String clientAddress) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A user acting on their own account or data. */
    public static AuditEvent byUser(UUID userId, String action, Outcome outcome, String target, String detail) {
        return new AuditEvent(Actor.user(userId), action, outcome, userId, target, detail, null);
    }

    /** The same event, about {@code userId}'s account (shown in that user's security events). */
    public AuditEvent about(UUID userId) {
        return new AuditEvent(actor, action, outcome, userId, target, detail, clientAddress);
    }
}
