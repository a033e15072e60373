package com.finagent.agents.debate;

import jakarta.json.bind.annotation.JsonbCreator;

import java.util.List;

/**
 * A participant's position after the initial analysis or a debate round.
 *
 * @param participant       participant id
 * @param stance            view on the five-point scale; null when the participant abstained
 * @param confidence        0..1
 * @param summary           one or two sentences
 * @param arguments         points, each citing evidence
 * @param symbols           per-symbol views, when given
 * @param respondsTo        participant whose point this round answers
 * @param revisedFrom       the previous stance when the round changed it
 * @param invalidCitations  ids the model cited that are not in the evidence (removed from the arguments)
 * @param unverifiedNumbers figures in the claims that match no number of the evidence
 * @param model             id of the model that produced it
 * @param abstained         whether the participant had no evidence for its mandate and so takes no stance; an
 *                          abstention is not counted in the consensus
 * @param lacking           what the participant lacked when it abstained
 * @param newEvidence       when the stance changed: the citations it had not weighed before that back the change
 * @param rejectedChange    when the model changed the stance without citing evidence it had not weighed before:
 *                          what it tried, the change having been reverted
 */
public record Position(String participant, Stance stance, double confidence, String summary, List<Argument> arguments,
                       List<SymbolView> symbols, String respondsTo, Stance revisedFrom, List<String> invalidCitations,
                       List<String> unverifiedNumbers, String model, boolean abstained, List<String> lacking,
                       List<String> newEvidence, String rejectedChange) {

    /** The canonical constructor, the one JSON-B binds stored outcomes with. */
    @JsonbCreator
    public Position {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        invalidCitations = invalidCitations == null ? List.of() : List.copyOf(invalidCitations);
        unverifiedNumbers = unverifiedNumbers == null ? List.of() : List.copyOf(unverifiedNumbers);
        lacking = lacking == null ? List.of() : List.copyOf(lacking);
        newEvidence = newEvidence == null ? List.of() : List.copyOf(newEvidence);
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must lie in [0, 1]");
        }
        if (abstained) {
            stance = null;
            revisedFrom = null;
        } else if (stance == null) {
            throw new IllegalArgumentException("a position that does not abstain needs a stance");
        }
    }

    /** A position that takes a stance, as positions were before abstentions existed. */
    public Position(String participant, Stance stance, double confidence, String summary, List<Argument> arguments,
                    List<SymbolView> symbols, String respondsTo, Stance revisedFrom, List<String> invalidCitations,
                    List<String> unverifiedNumbers, String model) {
        this(participant, stance, confidence, summary, arguments, symbols, respondsTo, revisedFrom, invalidCitations,
                unverifiedNumbers, model, false, List.of(), List.of(), null);
    }

    /** Distinct ids the arguments cite. */
    public List<String> citedIds() {
        return arguments.stream().flatMap(a -> a.evidence().stream()).distinct().toList();
    }

    /** This position as an abstention for want of {@code lacking}. */
    public Position abstaining(List<String> lacking) {
        return new Position(participant, null, confidence, summary, arguments, symbols, respondsTo, null,
                invalidCitations, unverifiedNumbers, model, true, lacking, List.of(), rejectedChange);
    }

    /** This position with the revision bookkeeping of the engine. */
    Position revised(Stance newStance, Stance from, List<String> backedBy, String rejected) {
        return new Position(participant, newStance, confidence, summary, arguments, symbols, respondsTo, from,
                invalidCitations, unverifiedNumbers, model, abstained, lacking, backedBy, rejected);
    }
}
