package com.finagent.application.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * Sends our messages through any Jakarta Messaging connection factory. Messages are persistent, and a send returns
 * once the broker has them, so a job queued before a response is not lost with the sender, and events of one
 * producer arrive in the order they were sent.
 *
 * <p>With Payara's factory a connection is taken from the server's pool for each send and given back
 * ({@code shareConnection = false}); with a plain client factory such as Qpid's, which pools nothing, one
 * connection is opened on first use and shared by every send (a session each).
 */
public final class MessageSender implements AutoCloseable {

    private final ConnectionFactory factory;
    private final boolean shareConnection;
    private Connection shared;

    public MessageSender(ConnectionFactory factory, boolean shareConnection) {
        this.factory = factory;
        this.shareConnection = shareConnection;
    }

    /**
     * Sends {@code envelope} to {@code channel}.
     *
     * @throws MessagingException if the broker did not take it
     */
    public void send(Channel channel, Envelope envelope) {
        Connection connection = null;
        try {
            connection = connection();
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                 MessageProducer producer = session.createProducer(channel.on(session))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(envelope.toMessage(session));
            }
        } catch (JMSException | RuntimeException e) {
            if (shareConnection) {
                reset();
            }
            throw new MessagingException("Could not send to " + channel.name(), e);
        } finally {
            if (!shareConnection && connection != null) {
                closeQuietly(connection);
            }
        }
    }

    private Connection connection() throws JMSException {
        if (!shareConnection) {
            return factory.createConnection();
        }
        synchronized (this) {
            if (shared == null) {
                shared = factory.createConnection();
            }
            return shared;
        }
    }

    private synchronized void reset() {
        if (shared != null) {
            closeQuietly(shared);
            shared = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | RuntimeException ignored) {
            // Closing a broken connection: nothing more to do with it.
        }
    }

    @Override
    public void close() {
        reset();
    }
}
