package com.finagent.agents.debate;

/** What an {@link Execution} is. */
public enum ExecutionKind {
    /** The whole debate: the root of the graph. */
    DEBATE,
    /** A workflow step: parallel-search, initial-analysis, agent-debate, a debate round, consensus-building, final-recommendation. */
    STEP,
    /** One evidence source of the parallel search. */
    SOURCE,
    /** One participant's turn: its model calls (with tool calls) up to a parsed answer. */
    AGENT,
    /** One tool call inside an agent's turn. */
    TOOL
}
