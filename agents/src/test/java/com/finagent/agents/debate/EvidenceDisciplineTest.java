package com.finagent.agents.debate;

import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.provider.ModelCatalog;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.EvidenceWeights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence rules of issue 12 with the offline model, on the two cases a new user met: an analyst debate on NVDA
 * without market data (which rated BUY on four tweets), and an advisor debate on AAPL (whose risks repeated the VaR
 * and listed a one-year gain).
 */
class EvidenceDisciplineTest {

    private static ExecutorService pool;
    private static DebateEngine engine;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(8);
        engine = new DebateEngine(new ModelCatalog(ModelSettings.offline()), pool);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** Four positive posts about NVDA and nothing else: what the offline search finds for it. */
    static DebateRequest nvdaWithoutMarketData(String assistantType) {
        List<EvidenceItem> posts = List.of(
                post("social-1", "Tweet $NVDA", "Loving my $NVDA shares, AI demand is huge", 0.7),
                post("social-2", "Tweet $NVDA", "$NVDA breaking out, great quarter", 0.6),
                post("social-3", "Tweet $NVDA", "Took some payday shares off $NVDA, still bullish", 0.4),
                new EvidenceItem("news-1", "Finance-news post on Twitter (Twitter Financial News dataset, zeroshot, "
                        + "MIT licence), offline corpus", "Nvidia shares rise on strong chip demand",
                        "Nvidia shares rise on strong chip demand", null, null, "NVDA", "news", 0.5));
        return new DebateRequest("nvda-no-market-data", "Should I buy Nvidia?", assistantType, List.of("NVDA"),
                new Evidence(posts, List.of()), null, DebateSettings.defaults());
    }

    private static EvidenceItem post(String id, String title, String text, double sentiment) {
        return new EvidenceItem(id, "Tweets on $AAPL and $FB of February 2015 (twitter-stock-sentiment, MIT licence), "
                + "offline corpus", title, text, null, "2015-02-20", "NVDA", "social", sentiment);
    }

    /** AAPL up 22.3% over a year with a 1-day 95% VaR of 2.1%: figures the growth, income and risk mandates all read. */
    static DebateRequest aaplAdvisor() {
        List<QuantFacts> facts = List.of(
                new QuantFacts("q-AAPL-market", "AAPL", "fixture market data", "2018-02-07", Map.of(
                        "price", 159.5, "return1m", -0.061, "return3m", -0.034, "return1y", 0.223, "sma50", 169.8,
                        "sma200", 160.4, "rsi14", 38.2, "macdHistogram", -1.2, "bollingerPctB", 0.12)),
                new QuantFacts("q-AAPL-risk", "AAPL", "fixture analytics", "2018-02-07", Map.of(
                        "volatility", 0.24, "var95", 0.021, "expectedShortfall95", 0.031, "maxDrawdown", -0.11,
                        "beta", 1.2, "sharpe", 0.9)),
                new QuantFacts("q-AAPL-fundamentals", "AAPL", "fixture filings", "2018-02-01", Map.of(
                        "pe", 17.2, "forwardPe", 14.1, "pegRatio", 1.5, "sectorPe", 21.0, "revenueGrowth", 0.13,
                        "epsGrowth", 0.16, "fcfYield", 0.062, "dividendYield", 0.016, "debtToEquity", 0.9)));
        return new DebateRequest("aapl-advisor", "Should I keep Apple for income?", "advisor", List.of("AAPL"),
                new Evidence(List.of(), facts), null, DebateSettings.defaults());
    }

    @Test
    void anNvdaDebateWithoutMarketDataAnswersInsufficientEvidenceNamingIt() {
        DebateRequest request = nvdaWithoutMarketData("analyst");
        DebateOutcome outcome = engine.run(request, DebateInputs.of(new FixtureTools(request)), DebateListener.NONE);

        Recommendation answer = outcome.recommendation();
        assertTrue(answer.insufficientEvidence(), answer.toString());
        assertNull(answer.rating(), "never a buy or a sell");
        assertTrue(answer.missing().contains("market data for NVDA"), answer.missing().toString());
        assertTrue(answer.headline().startsWith("Insufficient evidence on NVDA"), answer.headline());
        assertTrue(answer.headline().contains("market data for NVDA"), answer.headline());
        assertTrue(answer.headline().contains("1 of 4 participants had evidence, 3 abstained"), answer.headline());
        assertEquals(1, answer.withEvidence());
        assertEquals(3, answer.abstained());

        Map<String, Position> finals = outcome.finalPositions().stream()
                .collect(Collectors.toMap(Position::participant, p -> p));
        for (String abstainer : List.of("fundamental", "technical", "risk")) {
            Position position = finals.get(abstainer);
            assertTrue(position.abstained(), abstainer + " has nothing for its mandate");
            assertNull(position.stance());
            assertFalse(position.lacking().isEmpty());
        }
        assertTrue(finals.get("technical").lacking().toString().contains("price trend figures"),
                finals.get("technical").lacking().toString());
        assertFalse(finals.get("sentiment").abstained(), "the posts are the sentiment analyst's evidence");
        assertTrue(outcome.participants().stream().filter(ParticipantSummary::abstained).count() == 3);
        assertEquals(List.of("fundamental", "technical", "risk"), outcome.consensus().abstained());
        assertEquals(1, outcome.consensus().participants(), "abstentions are not counted");
        assertTrue(outcome.rounds().isEmpty(), "nobody revises toward a lone view: " + outcome.stopReason());
        assertTrue(outcome.finalPositions().stream().noneMatch(p -> p.revisedFrom() != null));
    }

