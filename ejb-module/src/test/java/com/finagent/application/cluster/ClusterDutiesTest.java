package com.finagent.application.cluster;

import com.finagent.persistence.devdb.DevDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claims of a cluster duty on real PostgreSQL, as the application's role, with the application's migrations. */
class ClusterDutiesTest {

    @TempDir
    static Path dataDirectory;

    private static DevDatabase database;
    private static ClusterDuties duties;

    @BeforeAll
    static void migrate() throws Exception {
        database = DevDatabase.startOnFreePort(dataDirectory);
        PGSimpleDataSource dataSource = database.applicationDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        duties = new ClusterDuties();
        duties.dataSource = dataSource;
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void oneClaimAPeriodWinsAndTheNextPeriodIsClaimedAgain() throws InterruptedException {
        Duration period = Duration.ofSeconds(3);
        long start = System.nanoTime();
        assertTrue(duties.claim("sequential", period), "the first claim ever wins");
        assertFalse(duties.claim("sequential", period), "a second claim in the same period loses");
        sleepUntil(start, 1_500);
        assertFalse(duties.claim("sequential", period), "half way through the period it is still taken");
        // A timer firing a little early (up to a tenth of the period) takes the next period's run.
        sleepUntil(start, 2_750);
        assertTrue(duties.claim("sequential", period), "the next period is claimed again");
        assertTrue(duties.claim("other-duty", period), "another duty has periods of its own");
    }

    private static void sleepUntil(long start, long millis) throws InterruptedException {
        Thread.sleep(Math.max(0, millis - (System.nanoTime() - start) / 1_000_000));
    }

    @Test
    void ofManyInstancesClaimingAtOnceExactlyOneWins() throws Exception {
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < 5; round++) {
                String duty = "concurrent-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    claims.add(() -> {
                        start.await();
                        return duties.claim(duty, Duration.ofMinutes(1));
                    });
                }
                List<Future<Boolean>> results = new ArrayList<>();
                claims.forEach(claim -> results.add(pool.submit(claim)));
                start.countDown();
                int won = 0;
                for (Future<Boolean> result : results) {
                    won += result.get() ? 1 : 0;
                }
                assertEquals(1, won, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseIsRenewedByItsHolderAndTakenOverOnlyOnceItRunsOut() throws InterruptedException {
        Duration lease = Duration.ofSeconds(2);
        long start = System.nanoTime();
        assertTrue(duties.hold("feed", lease, "instance-1"), "nobody held it");
        assertFalse(duties.hold("feed", lease, "instance-2"), "held by another");
        sleepUntil(start, 1_200);
        assertTrue(duties.hold("feed", lease, "instance-1"), "the holder renews it before it runs out");
        sleepUntil(start, 2_600);
        assertFalse(duties.hold("feed", lease, "instance-2"), "renewed at 1.2 s, it runs until 3.2 s");
        sleepUntil(start, 3_500);
        assertTrue(duties.hold("feed", lease, "instance-2"), "the holder stopped renewing: another takes it over");
        assertFalse(duties.hold("feed", lease, "instance-1"), "and the old holder is now refused");
    }
}
