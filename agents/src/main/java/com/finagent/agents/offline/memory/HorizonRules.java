package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.MemoryKind;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import static com.finagent.agents.offline.memory.Rule.I_AM;

/** The investment horizon: a span ("my horizon is 10 years"), a retirement or a dated goal, or long or short term. */
final class HorizonRules {

    /** A year, a span, or an age. */
    private static final String WHEN = "((?:19|20)\\d{2}|(?:about |around |roughly )?\\d{1,2}\\s+(?:years?|months?)|"
            + "(?:age\\s+)?\\d{2}(?!\\s*%))";

    private HorizonRules() {
    }

    static List<Rule> rules() {
        MemoryKind k = MemoryKind.HORIZON;
        return List.of(
                Rule.of(k, "\\bmy\\s+(?:investment\\s+|investing\\s+|time\\s+)?horizon\\s+is\\s+(?:about\\s+|"
                                + "around\\s+|roughly\\s+|at least\\s+)?(\\d{1,2})\\s*(years?|months?)",
                        m -> horizon(m.group(1), m.group(2))),
                Rule.of(k, "\\b(\\d{1,2})[- ](year|month)s?[- ](?:investment\\s+|time\\s+|investing\\s+)?horizon",
                        m -> horizon(m.group(1), m.group(2))),
                Rule.of(k, "\\b" + I_AM + "\\s+(investing|saving)\\s+for\\s+(?:my\\s+|the\\s+|a\\s+|"
                                + "our\\s+)?(retirement|house|home|down payment|kids'? college|college|education|"
                                + "children's education|wedding|car|kids|children)\\s+(in|by)\\s+" + WHEN,
                        m -> List.of("The user is " + m.group(1).toLowerCase(Locale.ROOT) + " for "
                                + article(m.group(2)) + " " + m.group(3).toLowerCase(Locale.ROOT) + " " + m.group(4)
                                + ".")),
                Rule.of(k, "\\bi\\s+(?:plan|want|hope|expect|intend|would like|'d like)\\s+to\\s+retire\\s+(in|by|"
                                + "at)\\s+" + WHEN,
                        HorizonRules::retirement),
                Rule.of(k, "\\b(?:i'll|i\\s+will|" + I_AM + "\\s+going\\s+to)\\s+retire\\s+(in|by|at)\\s+" + WHEN,
                        HorizonRules::retirement),
                Rule.of(k, "\\b" + I_AM + "\\s+retiring\\s+(in|by|at)\\s+" + WHEN,
                        HorizonRules::retirement),
                Rule.of(k, "\\bi\\s+need\\s+(?:the\\s+|this\\s+|that\\s+|my\\s+)?(?:money|cash|funds|"
                                + "savings)\\s+(?:back\\s+)?in\\s+(\\d{1,2})\\s+(years?|months?)",
                        m -> List.of("The user needs the money in " + m.group(1) + " " + unit(m.group(1), m.group(2))
                                + ".")),
                Rule.of(k, "\\bi(?:'m|\\s+am|'ll|\\s+will|\\s+plan\\s+to|\\s+want\\s+to)\\s+(?:be\\s+)?(?:investing|"
                                + "invest|holding|hold|in\\s+it|in\\s+this)\\s+for\\s+(?:the\\s+next\\s+|about\\s+|"
                                + "at least\\s+)?(\\d{1,2})\\s+(years?|months?)",
                        m -> horizon(m.group(1), m.group(2))),
                Rule.of(k, "\\b(?:" + I_AM + "\\s+an?\\s+(long|short)[- ]term\\s+(?:investor|trader|holder)|" + I_AM
                                + "\\s+(?:investing|in\\s+it|in\\s+this|saving)\\s+for\\s+the\\s+(long|"
                                + "short)\\s+(?:term|run|haul))",
                        m -> List.of("The user has a " + (m.group(1) != null ? m.group(1) : m.group(2))
                                .toLowerCase(Locale.ROOT) + "-term investment horizon.")));
    }

    private static List<String> horizon(String count, String unit) {
        return List.of("The user's investment horizon is " + count + " " + unit(count, unit) + ".");
    }

    private static List<String> retirement(Matcher m) {
        return List.of("The user plans to retire " + m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2) + ".");
    }

    private static String unit(String count, String unit) {
        String singular = unit.toLowerCase(Locale.ROOT).replaceAll("s$", "");
        return count.equals("1") ? singular : singular + "s";
    }

    /** A goal with the article it takes in a sentence: "a house", "retirement", "the kids". */
    static String article(String goal) {
        String g = goal.toLowerCase(Locale.ROOT);
        return switch (g) {
            case "house", "home", "car", "wedding", "down payment" -> "a " + g;
            case "retirement", "education", "college" -> g;
            default -> "the " + g;
        };
    }
}
