package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The debate's evidence discipline, enforced in code on every model's answers (the offline model's and any language
 * model's alike), because a prompt alone does not bind a model:
 * <ul>
 *     <li>a participant whose arguments cite no evidence of a kind its mandate weighs abstains: no stance, not
 *     counted, with what it lacked ({@link #checkBacking});</li>
 *     <li>a participant changes its stance only by citing evidence it had not weighed before; a change without such
 *     a citation is reverted and recorded ({@link #checkChange});</li>
 *     <li>a rating needs market data for every symbol and evidence for at least {@link #MIN_MANDATES} mandates,
 *     otherwise the answer is "insufficient evidence" naming what was missing ({@link #missing});</li>
 *     <li>risks are downside facts, each once ({@link #risks}).</li>
 * </ul>
 */
final class EvidenceRules {

    /** Distinct mandates that must have evidence before the debate may rate. */
    static final int MIN_MANDATES = 2;

    /** Kinds of evidence a mandate can weigh; a citation of one of them backs a stance. */
    private enum Need {
        MARKET("market data (price, trend, valuation or risk figures) for %s"),
        FILINGS("filings on %s"),
        TEXTS("news, social posts, analyst notes or filings on %s"),
        MACRO_FIGURES("macro figures (policy rate, inflation, growth, yields)"),
        MACRO_TEXTS("macro or rates headlines"),
        SECTOR_TEXTS("sector news on %s"),
        PORTFOLIO("the user's position in %s"),
        ANY("any evidence on %s");

        private final String description;

        Need(String description) {
            this.description = description;
        }

        String describe(List<String> symbols) {
            return String.format(Locale.ROOT, description, String.join(", ", symbols));
        }
    }

    private static final Set<String> TEXT_CATEGORIES = Set.of("news", "social", "analyst", "filing");
    private static final Set<String> MACRO_CATEGORIES = Set.of("macro", "rates", "statistic");
    private static final Map<String, List<Need>> NEEDS = new LinkedHashMap<>();

    static {
        NEEDS.put("fundamental", List.of(Need.MARKET, Need.FILINGS));
        NEEDS.put("technical", List.of(Need.MARKET));
        NEEDS.put("momentum", List.of(Need.MARKET));
        NEEDS.put("meanReversion", List.of(Need.MARKET));
        NEEDS.put("sentiment", List.of(Need.TEXTS));
        NEEDS.put("risk", List.of(Need.MARKET, Need.PORTFOLIO));
        NEEDS.put("hedging", List.of(Need.MARKET, Need.PORTFOLIO));
        NEEDS.put("macro", List.of(Need.MACRO_FIGURES, Need.MACRO_TEXTS));
        NEEDS.put("rates", List.of(Need.MACRO_FIGURES, Need.MACRO_TEXTS));
        NEEDS.put("sector", List.of(Need.MARKET, Need.SECTOR_TEXTS));
        NEEDS.put("growth", List.of(Need.MARKET, Need.FILINGS));
        NEEDS.put("incomeValue", List.of(Need.MARKET, Need.FILINGS));
    }

    private EvidenceRules() {
    }

    /**
     * The position as the rules let it stand: an abstention (the model's own, or because no argument cites evidence
     * of a kind the mandate weighs) carries what was lacking; any other position is returned as it is.
     */
    static Position checkBacking(Position position, Participant participant, CitationIndex index,
                                 List<String> symbols) {
        List<Need> needs = NEEDS.getOrDefault(participant.mandate(), List.of(Need.ANY));
        List<String> lacking = needs.stream().map(n -> n.describe(symbols)).toList();
        if (position.abstained()) {
            return position.lacking().isEmpty() ? position.abstaining(lacking) : position;
        }
        Set<String> wanted = upper(symbols);
        boolean backed = position.arguments().stream().flatMap(a -> a.evidence().stream())
                .anyMatch(citation -> needs.stream().anyMatch(need -> meets(need, citation, index, wanted)));
        return backed ? position : position.abstaining(lacking);
    }

    private static boolean meets(Need need, String citation, CitationIndex index, Set<String> symbols) {
        String kind = index.kind(citation);
        if (kind == null) {
            return false;
        }
        String symbol = index.symbol(citation);
        boolean aboutSymbols = symbol != null && symbols.contains(symbol);
        boolean marketWide = symbol == null || symbol.equals(AgentProtocol.MACRO);
        return switch (need) {
            case MARKET -> kind.equals(CitationIndex.FIGURES) && aboutSymbols;
            case FILINGS -> kind.equals("filing") && aboutSymbols;
            case TEXTS -> TEXT_CATEGORIES.contains(kind) && (aboutSymbols || marketWide);
            case MACRO_FIGURES -> kind.equals(CitationIndex.FIGURES) && marketWide;
            case MACRO_TEXTS -> MACRO_CATEGORIES.contains(kind);
            case SECTOR_TEXTS -> kind.equals("sector");
            case PORTFOLIO -> kind.equals(CitationIndex.PORTFOLIO) && aboutSymbols;
            case ANY -> true;
        };
    }

    /**
     * A round's position against the participant's previous one: a stance change stands only when the position
     * cites evidence outside {@code weighed} (every citation of the participant's earlier positions), and those
     * citations are recorded as its backing; otherwise the previous stance is restored and the attempt recorded.
     */
    static Position checkChange(Position previous, Position next, Set<String> weighed) {
        if (previous == null || previous.abstained() || next.abstained()) {
            return next;
        }
        if (previous.stance() == next.stance()) {
            return next.revised(next.stance(), null, List.of(), null);
        }
        List<String> fresh = next.citedIds().stream().filter(c -> !weighed.contains(c)).toList();
        if (!fresh.isEmpty()) {
            return next.revised(next.stance(), previous.stance(), fresh, null);
        }
        return next.revised(previous.stance(), null, List.of(), "moved from " + previous.stance() + " to "
                + next.stance() + " without citing evidence it had not weighed before; the change was rejected and "
                + previous.stance() + " kept");
    }

    /**
     * What the debate lacks for a rating, empty when it may rate: market data for each symbol, and evidence for at
     * least {@link #MIN_MANDATES} mandates among the positions that took a stance.
     */
    static List<String> missing(List<String> symbols, CitationIndex index, List<Position> counted,
                                Map<String, Participant> participants) {
        List<String> missing = new ArrayList<>();
        for (String symbol : symbols) {
            if (!index.hasFigures(symbol)) {
                missing.add("market data for " + symbol.toUpperCase(Locale.ROOT));
            }
        }
        Set<String> mandates = counted.stream().map(p -> participants.get(p.participant()))
                .map(p -> p == null ? "" : p.mandate()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (mandates.size() < MIN_MANDATES) {
            // what each abstainer lacked stays on its position; the headline names the gap
            missing.add("evidence for at least " + MIN_MANDATES + " mandates (" + (mandates.isEmpty() ? "none"
                    : "only " + String.join(", ", mandates)) + " had any)");
        }
        return missing;
    }

    /**
     * The risks as downside facts, each once: a risk is dropped when its text repeats an earlier one, when it
     * restates an argument a participant made for the upside, or when everything it cites was cited only for the
     * upside.
     */
    static List<Note> risks(List<Note> risks, Collection<Position> positions) {
        Map<String, String> directionByClaim = new LinkedHashMap<>();
        Map<String, Set<String>> directionsByCitation = new LinkedHashMap<>();
        for (Position position : positions) {
            for (Argument argument : position.arguments()) {
                directionByClaim.merge(normal(argument.claim()), argument.direction(),
                        (a, b) -> a.equals(b) ? a : "mixed");
                for (String citation : argument.evidence()) {
                    directionsByCitation.computeIfAbsent(citation, c -> new LinkedHashSet<>()).add(argument.direction());
                }
            }
        }
        Map<String, Note> kept = new LinkedHashMap<>();
        for (Note risk : risks) {
            String text = normal(risk.text());
            if (text.isEmpty() || kept.containsKey(text)) {
                continue;
            }
            if ("bullish".equals(directionByClaim.get(text))) {
                continue;
            }
            boolean upsideOnly = !risk.evidence().isEmpty() && risk.evidence().stream()
                    .allMatch(c -> directionsByCitation.getOrDefault(c, Set.of()).equals(Set.of("bullish")));
            if (!upsideOnly) {
                kept.put(text, risk);
            }
        }
        return new ArrayList<>(kept.values());
    }

    /** "N of M participants had evidence, K abstained" (and F failed, when some did). */
    static String evidenceLine(int withEvidence, int abstained, int participants) {
        int failed = participants - withEvidence - abstained;
        return withEvidence + " of " + participants + " participants had evidence, " + abstained + " abstained"
                + (failed > 0 ? ", " + failed + " failed" : "");
    }

    private static String normal(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\s]+", " ").replaceAll("[.;:!\\s]+$", "")
                .trim();
    }

    private static Set<String> upper(List<String> symbols) {
        return symbols.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
