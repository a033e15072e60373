package com.finagent.agents.offline.analyst;

/** One figure of the evidence and the citation that names it ({@code FACTS_OR_TOOL_ID#metric}). */
record Fact(double value, String cite) {
}
