package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.MemoryKind;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;

import static com.finagent.agents.offline.memory.Rule.I_AM;

/** What the user does not want to invest in: "I don't like tobacco stocks", "I'm not interested in crypto". */
final class DislikeRules {

    private DislikeRules() {
    }

    static List<Rule> rules() {
        MemoryKind k = MemoryKind.DISLIKE;
        Function<Matcher, List<String>> avoid = m -> Phrases.parts(m.group(1)).stream()
                .map(p -> "The user does not want to invest in " + p + ".").toList();
        return List.of(
                Rule.of(k, "\\bi\\s+(?:don't|do not|never|won't|will not)\\s+(?:want\\s+(?:to\\s+(?:own|buy|"
                                + "invest\\s+in|hold|touch)\\s+)?|like\\s+|invest\\s+in\\s+|buy\\s+|touch\\s+|"
                                + "trust\\s+|care\\s+for\\s+|believe\\s+in\\s+|own\\s+)(?:any\\s+|owning\\s+|"
                                + "investing\\s+in\\s+)?" + Phrases.REGEX, avoid),
                Rule.of(k, "\\bi\\s+(?:hate|dislike|avoid|detest|refuse\\s+to\\s+(?:own|buy|invest\\s+in|"
                                + "touch))\\s+(?:owning\\s+|investing\\s+in\\s+)?" + Phrases.REGEX, avoid),
                Rule.of(k, "\\bi(?:'d|\\s+would)\\s+(?:rather\\s+not|prefer\\s+not\\s+to|"
                                + "like\\s+to\\s+avoid)\\s+(?:own|buy|invest\\s+in|hold|touch)?\\s*" + Phrases.REGEX,
                        avoid),
                Rule.of(k, "\\b(?:keep\\s+me\\s+away\\s+from|" + I_AM + "\\s+not\\s+(?:interested\\s+in|into|"
                                + "a\\s+fan\\s+of|comfortable\\s+(?:with|owning)|investing\\s+in)|no\\s+more)\\s+"
                                + Phrases.REGEX, avoid));
    }
}
