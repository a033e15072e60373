package com.finagent.agents.debate;

/** How a debate ended. */
public enum DebateStatus {
    /** Every participant answered and the debate ran to convergence, stability or its round limit. */
    COMPLETED,
    /** It reached a recommendation, but a participant failed or the token budget cut it short. */
    PARTIAL,
    /** No participant produced a position. */
    FAILED
}
