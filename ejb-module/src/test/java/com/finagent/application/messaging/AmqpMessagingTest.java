package com.finagent.application.messaging;

import com.finagent.application.debate.DebateEvents;
import com.finagent.application.debate.DebateJob;
import com.finagent.application.market.MarketFeed;
import com.finagent.application.market.MarketTick;
import com.finagent.application.telemetry.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AMQP 1.0 path of our messaging (the protocol of Azure Service Bus) against a real AMQP 1.0 broker, Apache
 * ActiveMQ Artemis embedded in the test: the application's own producer and consumer code over Apache Qpid JMS
 * connection factories made by {@link AmqpConnectionFactories}, with two "instances" (two {@link Messaging}s, each
 * with its connections, consumers and socket registry) in one JVM.
 */
class AmqpMessagingTest {

    @TempDir
    static Path brokerHome;

    private static AmqpBroker broker;
    private static String url;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = AmqpBroker.start(brokerHome);
        url = broker.url();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void closeInstances() throws Exception {
        Collections.reverse(opened);
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private Messaging instance() {
        Messaging messaging = broker.instance();
        opened.add(messaging::close);
        return messaging;
    }

    @Test
    void aDebateEventProducedOnOneInstanceReachesOnlyTheOwnersSocketsOnEveryInstance() {
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID debate = UUID.randomUUID();
        UUID otherDebate = UUID.randomUUID();

        UserEvents eventsA = new UserEvents(instance());
        DebateEvents debatesA = new DebateEvents(eventsA);
        eventsA.listen();
        UserEvents eventsB = new UserEvents(instance());
        DebateEvents debatesB = new DebateEvents(eventsB);
        eventsB.listen();

        BlockingQueue<String> ownerOnB = new LinkedBlockingQueue<>();
        BlockingQueue<String> ownerOnA = new LinkedBlockingQueue<>();
        BlockingQueue<String> strangerOnB = new LinkedBlockingQueue<>();
        BlockingQueue<String> ownerOtherDebateOnB = new LinkedBlockingQueue<>();
        debatesB.watch(owner, debate, ownerOnB::add);
        debatesA.watch(owner, debate, ownerOnA::add);
        // Someone else's socket that names the owner's debate id must hear nothing of it.
        debatesB.watch(stranger, debate, strangerOnB::add);
        debatesB.watch(owner, otherDebate, ownerOtherDebateOnB::add);
        awaitSubscribed();

        List<String> steps = List.of("{\"type\":\"execution\",\"step\":\"parallel-search\"}",
                "{\"type\":\"execution\",\"step\":\"initial-analysis\"}",
                "{\"type\":\"execution\",\"step\":\"consensus-building\"}",
                "{\"type\":\"debate\",\"status\":\"completed\"}");
        steps.forEach(step -> debatesA.publish(owner, debate, step));

        await().atMost(Duration.ofSeconds(20)).until(() -> ownerOnB.size() == steps.size());
        assertEquals(steps, new ArrayList<>(ownerOnB), "instance B's socket gets A's events, in order");
        await().atMost(Duration.ofSeconds(20)).until(() -> ownerOnA.size() == steps.size());
        assertEquals(steps, new ArrayList<>(ownerOnA), "and so does the producing instance's own socket");

        // An event of another user, even about the same debate id, reaches that user's sockets only.
        debatesA.publish(stranger, debate, "{\"type\":\"debate\",\"status\":\"failed\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> strangerOnB.size() == 1);
        assertEquals(steps.size(), ownerOnB.size(), "the owner got none of the stranger's events");
        assertTrue(ownerOtherDebateOnB.isEmpty(), "nor a socket of another debate: " + ownerOtherDebateOnB);
        assertEquals(List.of("{\"type\":\"debate\",\"status\":\"failed\"}"), new ArrayList<>(strangerOnB),
                "and the stranger got none of the owner's");
    }

    @Test
    void queuedDebatesAreSharedByTheInstancesEachHandlingAtMostItsConcurrencyAtOnce() {
        Channel queue = Channel.queue("test_debates_shared");
        int perInstance = 2;
        Map<UUID, String> handledBy = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        Map<String, AtomicInteger> running = Map.of("A", new AtomicInteger(), "B", new AtomicInteger());
        Map<String, AtomicInteger> mostAtOnce = Map.of("A", new AtomicInteger(), "B", new AtomicInteger());
        for (String name : List.of("A", "B")) {
            instance().consume(queue, perInstance, new Delivery("debate", envelope -> {
                int now = running.get(name).incrementAndGet();
                mostAtOnce.get(name).accumulateAndGet(now, Math::max);
                try {
                    TimeUnit.MILLISECONDS.sleep(150);
                } finally {
                    running.get(name).decrementAndGet();
                }
                if (handledBy.putIfAbsent(DebateJob.of(envelope).debateId(), name) != null) {
                    duplicates.incrementAndGet();
                }
            }, 3, (envelope, attempts, cause) -> { }));
        }
        Messaging producer = instance();
        UUID user = UUID.randomUUID();
        int jobs = 16;
        for (int i = 0; i < jobs; i++) {
            producer.send(queue, new DebateJob(user, UUID.randomUUID(), false, "{\"query\":\"q" + i + "\"}").toEnvelope());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> handledBy.size() == jobs);
        assertEquals(0, duplicates.get(), "each debate ran once");
        assertTrue(mostAtOnce.get("A").get() <= perInstance && mostAtOnce.get("B").get() <= perInstance,
                "at most " + perInstance + " at once per instance: " + mostAtOnce);
        assertTrue(handledBy.containsValue("A") && handledBy.containsValue("B"),
                "both instances took debates: " + handledBy.values());
    }

    @Test
    void aFailingMessageIsDeliveredAgainThenGivenUpWithItsReasonAndForeignMessagesAreDropped() throws Exception {
        Channel queue = Channel.queue("test_debates_failing");
        UUID user = UUID.randomUUID();
        DebateJob flaky = new DebateJob(user, UUID.randomUUID(), false, "{}");
        DebateJob broken = new DebateJob(user, UUID.randomUUID(), true, "{}");
        DebateJob healthy = new DebateJob(user, UUID.randomUUID(), false, "{}");
        Map<UUID, List<Integer>> attempts = new ConcurrentHashMap<>();
        List<UUID> handled = new CopyOnWriteArrayList<>();
        List<String> givenUp = new CopyOnWriteArrayList<>();
        Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        instance().consume(queue, 1, new Delivery("debate", envelope -> {
            DebateJob job = DebateJob.of(envelope);
            int delivery = deliveries.computeIfAbsent(job.debateId(), id -> new AtomicInteger()).incrementAndGet();
            attempts.computeIfAbsent(job.debateId(), id -> new CopyOnWriteArrayList<>()).add(delivery);
            if (job.equals(broken) || (job.equals(flaky) && delivery == 1)) {
                throw new IllegalStateException("the model provider is down");
            }
            handled.add(job.debateId());
        }, 3, (envelope, count, cause) -> {
            DebateJob job = DebateJob.of(envelope);
            givenUp.add(job.userId() + " " + job.debateId() + " " + job.replay() + " after " + count + ": "
                    + cause.getMessage());
        }));

        Messaging producer = instance();
        producer.send(queue, flaky.toEnvelope());
        producer.send(queue, broken.toEnvelope());
        sendForeign(queue);
        producer.send(queue, healthy.toEnvelope());

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2 && givenUp.size() == 1);
        assertEquals(List.of(flaky.debateId(), healthy.debateId()), handled, "the flaky debate ran on its 2nd delivery");
        assertEquals(List.of(1, 2), attempts.get(flaky.debateId()));
        assertEquals(List.of(user + " " + broken.debateId() + " true after 3: the model provider is down"), givenUp,
                "the broken one was given up after 3 deliveries, with whose it was and why");
        TimeUnit.MILLISECONDS.sleep(1500);
        assertEquals(List.of(1, 2, 3), attempts.get(broken.debateId()), "and not delivered again");
    }

    @Test
    void aDebateHeldByAnInstanceThatDiesIsDeliveredToTheSurvivor() throws Exception {
        Channel queue = Channel.queue("test_debates_dying");
        ConnectionFactory real = AmqpConnectionFactories.create(url, null, null);
        List<Connection> connectionsOfA = new CopyOnWriteArrayList<>();
        ConnectionFactory recording = recordingFactory(real, connectionsOfA);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch dead = new CountDownLatch(1);
        MessageConsumers dying = MessageConsumers.start(recording, queue, 1, AmqpBroker.THREADS,
                new Delivery("debate", envelope -> {
                    taken.countDown();
                    dead.await(20, TimeUnit.SECONDS);
                }, 3, (envelope, attempts, cause) -> { }));

        UUID user = UUID.randomUUID();
        DebateJob job = new DebateJob(user, UUID.randomUUID(), false, "{}");
        instance().send(queue, job.toEnvelope());
        assertTrue(taken.await(20, TimeUnit.SECONDS), "instance A took the debate");

        // Instance A dies: its connection drops with the message unacknowledged.
        for (Connection connection : connectionsOfA) {
            connection.close();
        }
        Thread stopping = new Thread(dying::close);
        stopping.start();
        dead.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(40));

        BlockingQueue<DebateJob> survivor = new LinkedBlockingQueue<>();
        instance().consume(queue, 1, new Delivery("debate", envelope -> survivor.add(DebateJob.of(envelope)), 3,
                (envelope, attempts, cause) -> { }));
        assertEquals(job, survivor.poll(20, TimeUnit.SECONDS), "the survivor got the debate, with its owner");
    }

