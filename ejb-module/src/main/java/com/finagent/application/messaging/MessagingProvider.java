package com.finagent.application.messaging;

/** Which broker carries the application's messages ({@code finagent.messaging.provider}). */
public enum MessagingProvider {
    /** Payara's built-in broker through the server's default connection factory, consumed by message-driven beans. */
    PAYARA,
    /** An AMQP 1.0 broker (Azure Service Bus, or any other) through Apache Qpid JMS, consumed by our own consumers. */
    AMQP;

    static MessagingProvider of(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "payara" -> PAYARA;
            case "amqp", "servicebus", "service-bus" -> AMQP;
            default -> throw new IllegalArgumentException(
                    "finagent.messaging.provider must be payara or amqp, not '" + name + "'");
        };
    }
}
