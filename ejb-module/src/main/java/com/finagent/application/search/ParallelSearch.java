package com.finagent.application.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the requested sources at once on an executor and waits for each until its own deadline. A source that
 * misses its deadline is abandoned and reported as a timeout; one that throws is reported as failed; either
 * way the search answers with what the others found. A late source is not interrupted: blocking HTTP reads
 * ignore interrupts (the clients' read timeouts end them), and an interrupt would close the NIO file channels
 * of an offline index being built for every later search.
 */
public final class ParallelSearch {

    private static final Logger LOG = Logger.getLogger(ParallelSearch.class.getName());

    private final Executor executor;
    private final Function<SourceName, Duration> timeouts;

    public ParallelSearch(Executor executor, Function<SourceName, Duration> timeouts) {
        this.executor = executor;
        this.timeouts = timeouts;
    }

    public SearchResponse run(SearchRequest request, Map<SourceName, ? extends SearchSource> sources) {
        long start = System.nanoTime();
        List<Running> running = new ArrayList<>();
        for (SourceName name : request.sources()) {
            SearchSource source = sources.get(name);
            Duration timeout = timeouts.apply(name);
            if (source == null) {
                running.add(Running.done(name, SourceAnswer.unavailable(SourceStatus.DISABLED, null,
                        "the " + name.id() + " source is not available in this deployment")));
                continue;
            }
            long[] elapsed = {-1};
            FutureTask<SourceAnswer> task = new FutureTask<>(() -> {
                long begin = System.nanoTime();
                try {
                    return source.search(request);
                } finally {
                    elapsed[0] = System.nanoTime() - begin;
                }
            });
            try {
                executor.execute(task);
                running.add(new Running(name, source, task, start + timeout.toNanos(), timeout, elapsed, null));
            } catch (RejectedExecutionException rejected) {
                running.add(Running.done(name, SourceAnswer.unavailable(SourceStatus.FAILED, null,
                        "the server is too busy to ask the " + name.id() + " source")));
            }
        }
        List<SourceReport> reports = new ArrayList<>();
        List<List<SearchResult>> answers = new ArrayList<>();
        boolean interrupted = false;
        for (Running r : running) {
            SourceAnswer answer;
            long millis;
            if (r.task == null) {
                answer = r.immediate;
                millis = 0;
            } else if (interrupted) {
                r.task.cancel(false);
                answer = SourceAnswer.unavailable(SourceStatus.FAILED, null, "the search was interrupted");
                millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            } else {
                try {
                    answer = r.task.get(Math.max(0, r.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException late) {
                    r.task.cancel(false);
                    String why = r.source.lateReason();
                    answer = SourceAnswer.unavailable(SourceStatus.TIMEOUT, null,
                            "no answer within " + r.timeout.toMillis() + " ms" + (why == null ? "" : "; " + why));
                } catch (ExecutionException failed) {
                    answer = failure(r.name, failed.getCause());
                } catch (CancellationException cancelled) {
                    answer = SourceAnswer.unavailable(SourceStatus.FAILED, null, "cancelled");
                } catch (InterruptedException stop) {
                    interrupted = true;
                    r.task.cancel(false);
                    answer = SourceAnswer.unavailable(SourceStatus.FAILED, null, "the search was interrupted");
                }
                millis = answer.status() == SourceStatus.TIMEOUT || r.elapsed[0] < 0
                        ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                        : TimeUnit.NANOSECONDS.toMillis(r.elapsed[0]);
            }
            if (answer == null) {
                answer = SourceAnswer.unavailable(SourceStatus.FAILED, null, "no answer");
            }
            // The bound holds for every source, including remote ones that cannot filter by date themselves.
            List<SearchResult> results = ResultFusion.distinct(answer.results().stream().filter(request::admits).toList());
            answers.add(results);
            boolean partial = answer.status() == SourceStatus.TIMEOUT || answer.status() == SourceStatus.FAILED
                    || answer.status() == SourceStatus.DISABLED;
            reports.add(new SourceReport(r.name.id(), answer.status(), answer.origin(), millis, results.size(),
                    partial, answer.message()));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        List<SearchResult> fused = ResultFusion.fuse(answers, request.limit());
        boolean partial = reports.stream().anyMatch(SourceReport::partial);
        return new SearchResponse(request.query(), request.symbols(), reports, fused, partial);
    }

    /** Messages of {@link SourceUnavailableException} are written for clients; anything else is an internal error. */
    private static SourceAnswer failure(SourceName name, Throwable cause) {
        if (cause instanceof SourceUnavailableException unavailable) {
            return SourceAnswer.unavailable(unavailable.timedOut() ? SourceStatus.TIMEOUT : SourceStatus.FAILED,
                    unavailable.service(), unavailable.getMessage());
        }
        LOG.log(Level.WARNING, "The " + name.id() + " search source failed", cause);
        return SourceAnswer.unavailable(SourceStatus.FAILED, null, "the " + name.id() + " source failed unexpectedly");
    }

    private record Running(SourceName name, SearchSource source, FutureTask<SourceAnswer> task, long deadline, Duration timeout,
                           long[] elapsed, SourceAnswer immediate) {

        static Running done(SourceName name, SourceAnswer answer) {
            return new Running(name, null, null, 0, Duration.ZERO, new long[]{0}, answer);
        }
    }
}
