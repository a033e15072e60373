package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;
import java.util.List;

/**
 * One agent turn of the transcript: the messages it added to the participant's conversation (prompt, model answers,
 * tool results), so the conversation of any participant is the concatenation of its records.
 *
 * @param executionId the turn's execution id
 * @param participant participant id
 * @param step        initial-analysis, debate-round or final-recommendation
 * @param round       round number, 0 outside rounds
 * @param model       model id
 * @param modelCalls  model invocations in the turn (tool loops and repair add to it)
 * @param messages    messages the turn added
 * @param tokens      tokens the turn used
 * @param error       why it failed, if it did
 */
public record CallRecord(String executionId, String participant, String step, int round, String model, int modelCalls,
                         List<MessageRecord> messages, TokenCount tokens, String error) {
}
