package com.finagent.application.backtest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backtest's debate loop: bounded width, every debate once, and a clean stop on cancel or budget. */
class BacktestDebatesTest {

    private static List<BacktestPlan.Rebalance> plan(int size) {
        List<BacktestPlan.Rebalance> rebalances = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rebalances.add(new BacktestPlan.Rebalance(i, "ACME", LocalDate.of(2015, 1, 5).plusWeeks(i)));
        }
        return rebalances;
    }

    private static BacktestCall call(BacktestPlan.Rebalance rebalance, long tokens) {
        return new BacktestCall(rebalance.symbol(), rebalance.day(), UUID.randomUUID(), "HOLD", 0.5, "", tokens, 0,
                null, null, null);
    }

    @Test
    void everyDebateRunsOnceAndNoMoreThanTheWidthAtATime() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger widest = new AtomicInteger();
        BacktestDebates.Outcome outcome = BacktestDebates.run(plan(12), 3, 0, Executors.defaultThreadFactory(),
                rebalance -> {
                    widest.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return call(rebalance, 10);
                }, (call, done, tokens) -> true);

        assertEquals(12, outcome.calls().size());
        assertEquals(12, outcome.calls().stream().map(BacktestCall::day).distinct().count(), "each day once");
        assertTrue(widest.get() <= 3 && widest.get() >= 2, "ran " + widest.get() + " at once");
        assertNull(outcome.stopReason());
    }

    @Test
    void aCancelStartsNoFurtherDebate() {
        BacktestDebates.Outcome outcome = BacktestDebates.run(plan(20), 1, 0, Executors.defaultThreadFactory(),
                rebalance -> call(rebalance, 10), (call, done, tokens) -> done < 3);

        assertEquals(3, outcome.calls().size());
        assertEquals("cancelled after 3 of 20 debates", outcome.stopReason());
    }

    @Test
    void theTokenBudgetStopsTheBacktestOnceSpent() {
        BacktestDebates.Outcome outcome = BacktestDebates.run(plan(20), 1, 250, Executors.defaultThreadFactory(),
                rebalance -> call(rebalance, 100), (call, done, tokens) -> true);

        assertEquals(3, outcome.calls().size(), "100 + 100 < 250, so a third starts; then 300 >= 250");
        assertEquals("token budget of 250 spent after 3 of 20 debates", outcome.stopReason());
    }
}
