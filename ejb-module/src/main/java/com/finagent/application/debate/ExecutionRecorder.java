package com.finagent.application.debate;

import com.finagent.agents.debate.DebateListener;
import com.finagent.agents.debate.Execution;
import com.finagent.application.telemetry.StructuredLog;
import jakarta.json.Json;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/** Persists and streams each node of a debate's execution graph as the engine reports it, and logs each step. */
final class ExecutionRecorder implements DebateListener {

    private static final Logger LOG = Logger.getLogger(ExecutionRecorder.class.getName());

    private final DebateStore store;
    private final DebateEvents events;
    private final UUID userId;
    private final UUID debateId;
    private final String query;
    private final String assistantType;
    private final List<String> symbols;
    private final DebateSpans spans;

    ExecutionRecorder(DebateStore store, DebateEvents events, UUID userId, UUID debateId, String query,
                      String assistantType, List<String> symbols, DebateSpans spans) {
        this.store = store;
        this.events = events;
        this.userId = userId;
        this.debateId = debateId;
        this.query = query;
        this.assistantType = assistantType;
        this.symbols = symbols;
        this.spans = spans;
    }

    @Override
    public void started(Execution execution) {
        spans.started(execution);
        record(execution);
    }

    @Override
    public void finished(Execution execution) {
        record(execution);
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("executionId", execution.id());
        more.put("agentName", execution.agentName());
        more.put("step", execution.kind().name().toLowerCase(Locale.ROOT) + ":" + execution.name());
        more.put("status", execution.status().name().toLowerCase(Locale.ROOT));
        more.put("model", execution.model());
        more.put("tokens", execution.tokens() == null ? null
                : execution.tokens().input() + execution.tokens().output());
        more.put("durationMs", execution.durationMs());
        StructuredLog.info(LOG, "Debate step finished", DebateService.fields(userId, debateId, symbols, more));
        spans.finished(execution);
    }

    private void record(Execution execution) {
        String result = execution.result() == null ? null : DebateDocuments.value(execution.result());
        Integer tokens = execution.tokens() == null ? null
                : (int) Math.min(Integer.MAX_VALUE, execution.tokens().input() + execution.tokens().output());
        String status = switch (execution.status()) {
            case RUNNING -> "running";
            case FAILED -> "failed";
            default -> "completed";
        };
        DebateStore.ExecutionEvent event = new DebateStore.ExecutionEvent(UUID.fromString(execution.id()),
                execution.kind().name().toLowerCase(Locale.ROOT) + ":" + execution.name(), execution.agentName(),
                status, execution.model(), tokens, result, execution.error(), execution.durationMs(),
                execution.startedAt(), execution.finishedAt(),
                execution.dependsOn().stream().map(UUID::fromString).toList());
        store.record(userId, debateId, query, assistantType, event);
        var message = Json.createObjectBuilder().add("type", "execution").add("id", execution.id())
                .add("step", event.step()).add("agentName", execution.agentName()).add("status", status)
                .add("round", execution.round());
        var dependsOn = Json.createArrayBuilder();
        execution.dependsOn().forEach(dependsOn::add);
        message.add("dependsOn", dependsOn);
        if (execution.parentId() != null) {
            message.add("parentId", execution.parentId());
        }
        if (execution.model() != null) {
            message.add("model", execution.model());
        }
        if (tokens != null) {
            message.add("tokens", tokens);
        }
        if (execution.error() != null) {
            message.add("error", execution.error());
        }
        if (result != null) {
            message.add("result", Json.createReader(new StringReader(result)).readValue());
        }
        events.publish(userId, debateId, message.build().toString());
    }
}
