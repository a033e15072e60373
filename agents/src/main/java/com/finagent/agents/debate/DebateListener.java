package com.finagent.agents.debate;

/**
 * Told about every node of a debate's execution graph as it starts and as it finishes, parents before children
 * and dependencies before dependants, so each event can be persisted and streamed as it happens. The engine calls
 * one listener from one thread at a time; a listener that throws is logged and otherwise ignored.
 */
public interface DebateListener {

    DebateListener NONE = new DebateListener() {
    };

    /** A node started; its status is running. */
    default void started(Execution execution) {
    }

    /** A node finished, completed or failed, with its result, error, tokens and timing. */
    default void finished(Execution execution) {
    }
}
