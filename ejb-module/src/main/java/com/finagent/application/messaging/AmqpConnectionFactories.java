package com.finagent.application.messaging;

import jakarta.jms.ConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.policy.JmsDefaultPrefetchPolicy;

/** Apache Qpid JMS connection factories for an AMQP 1.0 broker (Azure Service Bus speaks AMQP 1.0). */
public final class AmqpConnectionFactories {

    private AmqpConnectionFactories() {
    }

    /**
     * A factory for {@code url} ({@code amqps://<namespace>.servicebus.windows.net} for Service Bus; a
     * {@code failover:(...)} URL reconnects by itself). Queue consumers prefetch nothing: a debate takes minutes, and
     * a message prefetched behind it would wait on this instance while another instance sits idle.
     *
     * @param username the user, for Service Bus the shared access policy's name; null for none
     * @param password the password, for Service Bus the policy's key; null for none
     */
    public static ConnectionFactory create(String url, String username, String password) {
        JmsConnectionFactory factory = new JmsConnectionFactory(blankToNull(username), blankToNull(password), url);
        JmsDefaultPrefetchPolicy prefetch = new JmsDefaultPrefetchPolicy();
        prefetch.setQueuePrefetch(0);
        factory.setPrefetchPolicy(prefetch);
        return factory;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
