package com.finagent.it;

import com.finagent.application.analytics.MonteCarloService;
import com.finagent.application.analytics.SimulationQuery;
import com.finagent.application.analytics.SimulationReport;
import com.finagent.application.workload.HeavyWork;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Deployment
    static WebArchive analyticsLayer() {
        JavaArchive commonsMath = Deployments.builtEar()
                .getAsType(JavaArchive.class, "lib/org.apache.commons-commons-math3-3.6.1.jar");
        return ShrinkWrap.create(WebArchive.class, "analytics-layer.war")
                // The optimiser reads market data, which is another layer: it is left out of this one.
                .addPackages(false, Filters.exclude(".*/OptimizationService.*"), "com.finagent.application.analytics",
                        "com.finagent.application.error", "com.finagent.application.workload")
                .addAsLibraries(commonsMath)
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

        try {
            CompletionStage<Integer> refused = heavyWork.submit(() -> -1);
            CompletionException failure = assertThrows(CompletionException.class,
                    () -> refused.toCompletableFuture().join());
            assertInstanceOf(BulkheadException.class, failure.getCause());
        } catch (BulkheadException refusedAtOnce) {
            // MicroProfile Fault Tolerance may also refuse an asynchronous call before it returns: either is a refusal
        } finally {
            release.countDown();
        }

        List<Integer> results = new ArrayList<>();
        for (CompletionStage<Integer> stage : accepted) {
            results.add(stage.toCompletableFuture().get(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of(0, 1, 2, 3, 4), results, "the queued work ran once the slot was free");
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
