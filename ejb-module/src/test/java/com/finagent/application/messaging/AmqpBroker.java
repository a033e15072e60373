package com.finagent.application.messaging;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;

/**
 * A real AMQP 1.0 broker in the test JVM: Apache ActiveMQ Artemis with an AMQP acceptor on a free loopback port,
 * in memory (no journal), addresses and queues created on first use as Service Bus entities would be beforehand.
 */
public final class AmqpBroker implements AutoCloseable {

    /** Daemon threads for our consumers, standing in for the server's managed thread factory. */
    public static final ThreadFactory THREADS = task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    };

    private final EmbeddedActiveMQ broker;
    private final String url;

    private AmqpBroker(EmbeddedActiveMQ broker, String url) {
        this.broker = broker;
        this.url = url;
    }

    public static AmqpBroker start(Path home) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        configuration.setBrokerInstance(home.toFile());
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        return new AmqpBroker(broker, "amqp://127.0.0.1:" + port);
    }

    public String url() {
        return url;
    }

    /** An "instance" of the application's messaging on this broker, through a Qpid JMS connection factory. */
    public Messaging instance() {
        return Messaging.overClient(AmqpConnectionFactories.create(url, null, null), THREADS);
    }

    /** Subscriptions (queues) bound to a topic's address: a non-durable subscriber gets only later messages. */
    public int subscriptions(String topic) throws Exception {
        SimpleString address = SimpleString.of(topic);
        var postOffice = broker.getActiveMQServer().getPostOffice();
        return postOffice.getAddressInfo(address) == null ? 0 : postOffice.listQueuesForAddress(address).size();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
