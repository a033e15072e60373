package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.MemoryKind;

import java.util.List;
import java.util.Locale;

import static com.finagent.agents.offline.memory.Rule.I_AM;

/** Risk tolerance, worded as low, moderate or high: "I can't afford to lose much", "I'm pretty aggressive". */
final class RiskToleranceRules {

    private RiskToleranceRules() {
    }

    static List<Rule> rules() {
        MemoryKind k = MemoryKind.RISK_TOLERANCE;
        return List.of(
                Rule.of(k, "\\b(?:" + I_AM + "\\s+not\\s+(?:comfortable|ok|okay|fine|happy)\\s+with|i\\s+(?:don't|"
                                + "do not)\\s+(?:like|want|enjoy|need|handle|tolerate)|i\\s+(?:hate|dislike|"
                                + "avoid))\\s+(?:much\\s+|a lot of\\s+|any\\s+|too much\\s+|big\\s+|high\\s+)?(?:risk|"
                                + "volatility|swings|big losses|losses|drawdowns)\\b",
                        m -> risk("low")),
                Rule.of(k, "\\bi\\s+(?:can't|cannot|can not|couldn't|won't|don't want to|do not want to|"
                                + "hate to)\\s+(?:afford to\\s+|stand to\\s+|bear to\\s+)?(?:lose|stomach|handle|"
                                + "tolerate|take|risk|afford)\\b.*\\b(?:money|loss|losses|risk|risks|volatility|swings|"
                                + "drawdowns?|savings|capital|much|lot|it|them|any|anything)\\b",
                        m -> risk("low")),
                Rule.of(k, "\\b" + I_AM + "\\s+(?:(?:a|an|very|quite|pretty|fairly|rather|rather an?|more of an?|"
                                + "somewhat|generally|mostly|really|an extremely|extremely)\\s+)*(conservative|"
                                + "cautious|risk[- ]averse|careful|moderate|balanced|aggressive|risk[- ]tolerant|"
                                + "risk[- ]seeking|speculative)\\b",
                        m -> risk(level(m.group(1)))),
                Rule.of(k, "\\b(?:i\\s+have\\s+(?:a\\s+|an\\s+|very\\s+|quite\\s+|pretty\\s+)*|my\\s+)(?:(very|quite|"
                                + "pretty|fairly)\\s+)?(low|lower|small|minimal|limited|moderate|medium|average|high|"
                                + "higher|big|large|significant)\\s+(?:risk\\s+tolerance|tolerance\\s+for\\s+risk|"
                                + "appetite\\s+for\\s+risk|risk\\s+appetite)",
                        m -> risk(level(m.group(2)))),
                Rule.of(k, "\\bmy\\s+risk\\s+(?:tolerance|appetite|profile)\\s+is\\s+(?:(?:very|quite|pretty|fairly|"
                                + "rather)\\s+)?(low|moderate|medium|average|high|conservative|aggressive|balanced)\\b",
                        m -> risk(level(m.group(1)))),
                Rule.of(k, "\\bi\\s+(?:prefer|want|like|need|favou?r)\\s+(?:to\\s+(?:keep|take)\\s+)?(?:(?:a|very|the|"
                                + "fairly|quite)\\s+)?(low|lower|minimal|less|little|limited|moderate|high|higher|"
                                + "more)\\s+(?:risk|volatility)\\b",
                        m -> risk(level(m.group(1)))),
                Rule.of(k, "\\b" + I_AM + "\\s+(?:comfortable|fine|ok|okay|happy)\\s+with\\s+(a lot of\\s+|high\\s+|"
                                + "higher\\s+|more\\s+|big\\s+|some\\s+|moderate\\s+)?(?:risk|volatility|swings)\\b",
                        m -> risk(m.group(1) != null && m.group(1).trim().matches("some|moderate")
                                ? "moderate" : "high")));
    }

    private static List<String> risk(String level) {
        return level == null ? null : List.of("The user has a " + level + " risk tolerance.");
    }

    /** The risk level a word names ("cautious" is low), or null when it names none. */
    static String level(String word) {
        return switch (word.toLowerCase(Locale.ROOT).replace(' ', '-')) {
            case "conservative", "cautious", "risk-averse", "careful", "low", "lower", "small", "minimal", "limited",
                    "less", "little" -> "low";
            case "moderate", "balanced", "medium", "average" -> "moderate";
            case "aggressive", "risk-tolerant", "risk-seeking", "speculative", "high", "higher", "big", "large",
                    "significant", "more" -> "high";
            default -> null;
        };
    }
}
