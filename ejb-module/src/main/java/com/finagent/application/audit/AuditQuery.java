package com.finagent.application.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters and page of an audit log search; {@code null} filters match everything.
 *
 * @param actorId       a user id or client id that did the action
 * @param subjectUserId the user whose security events to list
 * @param action        an action name, exactly
 * @param outcome       an outcome
 * @param from          the earliest time, inclusive
 * @param to            the latest time, exclusive
 * @param page          page number from 0
 * @param size          rows a page, 1 to {@link #MAX_SIZE}
 */
public record AuditQuery(String actorId, UUID subjectUserId, String action, Outcome outcome, Instant from, Instant to,
                         int page, int size) {

    public static final int MAX_SIZE = 200;

    public AuditQuery {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_SIZE);
        }
    }
}
