package com.finagent.application.backtest;

import com.finagent.application.messaging.Envelope;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A backtest to run, as queued on {@code finagent_backtests}: whose and which (the request is stored with it). */
public record BacktestJob(UUID userId, UUID backtestId) {

    private static final String BACKTEST = Envelope.PREFIX + "Backtest";

    public BacktestJob {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(backtestId, "backtestId");
    }

    /** The message for the backtest queue. */
    public Envelope toEnvelope() {
        return Envelope.of(userId, Map.of(BACKTEST, backtestId.toString()), backtestId.toString());
    }

    /** Reads a message of the backtest queue; IllegalArgumentException if it is not a backtest. */
    public static BacktestJob of(Envelope envelope) {
        return new BacktestJob(envelope.user(), UUID.fromString(envelope.required(BACKTEST)));
    }
}
