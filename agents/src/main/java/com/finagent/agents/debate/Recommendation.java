package com.finagent.agents.debate;

import java.util.List;

/**
 * The debate's answer.
 *
 * @param rating           five-point rating
 * @param headline         one line
 * @param rationale        why, from the positions and the common ground
 * @param evidence         citations behind the rationale
 * @param risks            what could go wrong with the call
 * @param whatWouldChange  what would change the view (the dissent's cases among them)
 * @param portfolioActions per position of the user's portfolio in question; empty without a portfolio
 * @param generatedBy      {@code model} when the moderator's model wrote it, {@code rules} when the engine did
 *                         (budget exhausted, model failed)
 * @param model            model id that wrote it
 * @param note             why the rating or author differs from the usual, if it does
 */
public record Recommendation(Stance rating, String headline, String rationale, List<String> evidence, List<Note> risks,
                             List<Note> whatWouldChange, List<PortfolioAction> portfolioActions, String generatedBy,
                             String model, String note) {

    public Recommendation {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        risks = risks == null ? List.of() : List.copyOf(risks);
        whatWouldChange = whatWouldChange == null ? List.of() : List.copyOf(whatWouldChange);
        portfolioActions = portfolioActions == null ? List.of() : List.copyOf(portfolioActions);
    }
}
