package com.finagent.agents.debate;

import jakarta.json.bind.annotation.JsonbCreator;

import java.util.List;

/**
 * The debate's answer.
 *
 * @param rating           five-point rating; null when the evidence was insufficient for one
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
 * @param insufficientEvidence whether the debate lacked the minimum evidence for a rating (market data for each
 *                         symbol and evidence for at least two mandates): then there is no rating
 * @param missing          what was missing for a rating, empty when nothing was
 * @param withEvidence     participants that had evidence for their mandate and took a stance
 * @param abstained        participants that abstained for want of evidence
 */
public record Recommendation(Stance rating, String headline, String rationale, List<String> evidence, List<Note> risks,
                             List<Note> whatWouldChange, List<PortfolioAction> portfolioActions, String generatedBy,
                             String model, String note, boolean insufficientEvidence, List<String> missing,
                             int withEvidence, int abstained) {

    /** The canonical constructor, the one JSON-B binds stored outcomes with. */
    @JsonbCreator
    public Recommendation {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        risks = risks == null ? List.of() : List.copyOf(risks);
        whatWouldChange = whatWouldChange == null ? List.of() : List.copyOf(whatWouldChange);
        portfolioActions = portfolioActions == null ? List.of() : List.copyOf(portfolioActions);
        missing = missing == null ? List.of() : List.copyOf(missing);
        if (insufficientEvidence) {
            rating = null;
        } else if (rating == null) {
            throw new IllegalArgumentException("a recommendation with sufficient evidence needs a rating");
        }
    }

    /** A rated recommendation, before the engine has counted the participants' evidence. */
    public Recommendation(Stance rating, String headline, String rationale, List<String> evidence, List<Note> risks,
                          List<Note> whatWouldChange, List<PortfolioAction> portfolioActions, String generatedBy,
                          String model, String note) {
        this(rating, headline, rationale, evidence, risks, whatWouldChange, portfolioActions, generatedBy, model, note,
                false, List.of(), 0, 0);
    }
}
