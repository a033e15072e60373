package com.finagent.application.audit;

import com.finagent.persistence.audit.AuditRecord;
import com.finagent.persistence.support.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The append-only audit log: who did what, when, from which address, and how it ended. Each entry is written in
 * its own transaction, so a failed sign-in or a refused request is recorded although the request's own
 * transaction rolls back. Nothing written holds a secret: callers pass none, and values that look like tokens or
 * keys are redacted before writing.
 */
@Stateless
public class AuditLog {

    /** JWTs, Plaid tokens, and long opaque strings (keys, secrets); UUIDs are split by hyphens and stay. */
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"
                    + "|(?:access|public|link)-(?:sandbox|development|production)-[A-Za-z0-9-]+"
                    + "|[A-Za-z0-9+/_=]{32,}");

    @PersistenceContext(unitName = "finagent")
    private EntityManager entityManager;

    @Inject
    private Instance<RequestOrigin> origin;

    /** Writes {@code event}, taking the client address from the current request when the event names none. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditEvent event) {
        String address = event.clientAddress() != null ? event.clientAddress() : currentClientAddress();
        entityManager.persist(new AuditRecord(Timestamps.now(), event.actor().kind().name(), event.actor().id(),
                event.action(), event.outcome().name(), event.subjectUserId(), clean(event.target(), 300),
                clean(event.detail(), 1000), address == null || address.length() > 45 ? null : address));
    }

    /** Entries matching {@code query}, newest first. */
    public AuditPage search(AuditQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.actorId() != null) {
            where.append(" AND a.actorId = :actorId");
            parameters.put("actorId", query.actorId());
        }
        if (query.subjectUserId() != null) {
            where.append(" AND a.subjectUserId = :subject");
            parameters.put("subject", query.subjectUserId().toString());
        }
        if (query.action() != null) {
            where.append(" AND a.action = :action");
            parameters.put("action", query.action());
        }
        if (query.outcome() != null) {
            where.append(" AND a.outcome = :outcome");
            parameters.put("outcome", query.outcome().name());
        }
        if (query.from() != null) {
            where.append(" AND a.occurredAt >= :from");
            parameters.put("from", query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" AND a.occurredAt < :to");
            parameters.put("to", query.to().atOffset(ZoneOffset.UTC));
        }
        TypedQuery<AuditRecord> rows = entityManager.createQuery(
                "SELECT a FROM AuditRecord a" + where + " ORDER BY a.occurredAt DESC, a.id", AuditRecord.class);
        TypedQuery<Long> count = entityManager.createQuery("SELECT COUNT(a) FROM AuditRecord a" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditRecord row : rows.setFirstResult((int) Math.min(Integer.MAX_VALUE, (long) query.page() * query.size()))
                .setMaxResults(query.size()).getResultList()) {
            entries.add(entry(row));
        }
        return new AuditPage(entries, query.page(), query.size(), count.getSingleResult());
    }

    /** The security events of one user: those about their account, newest first. */
    public AuditPage securityEvents(UUID userId, int page, int size) {
        return search(new AuditQuery(null, userId, null, null, null, null, page, size));
    }

    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String redacted = SECRET_LIKE.matcher(text.replace('\u0000', ' ')).replaceAll("[redacted]");
        return redacted.length() <= maxLength ? redacted : redacted.substring(0, maxLength - 1) + "…";
    }

    private String currentClientAddress() {
        try {
            return origin.isResolvable() ? origin.get().clientAddress() : null;
        } catch (ContextNotActiveException backgroundWork) {
            return null;
        }
    }

    private static AuditEntry entry(AuditRecord row) {
        return new AuditEntry(row.getId(), row.getOccurredAt(), Actor.Kind.valueOf(row.getActorKind()),
                row.getActorId(), row.getAction(), Outcome.valueOf(row.getOutcome()), row.getSubjectUserId(),
                row.getTarget(), row.getDetail(), row.getClientAddress());
    }
}
