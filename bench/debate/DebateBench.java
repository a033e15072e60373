import com.finagent.agents.debate.CallRecord;
import com.finagent.agents.debate.DebateEngine;
import com.finagent.agents.debate.DebateFixtures;
import com.finagent.agents.debate.DebateInputs;
import com.finagent.agents.debate.DebateListener;
import com.finagent.agents.debate.DebateOutcome;
import com.finagent.agents.debate.DebateRequest;
import com.finagent.agents.debate.DelayedChatModel;
import com.finagent.agents.debate.FixtureTools;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.offline.OfflineChatModel;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Debate wall time against its critical path: every model call is a stand-in that waits a fixed delay, so the
 * critical path is (model calls on the longest chain) x delay. The same debate run with every call in sequence
 * (a same-thread executor) is the reference.
 *   java DebateBench [delayMs] [assistantType] [runs]
 */
public final class DebateBench {

    public static void main(String[] args) {
        long delay = args.length > 0 ? Long.parseLong(args[0]) : 200;
        String type = args.length > 1 ? args[1] : "analyst";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        DebateRequest fixture = DebateFixtures.request("nvda-analyst.json");
        DebateRequest request = new DebateRequest(fixture.id(), fixture.query(), type, fixture.symbols(),
                fixture.evidence(), fixture.portfolio(), fixture.settings());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            run(request, pool, 0);
            double best = Double.MAX_VALUE;
            for (int i = 1; i <= runs; i++) {
                Result parallel = run(request, pool, delay);
                best = Math.min(best, (double) parallel.wallMs / parallel.criticalMs);
                System.out.printf(Locale.ROOT, "run %d: wall %d ms, critical path %d ms (%d calls), ratio %.3f; "
                                + "%d model calls in total%n", i, parallel.wallMs, parallel.criticalMs,
                        parallel.criticalCalls, (double) parallel.wallMs / parallel.criticalMs, parallel.calls);
            }
            Executor sameThread = Runnable::run;
            Result sequential = run(request, sameThread, delay);
            Result parallel = run(request, pool, delay);
            System.out.printf(Locale.ROOT, "steps (max model calls of a participant): %s%n", parallel.steps);
            System.out.printf(Locale.ROOT, "%s debate, %d participants, delay %d ms: wall %d ms, critical path %d ms, "
                            + "wall/critical %.3f (best of %d: %.3f, goal <= 1.2); sequential %d ms, "
                            + "sequential/parallel %.2f%n", type, parallel.participants, delay, parallel.wallMs,
                    parallel.criticalMs, (double) parallel.wallMs / parallel.criticalMs, runs, best, sequential.wallMs,
                    (double) sequential.wallMs / parallel.wallMs);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Result(long wallMs, long criticalMs, int criticalCalls, int calls, int participants,
                          Map<String, Integer> steps) {
    }

    private static Result run(DebateRequest request, Executor executor, long delay) {
        DelayedChatModel model = new DelayedChatModel(new OfflineChatModel(), delay);
        DebateEngine engine = new DebateEngine((participant, requested, seed) ->
                new ResolvedModel("stand-in-" + delay + "ms", model), executor);
        long start = System.nanoTime();
        DebateOutcome outcome = engine.run(request, DebateInputs.of(new FixtureTools(request)), DebateListener.NONE);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> steps = new TreeMap<>();
        for (CallRecord call : outcome.transcript()) {
            steps.merge(call.round() > 0 ? "round-" + call.round() : call.step(), call.modelCalls(), Math::max);
        }
        int critical = steps.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(wallMs, critical * delay, critical, model.calls(), outcome.participants().size(), steps);
    }
}
