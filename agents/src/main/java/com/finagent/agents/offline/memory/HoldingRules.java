package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.MemoryKind;

import java.util.List;

import static com.finagent.agents.offline.memory.Rule.I_AM;

/** Securities the user holds or is interested in: "I own 50 shares of AAPL", "I'm thinking about buying $TSLA". */
final class HoldingRules {

    /** A ticker ({@code AAPL}, {@code $NVDA}, {@code BRK.B}) or a capitalised name ({@code Apple}); case-sensitive. */
    private static final String NAME = "(?-i:\\$?([A-Z][A-Za-z&\\-]*(?:\\.[A-Z])?))";

    private HoldingRules() {
    }

    static List<Rule> rules() {
        MemoryKind k = MemoryKind.HOLDING_INTEREST;
        return List.of(
                Rule.of(k, "\\bi\\s+(?:own|have|hold|bought|purchased|got)\\s+(\\d[\\d,]*(?:\\.\\d+)?)\\s+(?:shares?|"
                                + "stocks?|units?)\\s+(?:of\\s+|in\\s+)?" + NAME,
                        m -> {
                            String name = Securities.name(m.group(2), true);
                            return name == null ? null : List.of("The user owns " + m.group(1) + " "
                                    + (m.group(1).equals("1") ? "share" : "shares") + " of " + name + ".");
                        }),
                Rule.of(k, "\\bi\\s+(?:own|hold|have)\\s+(?:some\\s+|a\\s+few\\s+|a\\s+lot\\s+of\\s+|shares\\s+(?:of|"
                                + "in)\\s+|(?:a|an)\\s+(?:small\\s+|big\\s+|large\\s+)?(?:position|stake)\\s+in\\s+|"
                                + "stock\\s+in\\s+)?" + NAME + "(\\s+(?:shares|stock))?",
                        m -> holds(Securities.name(m.group(1), m.group(2) != null || m.group(0)
                                .matches("(?i)^i\\s+(?:own|hold)\\b.*|.*\\b(?:shares|stock|position|stake)\\b.*")))),
                Rule.of(k, "\\bmy\\s+(?:position|shares|stake|holding|investment)s?\\s+in\\s+" + NAME,
                        m -> holds(Securities.name(m.group(1), true))),
                Rule.of(k, "\\b" + I_AM + "\\s+(?:(?:really|very|quite|also|particularly|especially|"
                                + "mostly)\\s+)?(?:interested\\s+in|looking\\s+(?:at|into)|watching|considering|"
                                + "thinking\\s+(?:about|of)|keen\\s+on|bullish\\s+on|eyeing|"
                                + "curious\\s+about)\\s+(?:buying\\s+|adding\\s+|investing\\s+in\\s+|"
                                + "getting\\s+into\\s+)?(?:some\\s+)?" + NAME,
                        m -> interestedIn(Securities.name(m.group(1), true))),
                Rule.of(k, "\\bi\\s+(?:want|plan|intend|would like|'d like|hope)\\s+to\\s+(?:buy|invest\\s+in|add|get|"
                                + "start\\s+a\\s+position\\s+in)\\s+(?:more\\s+|some\\s+|a\\s+few\\s+shares\\s+of\\s+)?"
                                + NAME,
                        m -> interestedIn(Securities.name(m.group(1), true))),
                Rule.of(k, "\\bi\\s+(?:really\\s+)?(?:like|love)\\s+" + NAME + "(?:\\s+(?:stock|shares))?\\s*$",
                        m -> interestedIn(Securities.ticker(m.group(1)))));
    }

    private static List<String> holds(String security) {
        return security == null ? null : List.of("The user holds " + security + ".");
    }

    private static List<String> interestedIn(String security) {
        return security == null ? null : List.of("The user is interested in " + security + ".");
    }
}
