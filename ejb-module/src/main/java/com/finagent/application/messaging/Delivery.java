package com.finagent.application.messaging;

import com.finagent.application.telemetry.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What becomes of one delivered message, the same for a message-driven bean on Payara's broker and for our AMQP
 * consumers: handled; handed back for redelivery after a failure; or, once it has been delivered
 * {@code maxDeliveries} times, given up (the feature records why, for example a debate marked failed) and
 * acknowledged, so that a message that can never be handled does not circle for ever. A message that is not one of
 * ours is logged and dropped.
 */
public final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

    /** Handles one message; an exception asks for the message to be delivered again. */
    @FunctionalInterface
    public interface Handler {
        void handle(Envelope envelope) throws Exception;
    }

    /** Records that a message was given up after {@code attempts} deliveries, the last failing with {@code cause}. */
    @FunctionalInterface
    public interface GiveUp {
        void gaveUp(Envelope envelope, int attempts, Exception cause);
    }

    private final String name;
    private final Handler handler;
    private final int maxDeliveries;
    private final GiveUp giveUp;
    private final Tracer tracer;

    /**
     * A delivery whose handling is not traced.
     *
     * @param name          what is delivered, for the log
     * @param maxDeliveries deliveries before giving up (1 = never redeliver)
     */
    public Delivery(String name, Handler handler, int maxDeliveries, GiveUp giveUp) {
        this(name, handler, maxDeliveries, giveUp, Traces.noopTracer());
    }

    /**
     * A delivery whose handling is a CONSUMER span of {@code tracer}, continuing the trace the message carries.
     *
     * @param name          what is delivered, for the log
     * @param maxDeliveries deliveries before giving up (1 = never redeliver)
     */
    public Delivery(String name, Handler handler, int maxDeliveries, GiveUp giveUp, Tracer tracer) {
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("maxDeliveries must be at least 1");
        }
        this.name = name;
        this.handler = handler;
        this.maxDeliveries = maxDeliveries;
        this.giveUp = giveUp;
        this.tracer = tracer;
    }

    /**
     * Delivers {@code message} to the handler.
     *
     * @return true when the broker may forget the message (handled, given up or not ours); false when it should
     * deliver it again
     */
    public boolean deliver(Message message) {
        Envelope envelope;
        try {
            envelope = Envelope.from(message);
        } catch (JMSException | IllegalArgumentException notOurs) {
            LOG.log(Level.WARNING, "Dropped a " + name + " message that is not one of ours", notOurs);
            return true;
        }
        int attempt = deliveryCount(message);
        // The handling continues the producer's trace (the W3C context the message carries) in a CONSUMER span.
        String destination = destination(message);
        Span span = tracer.spanBuilder(destination + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(Traces.extract(envelope.traceContext()))
                .setAttribute("messaging.system", "jms")
                .setAttribute("messaging.destination.name", destination)
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.message.delivery_count", attempt)
                .startSpan();
        if (!envelope.isForEveryone()) {
            span.setAttribute("finagent.user.id", envelope.user().toString());
        }
        try (Scope ignored = span.makeCurrent()) {
            handler.handle(envelope);
            return true;
        } catch (Exception failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
            if (attempt >= maxDeliveries) {
                LOG.log(Level.WARNING, name + " message given up after " + attempt + " deliveries", failure);
                giveUp.gaveUp(envelope, attempt, failure);
                return true;
            }
            LOG.log(Level.INFO, name + " message failed on delivery " + attempt + " of " + maxDeliveries
                    + "; it will be delivered again", failure);
            return false;
        } finally {
            span.end();
        }
    }

    /** The queue or topic the message came from, for its span; what is delivered when the broker does not say. */
    private String destination(Message message) {
        try {
            Destination destination = message.getJMSDestination();
            if (destination instanceof Queue queue) {
                return queue.getQueueName();
            }
            if (destination instanceof Topic topic) {
                return topic.getTopicName();
            }
        } catch (JMSException | RuntimeException unnamed) {
            // Named below.
        }
        return name;
    }

    /** Which delivery this is: {@code JMSXDeliveryCount} (JMS 2.0), or at least 2 for a redelivered message. */
    static int deliveryCount(Message message) {
        try {
            if (message.propertyExists("JMSXDeliveryCount")) {
                int count = message.getIntProperty("JMSXDeliveryCount");
                if (count > 0) {
                    return count;
                }
            }
            return message.getJMSRedelivered() ? 2 : 1;
        } catch (JMSException | RuntimeException unreadable) {
            return 1;
        }
    }
}
