package com.finagent.application.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * Who did an audited action.
 *
 * @param kind a user, a partner client, nobody signed in, or the application itself
 * @param id   the user id or the client id; {@code null} for anonymous and system actors
 */
public record Actor(Kind kind, String id) {

    /** The kinds of actor. */
    public enum Kind { USER, CLIENT, ANONYMOUS, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.USER || kind == Kind.CLIENT) == (id == null)) {
            throw new IllegalArgumentException("Users and clients have an id; anonymous and system actors none");
        }
    }

    public static Actor user(UUID userId) {
        return new Actor(Kind.USER, userId.toString());
    }

    public static Actor client(String clientId) {
        return new Actor(Kind.CLIENT, Objects.requireNonNull(clientId, "clientId"));
    }

    public static Actor anonymous() {
        return new Actor(Kind.ANONYMOUS, null);
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, null);
    }
}
