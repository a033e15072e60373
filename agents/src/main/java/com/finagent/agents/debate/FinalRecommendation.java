package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.ModelResolver;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.model.TokenCount;
import com.finagent.agents.profile.AssistantProfile;
import com.finagent.agents.provider.ModelFactory;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the final-recommendation step's answer from the consensus. The moderator's model writes it when the budget
 * affords the call; otherwise, or when the model fails, the offline model's rules do, and a debate without the
 * minimum evidence gets no rating at all.
 */
final class FinalRecommendation {

    private final ExecutionGraph graph;
    private final ModelResolver models;
    private final DebateRequest request;
    private final AssistantProfile profile;
    private final int rosterSize;
    private final Map<String, Participant> byId;
    private final TokenBudget budget;
    private final ParallelTurns turns;
    private final RunLog log;

    FinalRecommendation(ExecutionGraph graph, ModelResolver models, DebateRequest request, AssistantProfile profile,
                        int rosterSize, Map<String, Participant> byId, TokenBudget budget, ParallelTurns turns,
                        RunLog log) {
        this.graph = graph;
        this.models = models;
        this.request = request;
        this.profile = profile;
        this.rosterSize = rosterSize;
        this.byId = byId;
        this.budget = budget;
        this.turns = turns;
        this.log = log;
    }

    /** What the moderator's call will roughly cost: its system prompt and the final positions, twice over. */
    long reserve(List<Position> positions) {
        long words = AgentProtocol.countTokens(Prompts.moderatorSystem(profile).text());
        for (Position position : positions) {
            words += 2L * AgentProtocol.countTokens(CanonicalJson.write(position));
        }
        return budget.tokensForWords(words) + budget.outputPerCall();
    }

    /**
     * The rated recommendation: the moderator's when {@code moderatorAffordable} and its model answers usably, held
     * to within one notch of the consensus; the rules' otherwise.
     */
    Recommendation rated(ExecutionGraph.Node root, ExecutionGraph.Node consensusStep, DebateRequest asRun,
                         Consensus consensus, List<Position> positions, CitationIndex index, boolean budgetLimited,
                         boolean moderatorAffordable) {
        DebateSettings settings = request.settings();
        ExecutionGraph.Node step = graph.start("05 " + DebateEngine.FINAL_RECOMMENDATION, ExecutionKind.STEP,
                DebateEngine.FINAL_RECOMMENDATION, DebateEngine.FINAL_RECOMMENDATION, root, List.of(consensusStep.id),
                0, "consensus " + consensus.rating() + " of " + positions.size() + " positions", null);
        List<ChatMessage> messages = List.of(Prompts.moderatorSystem(profile),
                Prompts.recommendation(asRun, consensus, positions, byId, budgetLimited));
        Recommendation recommendation = null;
        String fallbackReason;
        TokenCount tokens = TokenCount.ZERO;
        if (!moderatorAffordable) {
            fallbackReason = "token budget exhausted: written by rules, not the model";
        } else {
            Session moderator = new Session(Roster.MODERATOR);
            moderator.index = index;
            try {
                moderator.model = models.resolve(Roster.MODERATOR.id(),
                        settings.participantModels().get(Roster.MODERATOR.id()), settings.seed());
                moderator.modelId = moderator.model.id();
                Map<Session, UserMessage> prompt = new LinkedHashMap<>();
                prompt.put(moderator, (UserMessage) messages.get(1));
                tokens = turns.run(DebateEngine.FINAL_RECOMMENDATION, "05 " + DebateEngine.FINAL_RECOMMENDATION, 0,
                        step, prompt, s -> List.of(consensusStep.id), s -> "consensus " + consensus.rating());
                recommendation = moderator.lastError == null ? turns.lastRecommendation() : null;
                fallbackReason = moderator.lastError;
            } catch (RuntimeException e) {
                fallbackReason = "no model: " + DebateEngine.describe(e);
                log.failures.put(DebateEngine.FINAL_RECOMMENDATION + "/" + Roster.MODERATOR.id(), fallbackReason);
            }
        }
        if (recommendation == null) {
            recommendation = byRules(messages, index, fallbackReason);
        } else if (Math.abs(recommendation.rating().value() - consensus.rating().value()) > 1) {
            recommendation = new Recommendation(consensus.rating(), recommendation.headline(),
                    recommendation.rationale(), recommendation.evidence(), recommendation.risks(),
                    recommendation.whatWouldChange(), recommendation.portfolioActions(),
                    recommendation.generatedBy(), recommendation.model(), "the model rated "
                    + recommendation.rating() + ", more than one notch from the consensus; the consensus rating stands");
        }
        log.tokensByStep.put(DebateEngine.FINAL_RECOMMENDATION, tokens);
        graph.finish(step, ExecutionStatus.COMPLETED, recommendation, null, tokens);
        return recommendation;
    }

