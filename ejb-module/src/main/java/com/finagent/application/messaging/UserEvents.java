package com.finagent.application.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Events for users' sockets across the cluster: {@link #publish} sends one to the {@link Channel#USER_EVENTS}
 * topic, and every instance (its {@code UserEventListener} bean on Payara's broker, or the consumer this starts for
 * AMQP) {@link #deliver delivers} it to the local handlers of its kind, which pass it on to that user's sockets
 * only. So a client connected to one instance sees what another produced. One consumer per instance keeps the
 * events in the order they were published. A handler registry rather than CDI events: in an EAR the EJB jar's bean
 * manager does not see observers in the WAR.
 */
@ApplicationScoped
public class UserEvents {

    private static final Logger LOG = Logger.getLogger(UserEvents.class.getName());

    private Messaging messaging;
    private final Map<String, List<Consumer<UserEvent>>> handlers = new ConcurrentHashMap<>();

    /** For CDI. */
    protected UserEvents() {
    }

    @Inject
    public UserEvents(Messaging messaging) {
        this.messaging = messaging;
    }

    /** Starts this instance's subscription when {@link Messaging} runs the consumers (AMQP). */
    public void listen() {
        messaging.consume(Channel.USER_EVENTS, 1, delivery());
    }

    /**
     * Publishes {@code event} to every instance. An event is a notification: if the broker cannot take it, it is
     * logged and lost (the state it announces is stored, and a socket reads it on connecting).
     */
    public void publish(UserEvent event) {
        try {
            messaging.send(Channel.USER_EVENTS, event.toEnvelope());
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "A " + event.kind() + " event was not published", e);
        }
    }

    /** Receives the events of {@code kind} that reach this instance. */
    public void on(String kind, Consumer<UserEvent> handler) {
        handlers.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** How a received event is delivered: to this instance's handlers, once (an event is not worth a retry). */
    public Delivery delivery() {
        return new Delivery("user event", envelope -> deliver(UserEvent.of(envelope)), 1,
                (envelope, attempts, cause) -> { });
    }

    void deliver(UserEvent event) {
        for (Consumer<UserEvent> handler : handlers.getOrDefault(event.kind(), List.of())) {
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A " + event.kind() + " handler failed", e);
            }
        }
    }
}
