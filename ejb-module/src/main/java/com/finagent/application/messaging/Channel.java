package com.finagent.application.messaging;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * A queue or topic by name. Destinations are made from their names on the session, so the same code addresses
 * Payara's broker (where the names are physical destinations, created on first use) and an AMQP 1.0 broker such as
 * Azure Service Bus (where they are the entities' names).
 *
 * @param topic true for a topic (every subscriber gets each message), false for a queue (one consumer does)
 * @param name  the destination's name: letters, digits and underscores, which every broker accepts
 */
public record Channel(boolean topic, String name) {

    /** Name of {@link #DEBATES}, for annotations. */
    public static final String DEBATES_NAME = "finagent_debates";
    /** Name of {@link #PLAID_SYNCS}, for annotations. */
    public static final String PLAID_SYNCS_NAME = "finagent_plaid_syncs";
    /** Name of {@link #BACKTESTS}, for annotations. */
    public static final String BACKTESTS_NAME = "finagent_backtests";
    /** Name of {@link #USER_EVENTS}, for annotations. */
    public static final String USER_EVENTS_NAME = "finagent_user_events";
    /** Name of {@link #MARKET_TICKS}, for annotations. */
    public static final String MARKET_TICKS_NAME = "finagent_market_ticks";

    /** Debates to run: one message per debate, consumed by one instance. */
    public static final Channel DEBATES = queue(DEBATES_NAME);
    /** Plaid items to sync in the background (scheduled and webhook syncs). */
    public static final Channel PLAID_SYNCS = queue(PLAID_SYNCS_NAME);
    /** Backtests to run: one message per backtest, consumed by one instance. */
    public static final Channel BACKTESTS = queue(BACKTESTS_NAME);
    /** Events for users' sockets (debate steps, sync results), fanned out to every instance. */
    public static final Channel USER_EVENTS = topic(USER_EVENTS_NAME);
    /** The live feed's prices, one message a tick for every instance's market sockets. */
    public static final Channel MARKET_TICKS = topic(MARKET_TICKS_NAME);

    public Channel {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]{0,99}")) {
            throw new IllegalArgumentException("Not a destination name: " + name);
        }
    }

    /** A queue named {@code name}. */
    public static Channel queue(String name) {
        return new Channel(false, name);
    }

    /** A topic named {@code name}. */
    public static Channel topic(String name) {
        return new Channel(true, name);
    }

    Destination on(Session session) throws JMSException {
        return topic ? session.createTopic(name) : session.createQueue(name);
    }
}
