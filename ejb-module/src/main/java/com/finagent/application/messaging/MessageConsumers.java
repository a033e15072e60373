package com.finagent.application.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumers of one channel for brokers that Payara has no resource adapter for (AMQP 1.0 through Qpid JMS): a fixed
 * number of threads, each with its own session and consumer, so that at most {@code concurrency} messages of the
 * channel are handled at once on this instance, as a message-driven bean's pool bounds it on Payara's broker.
 * Each thread receives a message, hands it to the {@link Delivery}, and acknowledges it when the delivery is done
 * with it, or recovers the session so that the broker delivers it again. A message is acknowledged only after it
 * was handled: if this process dies first, the broker gives it to another consumer.
 *
 * <p>On a queue the consumers compete (one of them gets each message); on a topic each instance's consumer is a
 * subscription of its own and gets every message. The threads come from the caller, in the server a
 * {@code ManagedThreadFactory}, so they run with the application's context.
 */
public final class MessageConsumers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MessageConsumers.class.getName());
    private static final long RECEIVE_TIMEOUT_MS = 1000;
    private static final long RETRY_PAUSE_MS = 2000;

    private final ConnectionFactory factory;
    private final Channel channel;
    private final Delivery delivery;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private Connection connection;

    private MessageConsumers(ConnectionFactory factory, Channel channel, Delivery delivery) {
        this.factory = factory;
        this.channel = channel;
        this.delivery = delivery;
    }

    /**
     * Starts {@code concurrency} consumers of {@code channel} on threads of {@code threads}.
     *
     * @param concurrency how many messages of the channel this instance handles at once (1 keeps their order)
     */
    public static MessageConsumers start(ConnectionFactory factory, Channel channel, int concurrency,
                                         ThreadFactory threads, Delivery delivery) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        MessageConsumers consumers = new MessageConsumers(factory, channel, delivery);
        for (int i = 0; i < concurrency; i++) {
            Thread thread = threads.newThread(consumers::consume);
            thread.setName("finagent-" + channel.name() + "-" + i);
            consumers.threads.add(thread);
        }
        consumers.threads.forEach(Thread::start);
        return consumers;
    }

    private void consume() {
        while (running) {
            try (Session session = connection().createSession(false, Session.CLIENT_ACKNOWLEDGE);
                 MessageConsumer consumer = session.createConsumer(channel.on(session))) {
                while (running) {
                    Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
                    if (message == null) {
                        continue;
                    }
                    if (delivery.deliver(message)) {
                        acknowledge(message);
                    } else {
                        session.recover();
                    }
                }
            } catch (JMSException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Consuming " + channel.name() + " failed; reconnecting", e);
                reset();
                pause();
            }
        }
    }

    /**
     * Acknowledges a handled message. If that fails (the connection dropped, or the broker's lock on the message
     * expired, as Service Bus's does after at most 5 minutes), the broker delivers the message again and the
     * handler finds its work done (a debate no longer pending); the other consumers' sessions are left alone.
     */
    private void acknowledge(Message message) {
        try {
            message.acknowledge();
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "A handled " + channel.name() + " message was not acknowledged; the broker will"
                    + " deliver it again", e);
        }
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            Connection opened = factory.createConnection();
            try {
                opened.start();
            } catch (JMSException | RuntimeException e) {
                opened.close();
                throw e;
            }
            connection = opened;
        }
        return connection;
    }

    private synchronized void reset() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException ignored) {
                // A broken connection: a new one is opened on the next attempt.
            }
            connection = null;
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the consumers: a message being handled finishes first; unacknowledged ones go back to the broker. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        reset();
    }
}
