package com.finagent.application.debate;

import com.finagent.application.messaging.Channel;
import com.finagent.application.messaging.Delivery;
import com.finagent.application.messaging.Messaging;
import com.finagent.application.telemetry.Tracing;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Consumes the debate queue: each message runs one debate ({@link DebateService#run(DebateJob)}). A message whose
 * handling fails is delivered again, up to {@link #MAX_DELIVERIES} times, then the debate is marked failed with
 * the reason. On Payara's broker {@link DebateJobListener} receives the messages; on AMQP this starts
 * {@code finagent.debate.concurrency} consumers at start-up.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DebateJobs {

    /** Deliveries of one debate message before its debate is marked failed. */
    public static final int MAX_DELIVERIES = 3;

    @EJB
    DebateService debates;

    @Inject
    Messaging messaging;

    @Inject
    Tracing tracing;

    @Inject
    @ConfigProperty(name = "finagent.debate.concurrency", defaultValue = "2")
    int concurrency;

    @PostConstruct
    void listen() {
        messaging.consume(Channel.DEBATES, concurrency, delivery());
    }

    /** How a debate message is handled, the same on either broker. */
    public Delivery delivery() {
        return new Delivery("debate", envelope -> debates.run(DebateJob.of(envelope)), MAX_DELIVERIES,
                (envelope, attempts, cause) -> debates.giveUp(DebateJob.of(envelope), attempts, cause),
                tracing.tracer());
    }
}
