package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records a debate's execution graph and tells the listener about it, one event at a time. Ids are name-based
 * UUIDs of the debate id and the node's path, so a replay of the same debate id yields the same graph.
 */
final class ExecutionGraph {

    private static final System.Logger LOG = System.getLogger(ExecutionGraph.class.getName());

    /** A node that has started. Finishing is first-wins, so a timed-out turn cannot finish twice. */
    static final class Node {
        final String path;
        final String id;
        final ExecutionKind kind;
        final String name;
        final String agentName;
        final String parentId;
        final List<String> dependsOn;
        final int round;
        final String input;
        final String model;
        final Instant startedAt;
        final long startNanos;
        final AtomicBoolean done = new AtomicBoolean();

        private Node(String path, String id, ExecutionKind kind, String name, String agentName, String parentId,
                     List<String> dependsOn, int round, String input, String model) {
            this.path = path;
            this.id = id;
            this.kind = kind;
            this.name = name;
            this.agentName = agentName;
            this.parentId = parentId;
            this.dependsOn = List.copyOf(dependsOn);
            this.round = round;
            this.input = input;
            this.model = model;
            this.startedAt = Instant.now();
            this.startNanos = System.nanoTime();
        }
    }

    private record Finished(String path, Execution execution) {
    }

    private final String debateId;
    private final DebateListener listener;
    private final Object lock = new Object();
    private final List<Finished> finished = new ArrayList<>();

    ExecutionGraph(String debateId, DebateListener listener) {
        this.debateId = debateId;
        this.listener = listener == null ? DebateListener.NONE : listener;
    }

    /**
     * Starts a node.
     *
     * @param path unique, sortable place in the graph (e.g. {@code 02 initial-analysis/risk}); outcome order follows it
     */
    Node start(String path, ExecutionKind kind, String name, String agentName, Node parent, List<String> dependsOn,
               int round, String input, String model) {
        String id = UUID.nameUUIDFromBytes((debateId + "|" + path).getBytes(StandardCharsets.UTF_8)).toString();
        Node node = new Node(path, id, kind, name, agentName, parent == null ? null : parent.id, dependsOn, round,
                input, model);
        Execution running = new Execution(node.id, debateId, kind, name, agentName, node.parentId, node.dependsOn,
                round, ExecutionStatus.RUNNING, input, null, null, null, model, node.startedAt, null, null);
        synchronized (lock) {
            try {
                listener.started(running);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Debate listener failed on start of " + path, e);
            }
        }
        return node;
    }

    /** Finishes a node unless it already finished; returns whether this call finished it. */
    boolean finish(Node node, ExecutionStatus status, Object result, String error, TokenCount tokens) {
        if (!node.done.compareAndSet(false, true)) {
            return false;
        }
        long durationMs = (System.nanoTime() - node.startNanos) / 1_000_000;
        Execution execution = new Execution(node.id, debateId, node.kind, node.name, node.agentName, node.parentId,
                node.dependsOn, node.round, status, node.input, result, error, tokens == null ? TokenCount.ZERO : tokens,
                node.model, node.startedAt, Instant.now(), durationMs);
        synchronized (lock) {
            finished.add(new Finished(node.path, execution));
            try {
                listener.finished(execution);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Debate listener failed on finish of " + node.path, e);
            }
        }
        return true;
    }

    /** Every finished node, in path order (independent of thread timing). */
    List<Execution> executions() {
        synchronized (lock) {
            return finished.stream().sorted(Comparator.comparing(Finished::path)).map(Finished::execution).toList();
        }
    }
}
