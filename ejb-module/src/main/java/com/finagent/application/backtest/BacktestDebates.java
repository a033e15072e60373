package com.finagent.application.backtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a plan's debates a few at a time, in date order, until the plan is done, the progress callback says stop
 * (the owner cancelled) or the token budget is spent. The debates run on threads of their own from the given
 * factory, so a debate whose steps run on a shared executor never waits for a thread its siblings hold.
 */
public final class BacktestDebates {

    /** Runs the debate of one rebalance. */
    public interface Debater {
        BacktestCall debate(BacktestPlan.Rebalance rebalance);
    }

    /** Told of each finished debate; returns false to start no further debate. */
    public interface Progress {
        boolean made(BacktestCall call, int done, long tokens);
    }

    /** What the debates gave, in the order they finished, and why fewer ran than planned if they did. */
    public record Outcome(List<BacktestCall> calls, String stopReason) {
    }

    private BacktestDebates() {
    }

    /**
     * @param width       debates at once (at least 1)
     * @param tokenBudget tokens the debates may use together; 0 for no limit. A debate already running finishes.
     */
    public static Outcome run(List<BacktestPlan.Rebalance> rebalances, int width, long tokenBudget,
                              ThreadFactory threads, Debater debater, Progress progress) {
        List<BacktestCall> made = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicLong tokens = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        int slotsWide = Math.max(1, width);
        Semaphore slots = new Semaphore(slotsWide);
        ExecutorService runners = Executors.newFixedThreadPool(slotsWide, threads);
        String stopReason = null;
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (BacktestPlan.Rebalance rebalance : rebalances) {
                slots.acquireUninterruptibly();
                if (stopped.get()) {
                    slots.release();
                    stopReason = "cancelled after " + done.get() + " of " + rebalances.size() + " debates";
                    break;
                }
                if (tokenBudget > 0 && tokens.get() >= tokenBudget) {
                    slots.release();
                    stopReason = "token budget of " + tokenBudget + " spent after " + done.get() + " of "
                            + rebalances.size() + " debates";
                    break;
                }
                running.add(CompletableFuture.runAsync(() -> {
                    try {
                        BacktestCall call = debater.debate(rebalance);
                        made.add(call);
                        if (!progress.made(call, done.incrementAndGet(), tokens.addAndGet(call.tokens()))) {
                            stopped.set(true);
                        }
                    } finally {
                        slots.release();
                    }
                }, runners));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } finally {
            runners.shutdown();
        }
        return new Outcome(List.copyOf(made), stopReason);
    }
}
