package com.finagent.agents.debate;

import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.model.TokenCount;
import dev.langchain4j.data.message.ChatMessage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One participant's state across the debate. */
final class Session {

    final Participant participant;
    ResolvedModel model;
    String modelId;
    final List<ChatMessage> history = new ArrayList<>();
    CitationIndex index;
    Position latest;
    String latestNodeId;
    TokenCount tokens = TokenCount.ZERO;
    String lastError;
    final Set<String> toolIds = new HashSet<>();
    /** Every citation of its positions so far: a stance change must cite something outside it. */
    final Set<String> weighed = new LinkedHashSet<>();

    Session(Participant participant) {
        this.participant = participant;
    }

    boolean active() {
        return latest != null;
    }

    /** Whether it took a stance that counts: it has a position and did not abstain. */
    boolean counted() {
        return latest != null && !latest.abstained();
    }

    /** How the participant ended the debate, for the outcome. */
    ParticipantSummary summary() {
        return new ParticipantSummary(participant.id(), participant.name(), participant.mandate(), modelId,
                active() ? ExecutionStatus.COMPLETED : ExecutionStatus.FAILED, lastError, tokens,
                active() && latest.abstained(), active() ? latest.lacking() : List.of());
    }
}
