package com.finagent.application.debate;

import com.finagent.agents.debate.Execution;
import com.finagent.agents.debate.ExecutionStatus;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One span per node of a debate's execution graph (each step, agent turn and tool call), nested as the graph nests
 * them, under the span that runs the debate. The engine reports nodes from its parallel tasks, so spans are started
 * and ended with explicit parents and times rather than made current on a thread.
 */
final class DebateSpans {

    private final Tracer tracer;
    private final Context debate;
    private final UUID userId;
    private final Map<String, Span> open = new ConcurrentHashMap<>();

    /** Spans of {@code tracer} under {@code debate} (the context that runs the debate) for {@code userId}'s debate. */
    DebateSpans(Tracer tracer, Context debate, UUID userId) {
        this.tracer = tracer;
        this.debate = debate;
        this.userId = userId;
    }

    void started(Execution execution) {
        Span parent = execution.parentId() == null ? null : open.get(execution.parentId());
        Context parentContext = parent == null ? debate : debate.with(parent);
        Span span = tracer.spanBuilder("debate " + execution.kind().name().toLowerCase(Locale.ROOT) + " "
                        + execution.name())
                .setParent(parentContext)
                .setStartTimestamp(nanos(execution.startedAt()), TimeUnit.NANOSECONDS)
                .setAttribute("finagent.debate.id", execution.debateId())
                .setAttribute("finagent.execution.id", execution.id())
                .setAttribute("finagent.agent.name", execution.agentName())
                .setAttribute("finagent.user.id", userId.toString())
                .setAttribute("finagent.debate.round", execution.round())
                .startSpan();
        open.put(execution.id(), span);
    }

    void finished(Execution execution) {
        Span span = open.remove(execution.id());
        if (span == null) {
            return;
        }
        if (execution.model() != null) {
            span.setAttribute("gen_ai.request.model", execution.model());
        }
        if (execution.tokens() != null) {
            span.setAttribute("gen_ai.usage.input_tokens", execution.tokens().input());
            span.setAttribute("gen_ai.usage.output_tokens", execution.tokens().output());
        }
        if (execution.status() == ExecutionStatus.FAILED) {
            span.setStatus(StatusCode.ERROR, execution.error() == null ? "failed" : execution.error());
        }
        if (execution.finishedAt() != null) {
            span.end(nanos(execution.finishedAt()), TimeUnit.NANOSECONDS);
        } else {
            span.end();
        }
    }

    /** Ends what is still open (a debate that stopped part-way). */
    void endAll() {
        open.values().forEach(Span::end);
        open.clear();
    }

    private static long nanos(Instant at) {
        Instant instant = at == null ? Instant.now() : at;
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
