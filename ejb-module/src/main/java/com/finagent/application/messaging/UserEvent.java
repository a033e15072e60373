package com.finagent.application.messaging;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something for one user's open sockets, fanned out to every instance over {@link Channel#USER_EVENTS}: each
 * instance hands it to its own sockets of that user only.
 *
 * @param kind    what it is about: {@link #DEBATE}, {@link #PLAID_SYNC}, {@link #BACKTEST} or {@link #ALERT}
 * @param userId  whose it is; only that user's sockets receive it
 * @param subject the thing it is about (a debate id, an item id)
 * @param json    the message as the socket sends it, or the data the receiving feature turns into one
 */
public record UserEvent(String kind, UUID userId, String subject, String json) {

    /** A step or the end of a debate; the subject is the debate's id. */
    public static final String DEBATE = "debate";
    /** A finished Plaid sync; the subject is the item's id. */
    public static final String PLAID_SYNC = "plaid-sync";
    /** Progress or the end of a backtest; the subject is the backtest's id. */
    public static final String BACKTEST = "backtest";
    /** A rating change on a held position; the subject is the alert's id. */
    public static final String ALERT = "alert";

    static final String KIND = Envelope.PREFIX + "Kind";
    static final String SUBJECT = Envelope.PREFIX + "Subject";

    public UserEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(json, "json");
    }

    Envelope toEnvelope() {
        return Envelope.of(userId, Map.of(KIND, kind, SUBJECT, subject), json);
    }

    static UserEvent of(Envelope envelope) {
        return new UserEvent(envelope.required(KIND), envelope.user(), envelope.required(SUBJECT), envelope.body());
    }
}
