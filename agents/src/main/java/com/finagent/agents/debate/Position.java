package com.finagent.agents.debate;

import java.util.List;

/**
 * A participant's position after the initial analysis or a debate round.
 *
 * @param participant       participant id
 * @param stance            view on the five-point scale
 * @param confidence        0..1
 * @param summary           one or two sentences
 * @param arguments         points, each citing evidence
 * @param symbols           per-symbol views, when given
 * @param respondsTo        participant whose point this round answers
 * @param revisedFrom       the previous stance when the round changed it
 * @param invalidCitations  ids the model cited that are not in the evidence (removed from the arguments)
 * @param unverifiedNumbers figures in the claims that match no number of the evidence
 * @param model             id of the model that produced it
 */
public record Position(String participant, Stance stance, double confidence, String summary, List<Argument> arguments,
                       List<SymbolView> symbols, String respondsTo, Stance revisedFrom, List<String> invalidCitations,
                       List<String> unverifiedNumbers, String model) {

    public Position {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        invalidCitations = invalidCitations == null ? List.of() : List.copyOf(invalidCitations);
        unverifiedNumbers = unverifiedNumbers == null ? List.of() : List.copyOf(unverifiedNumbers);
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must lie in [0, 1]");
        }
    }

    /** Distinct ids the arguments cite. */
    public List<String> citedIds() {
        return arguments.stream().flatMap(a -> a.evidence().stream()).distinct().toList();
    }
}
