package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;

import java.util.List;

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
 * @param abstained whether it ended abstaining for want of evidence for its mandate
 * @param lacking   what it lacked, when it abstained
 */
public record ParticipantSummary(String id, String name, String mandate, String model, ExecutionStatus status,
                                 String error, TokenCount tokens, boolean abstained, List<String> lacking) {

    public ParticipantSummary {
        lacking = lacking == null ? List.of() : List.copyOf(lacking);
    }
}
