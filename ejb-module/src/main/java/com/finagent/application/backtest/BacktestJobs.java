package com.finagent.application.backtest;

import com.finagent.application.messaging.Channel;
import com.finagent.application.messaging.Delivery;
import com.finagent.application.messaging.Messaging;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Consumes the backtest queue: each message runs one backtest ({@link BacktestService#run(BacktestJob)}), one at a
 * time on an instance. A message whose handling fails is delivered again, up to {@link #MAX_DELIVERIES} times,
 * then the backtest is marked failed. On Payara's broker {@link BacktestJobListener} receives the messages; on
 * AMQP this starts one consumer at start-up.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BacktestJobs {

    /** Deliveries of one backtest message before the backtest is marked failed. */
    public static final int MAX_DELIVERIES = 3;

    @EJB
    BacktestService backtests;

    @Inject
    Messaging messaging;

    @PostConstruct
    void listen() {
        messaging.consume(Channel.BACKTESTS, 1, delivery());
    }

    /** How a backtest message is handled, the same on either broker. */
    public Delivery delivery() {
        return new Delivery("backtest", envelope -> backtests.run(BacktestJob.of(envelope)), MAX_DELIVERIES,
                (envelope, attempts, cause) -> backtests.giveUp(BacktestJob.of(envelope), attempts, cause));
    }
}