    @Test
    void anAdvisorDebateListsEachDownsideRiskOnceAndNoGains() {
        DebateRequest request = aaplAdvisor();
        DebateOutcome outcome = engine.run(request, DebateInputs.of(new FixtureTools(request)), DebateListener.NONE);

        Recommendation answer = outcome.recommendation();
        assertFalse(answer.insufficientEvidence(), answer.toString());
        List<String> risks = answer.risks().stream().map(Note::text).toList();
        assertFalse(risks.isEmpty(), "the VaR is a downside fact");
        assertEquals(risks.size(), Set.copyOf(risks).size(), "each risk once: " + risks);
        assertTrue(risks.stream().anyMatch(r -> r.contains("VaR")), risks.toString());
        assertTrue(risks.stream().noneMatch(r -> r.contains("22.3%")), "a one-year gain is not a risk: " + risks);
        Set<String> bullishClaims = outcome.finalPositions().stream().flatMap(p -> p.arguments().stream())
                .filter(a -> a.direction().equals("bullish")).map(Argument::claim).collect(Collectors.toSet());
        assertTrue(risks.stream().noneMatch(bullishClaims::contains), risks + " against " + bullishClaims);
        assertTrue(answer.headline().endsWith("(3 of 3 participants had evidence, 0 abstained)"), answer.headline());
        assertEquals(3, answer.withEvidence());
    }

    @Test
    void stanceChangesInTheOfflineDebateCiteEvidenceTheParticipantHadNotWeighed() {
        DebateRequest request = DebateFixtures.request("nvda-analyst.json");
        DebateOutcome outcome = engine.run(request, DebateInputs.of(new FixtureTools(request)), DebateListener.NONE);
        int changes = 0;
        Map<String, Set<String>> weighed = new java.util.HashMap<>();
        outcome.initialPositions().forEach(p -> weighed.put(p.participant(), new java.util.HashSet<>(p.citedIds())));
        for (DebateRound round : outcome.rounds()) {
            assertEquals(List.of(), round.rejectedChanges(), "the offline model moves only on new evidence");
            for (Position position : round.positions()) {
                if (round.stanceChanges().contains(position.participant())) {
                    changes++;
                    assertFalse(position.newEvidence().isEmpty(), position.toString());
                    position.newEvidence().forEach(c -> assertFalse(weighed.get(position.participant()).contains(c),
                            c + " was weighed before"));
                    assertTrue(position.arguments().get(0).evidence().containsAll(position.newEvidence()),
                            "the revision's argument cites it");
                }
                weighed.get(position.participant()).addAll(position.citedIds());
            }
        }
        assertTrue(changes > 0, "the fixture's risk manager moves on the technical evidence");
    }

    @Test
    void aStanceChangeWithoutNewEvidenceIsRevertedAndRecorded() {
        Position before = position("risk", Stance.SELL, List.of("q-NVDA-risk#var95"));
        Position moved = position("risk", Stance.HOLD, List.of("q-NVDA-risk#var95"));
        Position checked = EvidenceRules.checkChange(before, moved, Set.of("q-NVDA-risk#var95"));
        assertEquals(Stance.SELL, checked.stance());
        assertNull(checked.revisedFrom());
        assertTrue(checked.rejectedChange().contains("without citing evidence it had not weighed"),
                checked.rejectedChange());

        Position backed = position("risk", Stance.HOLD, List.of("q-NVDA-risk#var95", "q-NVDA-market#return1y"));
        Position accepted = EvidenceRules.checkChange(before, backed, Set.of("q-NVDA-risk#var95"));
        assertEquals(Stance.HOLD, accepted.stance());
        assertEquals(Stance.SELL, accepted.revisedFrom());
        assertEquals(List.of("q-NVDA-market#return1y"), accepted.newEvidence());
    }

    @Test
    void textsAreWeightedBySourceAndAge() {
        EvidenceItem tweet = post("t", "Tweet", "text", 0.5);
        EvidenceItem twitterNews = new EvidenceItem("n", "Finance-news post on Twitter (Twitter Financial News "
                + "dataset), offline corpus", "t", "s", null, null, null, "news", 0.1);
        EvidenceItem wire = new EvidenceItem("w", "Reuters", "t", "s", null, "2025-01-01", null, "news", 0.1);
        assertEquals(0.4, EvidenceWeights.source(tweet));
        assertEquals(0.6, EvidenceWeights.source(twitterNews));
        assertEquals(1.0, EvidenceWeights.source(wire));
        LocalDate reference = LocalDate.parse("2025-01-31");
        assertEquals(1.0, EvidenceWeights.age("2025-01-31", reference));
        assertEquals(0.5, EvidenceWeights.age("2025-01-01", reference), 1e-12, "30 days: one half-life");
        assertEquals(0.25, EvidenceWeights.age("2024-12-02", reference), 1e-12, "60 days: two half-lives");
        assertEquals(EvidenceWeights.UNDATED, EvidenceWeights.age(null, reference));
    }

    @Test
    void theOfflineSentimentClaimSaysWhatItsTextsAre() {
        DebateRequest request = nvdaWithoutMarketData("analyst");
        DebateOutcome outcome = engine.run(request, DebateInputs.of(new FixtureTools(request)), DebateListener.NONE);
        Position sentiment = outcome.finalPositions().stream().filter(p -> p.participant().equals("sentiment"))
                .findFirst().orElseThrow();
        String claim = sentiment.arguments().get(0).claim();
        assertTrue(claim.contains("weighted by source and age (1 finance-news posts on Twitter, 3 social posts)"),
                claim);
    }

    private static Position position(String participant, Stance stance, List<String> cites) {
        return new Position(participant, stance, 0.6, "s", List.of(new Argument("c", cites, "bearish", null)),
                List.of(), null, null, List.of(), List.of(), "m");
    }
}
