package com.finagent.application.messaging;

import com.finagent.application.telemetry.Traces;
import com.finagent.application.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's messaging, on the broker that configuration selects: Payara's built-in broker through the
 * server's default connection factory (the default), or an AMQP 1.0 broker such as Azure Service Bus through Apache
 * Qpid JMS ({@code finagent.messaging.provider=amqp}). Producers and consumers are the same code on either; only the
 * connection factory differs, and who runs the consumers: message-driven beans on Payara's broker, our
 * {@link MessageConsumers} on threads of the server's managed thread factory for AMQP (Payara has no resource
 * adapter for Qpid).
 */
@ApplicationScoped
public class Messaging {

    private static final Logger LOG = Logger.getLogger(Messaging.class.getName());

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory serverFactory;

    @Resource
    ManagedThreadFactory managedThreads;

    @Inject
    Tracing tracing;

    private MessagingProvider provider;
    private ConnectionFactory factory;
    private ThreadFactory threads;
    private MessageSender sender;
    private Tracer tracer = Traces.noopTracer();
    private final List<MessageConsumers> consumers = new CopyOnWriteArrayList<>();

    /** For CDI. */
    protected Messaging() {
    }

    private Messaging(MessagingProvider provider, ConnectionFactory factory, ThreadFactory threads) {
        this.provider = provider;
        this.factory = factory;
        this.threads = threads;
        this.sender = new MessageSender(factory, provider == MessagingProvider.AMQP);
    }

    /** Messaging over a client connection factory, whose consumers this class runs (AMQP; and the tests). */
    public static Messaging overClient(ConnectionFactory factory, ThreadFactory threads) {
        return new Messaging(MessagingProvider.AMQP, factory, threads);
    }

    @PostConstruct
    void connect() {
        Config config = ConfigProvider.getConfig();
        provider = MessagingProvider.of(config.getOptionalValue("finagent.messaging.provider", String.class)
                .orElse("payara"));
        if (provider == MessagingProvider.AMQP) {
            String url = config.getOptionalValue("finagent.messaging.amqp.url", String.class)
                    .orElse("amqp://127.0.0.1:5672");
            factory = AmqpConnectionFactories.create(url,
                    config.getOptionalValue("finagent.messaging.amqp.username", String.class).orElse(null),
                    config.getOptionalValue("finagent.messaging.amqp.password", String.class).orElse(null));
            LOG.info(() -> "Messaging over AMQP 1.0 at " + url.replaceAll("//[^@/]*@", "//"));
        } else {
            factory = serverFactory;
        }
        threads = managedThreads;
        sender = new MessageSender(factory, provider == MessagingProvider.AMQP);
        tracer = tracing.tracer();
    }

    /** The broker configuration selected. */
    public MessagingProvider provider() {
        return provider;
    }

    /**
     * Sends {@code envelope} to {@code channel}; returns once the broker has it.
     *
     * @throws MessagingException if the broker did not take it
     */
    public void send(Channel channel, Envelope envelope) {
        if (channel.topic()) {
            sender.send(channel, envelope);
            return;
        }
        // A job on a queue continues the trace of whoever queued it: a PRODUCER span whose context travels in the
        // message (W3C traceparent), which the consumer's span takes as its parent.
        Span span = tracer.spanBuilder(channel.name() + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "jms")
                .setAttribute("messaging.destination.name", channel.name())
                .setAttribute("messaging.operation", "publish")
                .setAttribute("finagent.user.id", envelope.user().toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            sender.send(channel, envelope.withTraceContext(Traces.inject(Context.current())));
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * How many messages wait on {@code queue}, counted by browsing it (at most {@code limit}); -1 when the broker
     * cannot be browsed.
     */
    public long depth(Channel queue, int limit) {
        if (queue.topic()) {
            throw new IllegalArgumentException(queue.name() + " is a topic");
        }
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue.name()))) {
                long count = 0;
                for (Enumeration<?> waiting = browser.getEnumeration(); waiting.hasMoreElements() && count < limit; ) {
                    waiting.nextElement();
                    count++;
                }
                return count;
            }
        } catch (JMSException | RuntimeException unbrowsable) {
            LOG.log(Level.FINE, "Cannot browse " + queue.name(), unbrowsable);
            return -1;
        }
    }

    /**
     * Consumes {@code channel} on this instance with at most {@code concurrency} messages at once, when this class
     * runs the consumers (AMQP). On Payara's broker the feature's message-driven bean consumes it instead, and this
     * does nothing.
     *
     * @return whether consumers were started here
     */
    public boolean consume(Channel channel, int concurrency, Delivery delivery) {
        if (provider != MessagingProvider.AMQP) {
            return false;
        }
        consumers.add(MessageConsumers.start(factory, channel, concurrency, threads, delivery));
        LOG.info(() -> "Consuming " + channel.name() + " with " + concurrency + " consumer(s)");
        return true;
    }

    /** Stops this instance's consumers and closes its connection (at undeploy). */
    @PreDestroy
    public void close() {
        consumers.forEach(MessageConsumers::close);
        consumers.clear();
        if (sender != null) {
            sender.close();
        }
    }
}
