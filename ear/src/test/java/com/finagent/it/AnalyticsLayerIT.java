package com.finagent.it;

import com.finagent.application.analytics.MonteCarloService;
import com.finagent.application.analytics.SimulationQuery;
import com.finagent.application.analytics.SimulationReport;
import com.finagent.application.workload.HeavyWork;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The analytics layer alone, as Cargo Tracker tests a layer: a small WAR with the analytics and workload packages
 * and Commons Math, deployed in seconds instead of the whole EAR, to check what only the container gives them:
 * the simulation's own managed executor and the bulkhead in front of heavy work.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsLayerIT {

    @EJB
    MonteCarloService monteCarlo;

    @Inject
    HeavyWork heavyWork;

    @Inject
    @RegistryScope(scope = MetricRegistry.BASE_SCOPE)
    MetricRegistry baseMetrics;

    @Deployment
    static WebArchive analyticsLayer() {
        return ShrinkWrap.create(WebArchive.class, "analytics-layer.war")
                .addPackages(false, "com.finagent.application.analytics",
                        "com.finagent.application.error", "com.finagent.application.workload")
                .addAsLibraries(Deployments.earLibrary("org.apache.commons-commons-math3"),
                        Deployments.jarOf(Awaitility.class), Deployments.jarOf(Matcher.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addClass(AnalyticsLayerIT.class);
    }

    @Test
    void theSimulationRunsOnItsOwnManagedExecutorAndRepeatsBySeed() throws Exception {
        Object executor = new InitialContext().lookup("java:app/concurrent/simulation");
        assertInstanceOf(ManagedExecutorService.class, executor, "the executor the service declares exists");
        SimulationQuery query = new SimulationQuery(
                Map.of("A", List.of(100.0, 101.0, 99.0, 102.0, 104.0, 103.0, 106.0, 105.0, 108.0, 110.0)),
                Map.of("A", 1.0), 10_000, 2_000, 21, 252, 5, 7, 0.95);

        SimulationReport first = monteCarlo.simulate(query);
        SimulationReport second = monteCarlo.simulate(query);

        assertEquals(first, second, "the same seed gives the same report");
        assertEquals(2_000L * 21, first.pathSteps());
    }

    @Test
    void heavyWorkRunsOneAtATimeQueuesFourAndRefusesTheNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        List<CompletionStage<Integer>> accepted = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                int task = i;
                accepted.add(heavyWork.submit(() -> {
                    firstRunning.countDown();
                    await(release);
                    return task;
                }));
                if (i == 0) {
                    assertTrue(firstRunning.await(30, TimeUnit.SECONDS), "the first task starts");
                }
            }
            // An asynchronous call reaches the bulkhead on an executor thread, some time after submit() returns:
            // the sixth is only certain to find the queue full once the bulkhead itself counts four waiting.
            awaitWaiting(4);
            assertRefused(() -> heavyWork.submit(() -> -1));
        } finally {
            release.countDown();
        }

        List<Integer> results = new ArrayList<>();
        for (CompletionStage<Integer> stage : accepted) {
            results.add(stage.toCompletableFuture().get(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of(0, 1, 2, 3, 4), results, "the queued work ran once the slot was free");
    }

    /** Waits for MicroProfile Fault Tolerance's own gauge of executions waiting in the heavy-work queue. */
    private void awaitWaiting(long expected) {
        Awaitility.await("the bulkhead counting " + expected + " waiting executions").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> baseMetrics.getGauges((id, metric) -> id.getName().equals("ft.bulkhead.executionsWaiting")
                                && HeavyWork.class.getName().concat(".submit").equals(id.getTags().get("method")))
                        .values().stream().mapToLong(gauge -> gauge.getValue().longValue()).sum(), is(expected));
    }

    /** Fault Tolerance may refuse an asynchronous call at once or through the stage it returns: both are refusals. */
    private static void assertRefused(Supplier<CompletionStage<Integer>> submission) throws Exception {
        CompletionStage<Integer> stage;
        try {
            stage = submission.get();
        } catch (BulkheadException refusedAtOnce) {
            return;
        }
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            fail("a sixth heavy task ran while one was running and four were waiting");
        } catch (ExecutionException failure) {
            assertInstanceOf(BulkheadException.class, failure.getCause());
        } catch (TimeoutException queued) {
            fail("a sixth heavy task was queued behind four waiting instead of refused");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                fail("the test never released the work");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CompletionException(interrupted);
        }
    }
}
