package com.finagent.agents.chat;

import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How figures of tool results are written in answers, and which of them an answer quotes. Both directions share the
 * metric conventions of {@link com.finagent.agents.model.AgentProtocol}: stock returns, yields and risk as
 * fractions (written as percentages), macro rates already in percent, rate changes in basis points, the
 * unemployment change in percentage points.
 */
public final class Figures {

    static final Set<String> FRACTIONS = Set.of("dayChange", "return1m", "return3m", "return1y", "revenueGrowth",
            "epsGrowth", "operatingMargin", "fcfYield", "dividendYield", "volatility", "var95", "expectedShortfall95",
            "maxDrawdown", "sectorReturn3m", "relativeStrength3m", "maxWeight");
    private static final Set<String> FRACTION_PREFIXES = Set.of("weight", "pnlPct");
    private static final Set<String> PERCENT = Set.of("policyRate", "inflationYoY", "coreInflationYoY", "gdpGrowth",
            "unemployment", "yield10y");
    private static final Set<String> PERCENTAGE_POINTS = Set.of("unemploymentChange");
    private static final Set<String> BASIS_POINTS = Set.of("policyRateChange", "yield10yChange", "yieldCurve10y2y");

    private static final Map<String, String> LABELS = labels();

    private static final Pattern DATES = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    /** Numerals that are part of a label, not figures: RSI(14), 50-day, 1-year, 95% confidence. */
    private static final Pattern LABEL_NUMERALS = Pattern.compile("\\((?:14|95|95%)\\)|\\b\\d+-(?:day|week|month|year)s?\\b"
            + "|\\b(?:rsi|atr|sma)\\s?\\d+|\\b95% confidence|\\b10y[–-]2y\\b|\\b\\d+[- ]year yield|\\b\\d+-day",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?!\\d)(\\s*(?:trillion|billion|million))?",
            Pattern.CASE_INSENSITIVE);

    private Figures() {
    }

    /** A metric's value as an answer writes it: {@code 227.52}, {@code 18.34%}, {@code 4.25%}, {@code -25 bp}. */
    public static String format(String metric, double value) {
        if (isFraction(metric)) {
            return plain(BigDecimal.valueOf(value).movePointRight(2), 2) + "%";
        }
        if (PERCENT.contains(metric)) {
            return plain(BigDecimal.valueOf(value), 2) + "%";
        }
        if (BASIS_POINTS.contains(metric)) {
            return plain(BigDecimal.valueOf(value), 1) + " bp";
        }
        if (PERCENTAGE_POINTS.contains(metric)) {
            return plain(BigDecimal.valueOf(value), 2) + " pp";
        }
        double abs = Math.abs(value);
        if (abs >= 1e12) {
            return plain(BigDecimal.valueOf(value).movePointLeft(12), 2) + " trillion";
        }
        if (abs >= 1e9) {
            return plain(BigDecimal.valueOf(value).movePointLeft(9), 2) + " billion";
        }
        if (abs >= 1e6) {
            return plain(BigDecimal.valueOf(value).movePointLeft(6), 2) + " million";
        }
        if (abs >= 10_000) {
            BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
            return String.format(Locale.ROOT, "%,." + Math.max(0, rounded.scale()) + "f", rounded);
        }
        return plain(BigDecimal.valueOf(value), abs < 1 ? 4 : 2);
    }

    /** A readable name of a metric: {@code RSI(14)}, {@code 1-year return}, {@code AAPL weight}. */
    public static String label(String metric) {
        String known = LABELS.get(metric);
        if (known != null) {
            return known;
        }
        int dot = metric.indexOf('.');
        if (dot > 0) {
            String prefix = metric.substring(0, dot);
            String symbol = metric.substring(dot + 1);
            return switch (prefix) {
                case "weight" -> symbol + " weight";
                case "pnlPct" -> symbol + " profit/loss";
                default -> metric;
            };
        }
        return metric;
    }

    static boolean isFraction(String metric) {
        int dot = metric.indexOf('.');
        return FRACTIONS.contains(metric) || dot > 0 && FRACTION_PREFIXES.contains(metric.substring(0, dot));
    }

    private static String plain(BigDecimal value, int scale) {
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }

    /**
     * The figures and documents of {@code results} that {@code text} quotes. A number of the text matches a figure
     * when the figure, or the figure as a percentage, rounds to it at the text's precision (a unit word scales it);
     * bare integers below ten match only exactly, since they are mostly counts. A document is cited by its id,
     * title or link. Dates and the numerals of labels ("50-day", "RSI(14)") are not figures.
     */
    public static List<ChatEvidence> cited(String text, List<ToolResult> results) {
        if (text == null || text.isBlank() || results.isEmpty()) {
            return List.of();
        }
        List<Quoted> numbers = numbers(text);
        String lower = text.toLowerCase(Locale.ROOT);
        Map<String, ChatEvidence> cited = new LinkedHashMap<>();
        for (ToolResult result : results) {
            for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
                Double value = metric.getValue();
                if (value == null || !Double.isFinite(value)) {
                    continue;
                }
                for (Quoted quoted : numbers) {
                    if (quoted.matches(value)) {
                        String id = result.id() + "#" + metric.getKey();
                        cited.putIfAbsent(id, new ChatEvidence(id, ChatEvidence.FIGURE, result.tool(), result.symbol(),
                                result.source(), result.asOf(), metric.getKey(), value, null, null));
                        break;
                    }
                }
            }
            for (EvidenceItem item : result.items()) {
                boolean byId = item.id() != null && text.contains(item.id());
                boolean byTitle = item.title() != null && item.title().length() >= 8
                        && lower.contains(item.title().toLowerCase(Locale.ROOT));
                boolean byUrl = item.url() != null && !item.url().isBlank() && text.contains(item.url());
                if (byId || byTitle || byUrl) {
                    cited.putIfAbsent(item.id(), new ChatEvidence(item.id(), ChatEvidence.ITEM, result.tool(),
                            item.symbol() != null ? item.symbol() : result.symbol(), item.source(), item.date(), null,
                            null, item.title(), item.url()));
                }
            }
        }
        return new ArrayList<>(cited.values());
    }

    /** A number written in an answer, scaled by its unit word. */
    private record Quoted(BigDecimal number, BigDecimal unit) {

        boolean matches(double value) {
            BigDecimal figure = BigDecimal.valueOf(value).abs();
            boolean small = number.scale() <= 0 && number.compareTo(BigDecimal.TEN) < 0 && unit.equals(BigDecimal.ONE);
            for (BigDecimal candidate : List.of(figure.divide(unit), figure.movePointRight(2).divide(unit))) {
                if (small ? candidate.compareTo(number) == 0
                        : candidate.setScale(Math.max(0, number.scale()), RoundingMode.HALF_UP).compareTo(number) == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<Quoted> numbers(String text) {
        String cleaned = LABEL_NUMERALS.matcher(DATES.matcher(text).replaceAll(" ")).replaceAll(" ");
        List<Quoted> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(cleaned);
        while (m.find()) {
            String digits = m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2));
            String unitWord = m.group(3) == null ? "" : m.group(3).trim().toLowerCase(Locale.ROOT);
            BigDecimal unit = switch (unitWord) {
                case "trillion" -> BigDecimal.ONE.movePointRight(12);
                case "billion" -> BigDecimal.ONE.movePointRight(9);
                case "million" -> BigDecimal.ONE.movePointRight(6);
                default -> BigDecimal.ONE;
            };
            numbers.add(new Quoted(new BigDecimal(digits), unit));
        }
        return numbers;
    }

    private static Map<String, String> labels() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("price", "price");
        map.put("dayChange", "day change");
        map.put("marketCap", "market cap");
        map.put("return1m", "1-month return");
        map.put("return3m", "3-month return");
        map.put("return1y", "1-year return");
        map.put("high52w", "52-week high");
        map.put("low52w", "52-week low");
        map.put("sma50", "50-day average");
        map.put("sma200", "200-day average");
        map.put("rsi14", "RSI(14)");
        map.put("macdHistogram", "MACD histogram");
        map.put("bollingerPctB", "Bollinger %B");
        map.put("atr14", "ATR(14)");
        map.put("volatility", "annualised volatility");
        map.put("var95", "1-day value at risk (95% confidence)");
        map.put("expectedShortfall95", "expected shortfall (95% confidence)");
        map.put("maxDrawdown", "maximum drawdown");
        map.put("beta", "beta");
        map.put("sharpe", "Sharpe ratio");
        map.put("pe", "P/E");
        map.put("forwardPe", "forward P/E");
        map.put("pegRatio", "PEG ratio");
        map.put("pb", "price/book");
        map.put("debtToEquity", "debt/equity");
        map.put("revenueGrowth", "revenue growth");
        map.put("epsGrowth", "EPS growth");
        map.put("operatingMargin", "operating margin");
        map.put("fcfYield", "free-cash-flow yield");
        map.put("dividendYield", "dividend yield");
        map.put("sectorReturn3m", "sector 3-month return");
        map.put("relativeStrength3m", "3-month strength against the sector");
        map.put("sectorPe", "sector P/E");
        map.put("policyRate", "policy rate");
        map.put("policyRateChange", "policy-rate change over 3 months");
        map.put("inflationYoY", "inflation");
        map.put("coreInflationYoY", "core inflation");
        map.put("gdpGrowth", "GDP growth");
        map.put("unemployment", "unemployment");
        map.put("unemploymentChange", "unemployment change over 12 months");
        map.put("payrollsChange", "payrolls change over the month (thousand jobs)");
        map.put("yield10y", "10-year yield");
        map.put("yield10yChange", "10-year yield change");
        map.put("yieldCurve10y2y", "10y-2y curve");
        map.put("pmi", "PMI");
        map.put("totalValue", "total value");
        map.put("maxWeight", "largest position weight");
        map.put("hhi", "concentration (HHI)");
        return Map.copyOf(map);
    }
}
