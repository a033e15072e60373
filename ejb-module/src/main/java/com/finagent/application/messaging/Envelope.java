package com.finagent.application.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One of our messages, whatever the broker: string properties that say whom it belongs to and what it is about,
 * and a text body (JSON or empty). Every message names its user ({@link #USER}): a consumer never has to guess
 * whose data it carries, and fan-out delivers it only to that user's sockets. The one exception says so: a message
 * {@link #forEveryone for everyone} (public market data) names no user, and has none to give.
 *
 * <p>Besides our properties a message may carry the W3C trace context of the span that sent it
 * ({@link #TRACE_CONTEXT}, named as the W3C names them), which its consumer continues.
 *
 * @param properties our properties, each named with the {@link #PREFIX}, and the trace context (the only ones
 *                   read back)
 * @param body       the text body, never null
 */
public record Envelope(Map<String, String> properties, String body) {

    /** Prefix of our message properties; JMS property names must be Java identifiers. */
    public static final String PREFIX = "finagent";
    /** The user the message belongs to. */
    public static final String USER = PREFIX + "User";
    /** Set to {@link #EVERYONE} on a message that belongs to no user; a message names a user or has this. */
    public static final String AUDIENCE = PREFIX + "Audience";
    static final String EVERYONE = "everyone";
    /** The W3C Trace Context properties, {@code traceparent} and {@code tracestate}. */
    public static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate");

    public Envelope {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        body = body == null ? "" : body;
        if (properties.keySet().stream().anyMatch(name -> !name.startsWith(PREFIX) && !TRACE_CONTEXT.contains(name))) {
            throw new IllegalArgumentException("Message properties must start with " + PREFIX + ": " + properties);
        }
        if (!isForEveryone(properties)) {
            user(properties);
        } else if (properties.containsKey(USER)) {
            throw new IllegalArgumentException("A message for everyone (" + AUDIENCE + ") names no user");
        }
    }

    /** A message for every user, such as a market tick, with {@code properties}. */
    public static Envelope forEveryone(Map<String, String> properties, String body) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put(AUDIENCE, EVERYONE);
        return new Envelope(all, body);
    }

    /** Whether the message is for everyone, and names no user. */
    public boolean isForEveryone() {
        return isForEveryone(properties);
    }

    /** A message for {@code userId} with {@code properties} besides the user. */
    public static Envelope of(UUID userId, Map<String, String> properties, String body) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put(USER, userId.toString());
        return new Envelope(all, body);
    }

    /**
     * The user the message belongs to.
     *
     * @throws IllegalArgumentException for a message {@link #isForEveryone for everyone}
     */
    public UUID user() {
        return user(properties);
    }

    /** This message with the trace context {@code traceContext} (W3C properties) added. */
    public Envelope withTraceContext(Map<String, String> traceContext) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        traceContext.forEach((name, value) -> {
            if (TRACE_CONTEXT.contains(name)) {
                all.put(name, value);
            }
        });
        return new Envelope(all, body);
    }

    /** The W3C trace context the message carries (empty if none). */
    public Map<String, String> traceContext() {
        Map<String, String> context = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (TRACE_CONTEXT.contains(name)) {
                context.put(name, value);
            }
        });
        return context;
    }

    /** A property the message must have. */
    public String required(String name) {
        String value = properties.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The message has no " + name);
        }
        return value;
    }

    Message toMessage(Session session) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        return message;
    }

    /**
     * Reads a received message.
     *
     * @throws IllegalArgumentException if it is not one of ours (no text body or no user)
     */
    static Envelope from(Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new IllegalArgumentException("Not a text message: " + message.getJMSType());
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = String.valueOf(names.nextElement());
            if (name.startsWith(PREFIX) || TRACE_CONTEXT.contains(name)) {
                properties.put(name, message.getStringProperty(name));
            }
        }
        return new Envelope(properties, text.getText());
    }

    private static boolean isForEveryone(Map<String, String> properties) {
        return EVERYONE.equals(properties.get(AUDIENCE));
    }

    private static UUID user(Map<String, String> properties) {
        String user = properties.get(USER);
        if (user == null) {
            throw new IllegalArgumentException("A message must name its user (" + USER + ")");
        }
        return UUID.fromString(user);
    }
}
