package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;

/**
 * A participant of a finished debate.
 *
 * @param id      participant id
 * @param name    display name
 * @param mandate mandate
 * @param model   model id it talked to
 * @param status  completed, or failed when it produced no position
 * @param error   its last error, if any
 * @param tokens  tokens it used
 */
public record ParticipantSummary(String id, String name, String mandate, String model, ExecutionStatus status,
                                 String error, TokenCount tokens) {
}