    /** A message without our properties, as another application on the broker might send. */
    @Test
    void aQueuedMessageCarriesItsProducersTraceToTheConsumerOnAnotherInstance() {
        Channel queue = Channel.queue("test_debates_traced");
        SpanContext producer = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        BlockingQueue<Map<String, String>> carried = new LinkedBlockingQueue<>();
        BlockingQueue<SpanContext> handledIn = new LinkedBlockingQueue<>();
        instance().consume(queue, 1, new Delivery("debate", envelope -> {
            carried.add(envelope.traceContext());
            handledIn.add(Span.current().getSpanContext());
        }, 1, (envelope, attempts, cause) -> { }, Traces.noopTracer()));

        // The producing instance sends inside the producer's span, as DebateService does inside its request's.
        try (Scope ignored = Span.wrap(producer).makeCurrent()) {
            instance().send(queue, Envelope.of(UUID.randomUUID(), Map.of(), "{}"));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !handledIn.isEmpty());
        assertEquals(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                carried.poll(), "W3C trace context as a message property");
        SpanContext consumer = handledIn.poll();
        assertEquals(producer.getTraceId(), consumer.getTraceId(), "the handling continues the producer's trace");
        assertTrue(consumer.isRemote(), "as the child of a remote parent");
    }

    private static void sendForeign(Channel queue) {
        try (JMSContext context = AmqpConnectionFactories.create(url, null, null).createContext()) {
            context.createProducer().send(context.createQueue(queue.name()), "not one of ours");
        }
    }

