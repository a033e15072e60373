package com.finagent.application.plaid;

import com.finagent.application.messaging.AmqpBroker;
import com.finagent.application.messaging.Channel;
import com.finagent.application.messaging.Messaging;
import com.finagent.application.messaging.UserEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Plaid sync's result travels to every instance over the user-events topic on a real AMQP 1.0 broker (embedded
 * Artemis, Qpid JMS), whole and with its owner, so that each instance's portfolio push tells the owner's sockets
 * only.
 */
class SyncFanOutTest {

    @TempDir
    static Path brokerHome;

    private static AmqpBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = AmqpBroker.start(brokerHome);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void aSyncOnOneInstanceReachesTheListenersOfEveryInstanceWithItsResultAndOwner() throws Exception {
        Messaging a = broker.instance();
        Messaging b = broker.instance();
        try {
            UserEvents eventsA = new UserEvents(a);
            SyncNotifier notifierA = new SyncNotifier(eventsA);
            eventsA.listen();
            UserEvents eventsB = new UserEvents(b);
            SyncNotifier notifierB = new SyncNotifier(eventsB);
            eventsB.listen();
            List<Map.Entry<UUID, SyncResult>> heardOnA = new CopyOnWriteArrayList<>();
            List<Map.Entry<UUID, SyncResult>> heardOnB = new CopyOnWriteArrayList<>();
            notifierA.listen((user, result) -> heardOnA.add(Map.entry(user, result)));
            notifierB.listen((user, result) -> heardOnB.add(Map.entry(user, result)));
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.subscriptions(Channel.USER_EVENTS_NAME) >= 2);

            UUID owner = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            SyncResult result = new SyncResult(UUID.randomUUID(), SyncResult.SYNCED, 2, 5, 1, 0, 3, null, null, 42);
            SyncResult theirs = SyncResult.failed(UUID.randomUUID(), "ITEM_LOGIN_REQUIRED", "log in again", 7);
            notifierA.synced(owner, result);
            notifierA.synced(other, theirs);

            await().atMost(Duration.ofSeconds(20)).until(() -> heardOnB.size() == 2 && heardOnA.size() == 2);
            List<Map.Entry<UUID, SyncResult>> expected = List.of(Map.entry(owner, result), Map.entry(other, theirs));
            assertEquals(expected, heardOnB, "instance B heard both syncs, each with its own owner, results intact");
            assertEquals(expected, heardOnA, "and so did the instance that synced");
        } finally {
            a.close();
            b.close();
        }
    }
}
