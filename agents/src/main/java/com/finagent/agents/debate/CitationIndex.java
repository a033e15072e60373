package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a participant may cite and quote: the ids of the evidence, its tool results and the portfolio, and every
 * number in them. Checks citations and flags figures in claims that match no known number.
 */
final class CitationIndex {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d[\\d,]*(?:\\.\\d+)?)(\\s*%|\\s*bp)?");
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?");
    /** Conventional confidence levels written as labels ("95% VaR"), not figures. */
    private static final Set<String> LEVELS = Set.of("90", "95", "97.5", "99");
    /** Kind of a cited id that names figures (a facts block or a tool result). */
    static final String FIGURES = "figures";
    /** Kind of a cited id that names a position of the user's portfolio. */
    static final String PORTFOLIO = "portfolio";

    private final Set<String> ids = new HashSet<>();
    private final Map<String, Set<String>> metrics = new HashMap<>();
    private final Map<String, String> symbols = new HashMap<>();
    /** What each id is: an item's category, {@link #FIGURES} or {@link #PORTFOLIO}. */
    private final Map<String, String> kinds = new HashMap<>();
    /** Every number of the evidence, once: indexes are merged round after round. */
    private final Set<Double> numbers = new LinkedHashSet<>();

    static CitationIndex of(Evidence evidence, PortfolioContext portfolio) {
        CitationIndex index = new CitationIndex();
        for (EvidenceItem item : evidence.items()) {
            index.addItem(item);
        }
        for (QuantFacts facts : evidence.facts()) {
            index.addMetrics(facts.id(), facts.symbol(), facts.metrics());
        }
        if (portfolio != null) {
            addNumber(index.numbers, portfolio.totalValue());
            for (PortfolioPosition position : portfolio.positions()) {
                String id = AgentProtocol.PORTFOLIO_PREFIX + position.symbol().toUpperCase(Locale.ROOT);
                index.ids.add(id);
                index.kinds.put(id, PORTFOLIO);
                index.symbols.put(id, position.symbol().toUpperCase(Locale.ROOT));
                addNumber(index.numbers, position.quantity());
                addNumber(index.numbers, position.weight());
                addNumber(index.numbers, position.marketValue());
                addNumber(index.numbers, position.unrealizedPnl());
                addNumber(index.numbers, position.unrealizedPnlPct());
            }
        }
        return index;
    }

    CitationIndex copy() {
        CitationIndex copy = new CitationIndex();
        copy.addAll(this);
        return copy;
    }

    void addAll(CitationIndex other) {
        ids.addAll(other.ids);
        other.metrics.forEach((id, names) -> metrics.computeIfAbsent(id, k -> new HashSet<>()).addAll(names));
        symbols.putAll(other.symbols);
        kinds.putAll(other.kinds);
        numbers.addAll(other.numbers);
    }

    void add(ToolResult result) {
        if (result == null || result.id() == null) {
            return;
        }
        addMetrics(result.id(), result.symbol(), result.metrics());
        for (EvidenceItem item : result.items()) {
            addItem(item);
        }
    }

    private void addItem(EvidenceItem item) {
        ids.add(item.id());
        kinds.put(item.id(), item.category() == null ? "news" : item.category());
        if (item.symbol() != null) {
            symbols.put(item.id(), item.symbol().toUpperCase(Locale.ROOT));
        }
        addNumber(numbers, item.sentiment());
        for (String text : new String[]{item.title(), item.snippet()}) {
            if (text != null) {
                Matcher matcher = NUMBER_IN_TEXT.matcher(text);
                while (matcher.find()) {
                    numbers.add(Double.parseDouble(matcher.group().replace(",", "")));
                }
            }
        }
    }

    private void addMetrics(String id, String symbol, Map<String, Double> values) {
        ids.add(id);
        if (!values.isEmpty()) {
            kinds.put(id, FIGURES);
        }
        symbols.put(id, symbol == null ? AgentProtocol.MACRO : symbol.toUpperCase(Locale.ROOT));
        metrics.computeIfAbsent(id, k -> new HashSet<>()).addAll(values.keySet());
        values.values().forEach(v -> addNumber(numbers, v));
    }

    private static void addNumber(Set<Double> numbers, Double value) {
        if (value != null && !value.isNaN()) {
            numbers.add(value);
        }
    }

    /** Whether {@code citation} names known evidence: an id, or {@code id#metric} with that metric. */
    boolean valid(String citation) {
        if (citation == null) {
            return false;
        }
        int hash = citation.indexOf('#');
        if (hash < 0) {
            return ids.contains(citation);
        }
        return metrics.getOrDefault(citation.substring(0, hash), Set.of()).contains(citation.substring(hash + 1));
    }

    /** What a valid citation is: an item's category, {@link #FIGURES} or {@link #PORTFOLIO}; null if unknown. */
    String kind(String citation) {
        int hash = citation.indexOf('#');
        return kinds.get(hash < 0 ? citation : citation.substring(0, hash));
    }

    /** The symbol a citation concerns ({@link AgentProtocol#MACRO} for market-wide figures), null if none. */
    String symbol(String citation) {
        int hash = citation.indexOf('#');
        return symbols.get(hash < 0 ? citation : citation.substring(0, hash));
    }

    /** Whether any figures about {@code symbol} are known: the market data a rating of it needs. */
    boolean hasFigures(String symbol) {
        String wanted = symbol.toUpperCase(Locale.ROOT);
        return kinds.entrySet().stream().anyMatch(e -> e.getValue().equals(FIGURES)
                && wanted.equals(symbols.get(e.getKey())));
    }

    /**
     * What two participants agree on when they cite it: the symbol and metric of a figure (so each one's own tool
     * result of the same figure counts as the same point), or the item id.
     */
    String agreementKey(String citation) {
        int hash = citation.indexOf('#');
        if (hash < 0) {
            return citation;
        }
        String symbol = symbols.getOrDefault(citation.substring(0, hash), "?");
        return symbol + "#" + citation.substring(hash + 1);
    }

    /** Figures in {@code text} that match no number of the evidence, as written. */
    List<String> unverifiedNumbers(String text) {
        List<String> unverified = new ArrayList<>();
        if (text == null) {
            return unverified;
        }
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group(1).replace(",", "");
            String unit = matcher.group(2) == null ? "" : matcher.group(2).trim();
            if (exempt(text, matcher.end(), digits, unit)) {
                continue;
            }
            if (!known(new BigDecimal(digits), unit)) {
                unverified.add(matcher.group().trim());
            }
        }
        return unverified;
    }

    private static boolean exempt(String text, int end, String digits, String unit) {
        boolean integer = !digits.contains(".");
        if (unit.equals("%") && LEVELS.contains(digits)) {
            return true;
        }
        if (!integer || !unit.isEmpty()) {
            return false;
        }
        long value = Long.parseLong(digits.length() > 12 ? "999999999999" : digits);
        String after = text.substring(end, Math.min(text.length(), end + 7)).toLowerCase(Locale.ROOT);
        // counts, window lengths ("200-day", "RSI(14)", "10y") and years are labels, not figures
        return value <= 100 || (value >= 1900 && value <= 2100) || after.startsWith("-day") || after.startsWith(" day")
                || after.startsWith("-week") || after.startsWith("-month") || after.startsWith("-year")
                || after.startsWith("d ") || after.startsWith("y");
    }

    private boolean known(BigDecimal printed, String unit) {
        double x = printed.doubleValue();
        double tolerance = 0.5 * Math.pow(10, -Math.max(0, printed.scale())) + 1e-9;
        for (double v : numbers) {
            double a = Math.abs(v);
            if (Math.abs(x - a) <= tolerance || Math.abs(x - a * 100) <= tolerance
                    || (unit.equals("bp") && Math.abs(x - a * 10_000) <= tolerance)) {
                return true;
            }
        }
        return false;
    }
}