    /** Gives the topic subscriptions a moment to attach: a non-durable subscriber gets only later messages. */
    @Test
    void aMarketTickForEveryoneReachesEveryInstanceButNeverPassesAsAUsersEvent() throws InterruptedException {
        Messaging a = instance();
        Messaging b = instance();
        MarketFeed feedA = new MarketFeed();
        MarketFeed feedB = new MarketFeed();
        BlockingQueue<MarketTick> onA = new LinkedBlockingQueue<>();
        BlockingQueue<MarketTick> onB = new LinkedBlockingQueue<>();
        feedA.on(onA::add);
        feedB.on(onB::add);
        a.consume(Channel.MARKET_TICKS, 1, feedA.delivery());
        b.consume(Channel.MARKET_TICKS, 1, feedB.delivery());
        UserEvents events = new UserEvents(b);
        List<UserEvent> userEvents = new CopyOnWriteArrayList<>();
        events.on(UserEvent.DEBATE, userEvents::add);
        events.listen();
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.subscriptions(Channel.MARKET_TICKS_NAME) >= 2
                && broker.subscriptions(Channel.USER_EVENTS_NAME) >= 1);

        a.send(Channel.MARKET_TICKS, Envelope.forEveryone(Map.of(),
                "{\"t\":1765000000000,\"q\":[[\"AAPL\",172.5123],[\"NOSUCH\",null]]}"));
        // The same message on the user-events topic names no user: no socket may be handed it.
        a.send(Channel.USER_EVENTS, Envelope.forEveryone(Map.of("finagentKind", UserEvent.DEBATE,
                "finagentSubject", UUID.randomUUID().toString()), "{}"));

        MarketTick seenByA = onA.poll(10, TimeUnit.SECONDS);
        MarketTick seenByB = onB.poll(10, TimeUnit.SECONDS);
        assertEquals(seenByA, seenByB, "one tick, the same on both instances");
        assertEquals(1765000000000L, seenByB.at());
        assertEquals(172.5123, seenByB.prices().get("AAPL"));
        assertTrue(seenByB.prices().containsKey("NOSUCH") && seenByB.prices().get("NOSUCH") == null,
                "an unknown symbol is there, without a price: " + seenByB);
        await("no user event").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(userEvents::isEmpty);
    }

    private static void awaitSubscribed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.subscriptions(Channel.USER_EVENTS_NAME) >= 2);
    }

    private static ConnectionFactory recordingFactory(ConnectionFactory real, List<Connection> connections) {
        return (ConnectionFactory) java.lang.reflect.Proxy.newProxyInstance(
                AmqpMessagingTest.class.getClassLoader(), new Class<?>[]{ConnectionFactory.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Connection connection) {
                        connections.add(connection);
                    }
                    return result;
                });
    }
}
