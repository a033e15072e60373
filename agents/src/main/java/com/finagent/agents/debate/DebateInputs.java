package com.finagent.agents.debate;

import com.finagent.agents.tools.AgentTools;

import java.util.List;

/**
 * What the server lends a debate besides the request: its evidence sources and its tools, scoped to the user.
 *
 * @param sources evidence sources for the parallel-search step
 * @param tools   tools the participants may call, null for none
 */
public record DebateInputs(List<EvidenceSource> sources, AgentTools tools) {

    public DebateInputs {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static DebateInputs none() {
        return new DebateInputs(List.of(), null);
    }

    public static DebateInputs of(AgentTools tools, EvidenceSource... sources) {
        return new DebateInputs(List.of(sources), tools);
    }
}
