package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;
import java.time.Instant;
import java.util.List;

/**
 * A node of a debate's execution graph, as the listener sees it start and finish; one {@code agent_executions} row,
 * with {@link #dependsOn()} as its {@code agent_dependencies}.
 *
 * @param id           UUID, derived from the debate id and the node's place in the graph
 * @param debateId     the debate
 * @param kind         debate, step, source, agent or tool
 * @param name         step name ({@code initial-analysis}, {@code debate-round-2}, …), participant id or tool name
 * @param agentName    the {@code agent_executions.agent_name}: step name, participant's display name or tool name
 * @param parentId     the enclosing node, null for the debate
 * @param dependsOn    nodes whose results this one consumed
 * @param round        debate round, 0 outside rounds
 * @param status       running when started; completed or failed when finished
 * @param inputSummary what it worked on, in a line
 * @param result       its result object (a position, the consensus, a tool result, …), null while running
 * @param error        why it failed
 * @param tokens       tokens used (for steps: by everything inside)
 * @param model        model id for agent turns
 * @param startedAt    start time
 * @param finishedAt   end time, null while running
 * @param durationMs   wall time in milliseconds, null while running
 */
public record Execution(String id, String debateId, ExecutionKind kind, String name, String agentName, String parentId,
                        List<String> dependsOn, int round, ExecutionStatus status, String inputSummary, Object result,
                        String error, TokenCount tokens, String model, Instant startedAt, Instant finishedAt,
                        Long durationMs) {

    public Execution {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