    /** The recommendation with the risks as downside facts, each once, and how many had evidence. */
    Recommendation counted(Recommendation recommendation, int withEvidence, int abstained, List<Position> positions) {
        String line = EvidenceRules.evidenceLine(withEvidence, abstained, rosterSize);
        String headline = recommendation.headline() == null || recommendation.headline().isBlank()
                ? recommendation.rating().label() : recommendation.headline();
        return new Recommendation(recommendation.rating(), headline + " (" + line + ")",
                recommendation.rationale(), recommendation.evidence(),
                EvidenceRules.risks(recommendation.risks(), positions), recommendation.whatWouldChange(),
                recommendation.portfolioActions(), recommendation.generatedBy(), recommendation.model(),
                recommendation.note(), false, List.of(), withEvidence, abstained);
    }

    /**
     * The answer when the debate lacks the minimum evidence for a rating: no rating, what was missing, and who
     * had evidence; written by the rules, so no model is asked to rate what cannot be rated.
     */
    Recommendation insufficientEvidence(ExecutionGraph.Node root, ExecutionGraph.Node consensusStep,
                                        Consensus consensus, List<Position> counted, List<Position> abstentions,
                                        List<String> missing) {
        ExecutionGraph.Node step = graph.start("05 " + DebateEngine.FINAL_RECOMMENDATION, ExecutionKind.STEP,
                DebateEngine.FINAL_RECOMMENDATION, DebateEngine.FINAL_RECOMMENDATION, root, List.of(consensusStep.id),
                0, "insufficient evidence: " + String.join("; ", missing), null);
        String symbols = String.join(", ", request.symbols());
        String line = EvidenceRules.evidenceLine(counted.size(), abstentions.size(), rosterSize);
        StringBuilder rationale = new StringBuilder("No rating: a rating needs market data for each symbol and "
                + "evidence for at least " + EvidenceRules.MIN_MANDATES + " mandates. Missing: ")
                .append(String.join("; ", missing)).append('.');
        for (Position position : counted) {
            position.arguments().stream().filter(a -> !a.evidence().isEmpty()).findFirst().ifPresent(a ->
                    rationale.append(' ').append(byId.get(position.participant()).name()).append(" had: ")
                            .append(a.claim()).append('.'));
        }
        List<String> cited = counted.stream().flatMap(p -> p.citedIds().stream()).distinct().toList();
        List<Note> wouldChange = missing.stream().map(m -> new Note("A rating needs " + m + ".", List.of(), null))
                .toList();
        String note = consensus == null ? null : "the participants with evidence leaned " + consensus.rating()
                + "; without the minimum evidence that is not a rating";
        Recommendation recommendation = new Recommendation(null, "Insufficient evidence on " + symbols
                + " for a rating: missing " + String.join("; ", missing) + " (" + line + ")",
                rationale.toString(), cited, List.of(), wouldChange, List.of(), "rules", null, note, true, missing,
                counted.size(), abstentions.size());
        log.tokensByStep.put(DebateEngine.FINAL_RECOMMENDATION, TokenCount.ZERO);
        graph.finish(step, ExecutionStatus.COMPLETED, recommendation, null, TokenCount.ZERO);
        return recommendation;
    }

    /**
     * The offline model's rules write the recommendation when the moderator cannot; they spend no tokens and
     * need no network, so the debate always ends with a recommendation.
     */
    private Recommendation byRules(List<ChatMessage> messages, CitationIndex index, String reason) {
        ModelSpec rules = ModelSpec.offline();
        ChatResponse response = ModelFactory.create(rules, request.settings().seed()).chat(messages);
        try {
            Recommendation recommendation = ResponseParser.parseRecommendation(response.aiMessage().text(), index,
                    rules.id(), "rules");
            return withNote(recommendation, reason);
        } catch (InvalidAnswer e) {
            throw new IllegalStateException("The offline recommendation is invalid: " + e.getMessage(), e);
        }
    }

    private static Recommendation withNote(Recommendation recommendation, String note) {
        return new Recommendation(recommendation.rating(), recommendation.headline(), recommendation.rationale(),
                recommendation.evidence(), recommendation.risks(), recommendation.whatWouldChange(),
                recommendation.portfolioActions(), recommendation.generatedBy(), recommendation.model(), note);
    }
}
