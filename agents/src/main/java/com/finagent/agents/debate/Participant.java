package com.finagent.agents.debate;

/**
 * A debate participant.
 *
 * @param id      unique within a debate; names per-participant model overrides and appears in citations of tool results
 * @param name    display name
 * @param mandate what the participant weighs; the offline model's scoring key
 * @param brief   the mandate in words, part of its system prompt
 */
public record Participant(String id, String name, String mandate, String brief) {
}
