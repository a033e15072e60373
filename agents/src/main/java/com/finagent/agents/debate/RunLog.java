package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What a debate run reports beside its execution graph, filled in by every step and read into the outcome. */
final class RunLog {

    /** Why a source, participant or moderator failed, by step and name. */
    final Map<String, String> failures = new TreeMap<>();
    /** Every agent turn, by its path in the graph. */
    final Map<String, CallRecord> transcript = new TreeMap<>();
    /** Tokens per step, in the order the steps ran. */
    final Map<String, TokenCount> tokensByStep = new LinkedHashMap<>();
}
