package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;
import com.finagent.agents.memory.extraction.ExtractionRules;
import com.finagent.agents.offline.text.WordLists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline extractor: first-person statements matched clause by clause against patterns for each
 * {@link MemoryKind}. Questions, hypotheticals and statements about other people give nothing, so that asking
 * "Is a high risk tolerance bad?" never records a risk tolerance. A clause gives at most one kind; the kinds are
 * tried from the most specific (risk tolerance, horizon) to the most general (fact).
 */
public final class MemoryRules implements ExtractionRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** A ticker ({@code AAPL}, {@code $NVDA}, {@code BRK.B}) or a capitalised name ({@code Apple}); case-sensitive. */
    private static final String NAME = "(?-i:\\$?([A-Z][A-Za-z&\\-]*(?:\\.[A-Z])?))";
    /** A noun phrase up to the end of the clause. */
    private static final String PHRASE = "([a-z0-9$&'.,/\\- ]{2,80}?)(?:\\s+(?:at all|anymore|any more|in my portfolio|"
            + "for me|either|please))?(?=\\s+(?:because|since|as|but|though|although|so|unless|when|which|that|due|"
            + "given)\\b|\\s*$)";
    private static final String FIRST_PERSON = "(?:i|i'm|i've|i'd|i'll|my|me|we|we're|our)";
    private static final String I_AM = "i(?:'m|\\s+am)";

    private static final Pattern FIRST_PERSON_WORD = Pattern.compile("\\b" + FIRST_PERSON + "\\b", FLAGS);
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?;])\\s+|\\n+");
    private static final Pattern CLAUSES = Pattern.compile(
            "\\s*,?\\s+(?:and|but|so|because|although|though|while|plus|given(?:\\s+that)?|since|as)\\s+(?="
                    + FIRST_PERSON + "\\b)"
                    + "|\\s*,\\s*(?=(?:what|how|which|why|should|can|could|would|is|are|do|does|will|any)\\b)"
                    + "|\\s+-+\\s+", FLAGS);
    private static final Pattern FILLER = Pattern.compile("^(?:well|also|actually|honestly|personally|btw|by the way|"
            + "fyi|just so you know|for (?:the )?record|note that|remember(?: that)?|ok(?:ay)?|so|and|but|oh|hi|hey|"
            + "hello|yes|yeah|no|anyway|generally|in general|as for me|for context|to be clear)\\b[,:!]?\\s*", FLAGS);
    private static final Pattern QUESTION = Pattern.compile("^(?:what|what's|how|which|why|when|where|who|whom|whose|"
            + "should|shall|can|could|would|will|is|are|am|do|does|did|may|might|have|has|tell|show|give|explain|"
            + "compare|list|find|get|please)\\b", FLAGS);
    private static final Pattern HYPOTHETICAL = Pattern.compile("\\b(?:if|suppose|supposing|imagine|hypothetically|"
            + "pretend|assuming|assume|say)\\b", FLAGS);
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|never|no)\\b|n't\\b", FLAGS);

    private static final WordLists WORDS = WordLists.load(MemoryRules.class, "memory-words.txt");
    private static final Set<String> NOT_NAMES = WORDS.set("not-names");
    private static final Set<String> NOT_PHRASE_HEADS = WORDS.set("not-phrase-heads");
    private static final Set<String> NOT_OCCUPATIONS = WORDS.set("not-occupations");

    private record Rule(MemoryKind kind, Pattern pattern, Function<Matcher, List<String>> texts) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /** Compiles the rules once; an instance is immutable and thread-safe. */
    public MemoryRules() {
        riskRules();
        horizonRules();
        holdingRules();
        dislikeRules();
        preferenceRules();
        factRules();
    }

    @Override
    public List<Memory> extract(String message) {
        Set<Memory> found = new LinkedHashSet<>();
        if (message == null || message.isBlank()) {
            return List.of();
        }
        String text = message.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"')
                .replace('\u201d', '"');
        for (String sentence : SENTENCES.split(text)) {
            for (String rawClause : CLAUSES.split(sentence.trim())) {
                String clause = stripFiller(rawClause.trim());
                if (clause.isEmpty() || QUESTION.matcher(clause).find()) {
                    continue;
                }
                String body = clause.replaceAll("[.!?;]+$", "").trim();
                Matcher firstPerson = FIRST_PERSON_WORD.matcher(body);
                if (!firstPerson.find() || HYPOTHETICAL.matcher(body.substring(0, firstPerson.start())).find()) {
                    continue;
                }
                found.addAll(clauseMemories(body));
            }
        }
        return List.copyOf(found);
    }

    private List<Memory> clauseMemories(String clause) {
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(clause);
            if (m.find()) {
                List<String> texts = rule.texts().apply(m);
                if (texts != null && !texts.isEmpty()) {
                    return texts.stream().map(t -> new Memory(rule.kind(), t)).toList();
                }
            }
        }
        return List.of();
    }

    private static String stripFiller(String clause) {
        String current = clause;
        for (int i = 0; i < 4; i++) {
            Matcher m = FILLER.matcher(current);
            if (!m.find() || m.end() == 0) {
                break;
            }
            current = current.substring(m.end()).trim();
        }
        return current;
    }

    private void add(MemoryKind kind, String regex, Function<Matcher, List<String>> texts) {
        rules.add(new Rule(kind, Pattern.compile(regex, FLAGS), texts));
    }

    // ---------------------------------------------------------------- risk tolerance

    private void riskRules() {
        MemoryKind k = MemoryKind.RISK_TOLERANCE;
        add(k, "\\b(?:" + I_AM + "\\s+not\\s+(?:comfortable|ok|okay|fine|happy)\\s+with|i\\s+(?:don't|do not)\\s+"
                        + "(?:like|want|enjoy|need|handle|tolerate)|i\\s+(?:hate|dislike|avoid))\\s+(?:much\\s+|a lot of\\s+|"
                        + "any\\s+|too much\\s+|big\\s+|high\\s+)?(?:risk|volatility|swings|big losses|losses|drawdowns)\\b",
                m -> risk("low"));
        add(k, "\\bi\\s+(?:can't|cannot|can not|couldn't|won't|don't want to|do not want to|hate to)\\s+"
                        + "(?:afford to\\s+|stand to\\s+|bear to\\s+)?(?:lose|stomach|handle|tolerate|take|risk|afford)\\b"
                        + ".*\\b(?:money|loss|losses|risk|risks|volatility|swings|drawdowns?|savings|capital|much|lot|it|them|"
                        + "any|anything)\\b",
                m -> risk("low"));
        add(k, "\\b" + I_AM + "\\s+(?:(?:a|an|very|quite|pretty|fairly|rather|rather an?|more of an?|somewhat|"
                        + "generally|mostly|really|an extremely|extremely)\\s+)*(conservative|cautious|risk[- ]averse|careful|"
                        + "moderate|balanced|aggressive|risk[- ]tolerant|risk[- ]seeking|speculative)\\b",
                m -> risk(level(m.group(1))));
        add(k, "\\b(?:i\\s+have\\s+(?:a\\s+|an\\s+|very\\s+|quite\\s+|pretty\\s+)*|my\\s+)(?:(very|quite|pretty|fairly)\\s+)?"
                        + "(low|lower|small|minimal|limited|moderate|medium|average|high|higher|big|large|significant)\\s+"
                        + "(?:risk\\s+tolerance|tolerance\\s+for\\s+risk|appetite\\s+for\\s+risk|risk\\s+appetite)",
                m -> risk(level(m.group(2))));
        add(k, "\\bmy\\s+risk\\s+(?:tolerance|appetite|profile)\\s+is\\s+(?:(?:very|quite|pretty|fairly|rather)\\s+)?"
                        + "(low|moderate|medium|average|high|conservative|aggressive|balanced)\\b",
                m -> risk(level(m.group(1))));
        add(k, "\\bi\\s+(?:prefer|want|like|need|favou?r)\\s+(?:to\\s+(?:keep|take)\\s+)?(?:(?:a|very|the|fairly|quite)\\s+)?"
                        + "(low|lower|minimal|less|little|limited|moderate|high|higher|more)\\s+(?:risk|volatility)\\b",
                m -> risk(level(m.group(1))));
        add(k, "\\b" + I_AM + "\\s+(?:comfortable|fine|ok|okay|happy)\\s+with\\s+(a lot of\\s+|high\\s+|higher\\s+|more\\s+|"
                        + "big\\s+|some\\s+|moderate\\s+)?(?:risk|volatility|swings)\\b",
                m -> risk(m.group(1) != null && m.group(1).trim().matches("some|moderate") ? "moderate" : "high"));
    }

    private static List<String> risk(String level) {
        return level == null ? null : List.of("The user has a " + level + " risk tolerance.");
    }

    private static String level(String word) {
        return switch (word.toLowerCase(Locale.ROOT).replace(' ', '-')) {
            case "conservative", "cautious", "risk-averse", "careful", "low", "lower", "small", "minimal", "limited",
                    "less", "little" -> "low";
            case "moderate", "balanced", "medium", "average" -> "moderate";
            case "aggressive", "risk-tolerant", "risk-seeking", "speculative", "high", "higher", "big", "large",
                    "significant", "more" -> "high";
            default -> null;
        };
    }

    // ---------------------------------------------------------------- horizon

    private static final String WHEN = "((?:19|20)\\d{2}|(?:about |around |roughly )?\\d{1,2}\\s+(?:years?|months?)|"
            + "(?:age\\s+)?\\d{2}(?!\\s*%))";

    private void horizonRules() {
        MemoryKind k = MemoryKind.HORIZON;
        add(k, "\\bmy\\s+(?:investment\\s+|investing\\s+|time\\s+)?horizon\\s+is\\s+(?:about\\s+|around\\s+|roughly\\s+|"
                        + "at least\\s+)?(\\d{1,2})\\s*(years?|months?)",
                m -> List.of("The user's investment horizon is " + m.group(1) + " " + unit(m.group(1), m.group(2)) + "."));
        add(k, "\\b(\\d{1,2})[- ](year|month)s?[- ](?:investment\\s+|time\\s+|investing\\s+)?horizon",
                m -> List.of("The user's investment horizon is " + m.group(1) + " " + unit(m.group(1), m.group(2)) + "."));
        add(k, "\\b" + I_AM + "\\s+(investing|saving)\\s+for\\s+(?:my\\s+|the\\s+|a\\s+|our\\s+)?"
                        + "(retirement|house|home|down payment|kids'? college|college|education|children's education|"
                        + "wedding|car|kids|children)\\s+(in|by)\\s+" + WHEN,
                m -> List.of("The user is " + m.group(1).toLowerCase(Locale.ROOT) + " for " + article(m.group(2))
                        + " " + m.group(3).toLowerCase(Locale.ROOT) + " " + m.group(4) + "."));
        add(k, "\\bi\\s+(?:plan|want|hope|expect|intend|would like|'d like)\\s+to\\s+retire\\s+(in|by|at)\\s+" + WHEN,
                m -> List.of("The user plans to retire " + m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2) + "."));
        add(k, "\\b(?:i'll|i\\s+will|" + I_AM + "\\s+going\\s+to)\\s+retire\\s+(in|by|at)\\s+" + WHEN,
                m -> List.of("The user plans to retire " + m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2) + "."));
        add(k, "\\b" + I_AM + "\\s+retiring\\s+(in|by|at)\\s+" + WHEN,
                m -> List.of("The user plans to retire " + m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2) + "."));
        add(k, "\\bi\\s+need\\s+(?:the\\s+|this\\s+|that\\s+|my\\s+)?(?:money|cash|funds|savings)\\s+(?:back\\s+)?in\\s+"
                        + "(\\d{1,2})\\s+(years?|months?)",
                m -> List.of("The user needs the money in " + m.group(1) + " " + unit(m.group(1), m.group(2)) + "."));
        add(k, "\\bi(?:'m|\\s+am|'ll|\\s+will|\\s+plan\\s+to|\\s+want\\s+to)\\s+(?:be\\s+)?(?:investing|invest|holding|hold|"
                        + "in\\s+it|in\\s+this)\\s+for\\s+(?:the\\s+next\\s+|about\\s+|at least\\s+)?(\\d{1,2})\\s+(years?|months?)",
                m -> List.of("The user's investment horizon is " + m.group(1) + " " + unit(m.group(1), m.group(2)) + "."));
        add(k, "\\b(?:" + I_AM + "\\s+an?\\s+(long|short)[- ]term\\s+(?:investor|trader|holder)|" + I_AM
                        + "\\s+(?:investing|in\\s+it|in\\s+this|saving)\\s+for\\s+the\\s+(long|short)\\s+(?:term|run|haul))",
                m -> List.of("The user has a " + (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT)
                        + "-term investment horizon."));
    }

    private static String unit(String count, String unit) {
        String singular = unit.toLowerCase(Locale.ROOT).replaceAll("s$", "");
        return count.equals("1") ? singular : singular + "s";
    }

    private static String article(String goal) {
        String g = goal.toLowerCase(Locale.ROOT);
        return switch (g) {
            case "house", "home", "car", "wedding", "down payment" -> "a " + g;
            case "retirement", "education", "college" -> g;
            default -> "the " + g;
        };
    }

    // ---------------------------------------------------------------- holdings and interests

    private void holdingRules() {
        MemoryKind k = MemoryKind.HOLDING_INTEREST;
        add(k, "\\bi\\s+(?:own|have|hold|bought|purchased|got)\\s+(\\d[\\d,]*(?:\\.\\d+)?)\\s+(?:shares?|stocks?|units?)"
                        + "\\s+(?:of\\s+|in\\s+)?" + NAME,
                m -> name(m.group(2), true) == null ? null
                        : List.of("The user owns " + m.group(1) + " " + (m.group(1).equals("1") ? "share" : "shares")
                        + " of " + name(m.group(2), true) + "."));
        add(k, "\\bi\\s+(?:own|hold|have)\\s+(?:some\\s+|a\\s+few\\s+|a\\s+lot\\s+of\\s+|shares\\s+(?:of|in)\\s+|"
                        + "(?:a|an)\\s+(?:small\\s+|big\\s+|large\\s+)?(?:position|stake)\\s+in\\s+|stock\\s+in\\s+)?" + NAME
                        + "(\\s+(?:shares|stock))?",
                m -> {
                    String name = name(m.group(1), m.group(2) != null
                            || m.group(0).matches("(?i)^i\\s+(?:own|hold)\\b.*|.*\\b(?:shares|stock|position|stake)\\b.*"));
                    return name == null ? null : List.of("The user holds " + name + ".");
                });
        add(k, "\\bmy\\s+(?:position|shares|stake|holding|investment)s?\\s+in\\s+" + NAME,
                m -> name(m.group(1), true) == null ? null : List.of("The user holds " + name(m.group(1), true) + "."));
        add(k, "\\b" + I_AM + "\\s+(?:(?:really|very|quite|also|particularly|especially|mostly)\\s+)?(?:interested\\s+in|"
                        + "looking\\s+(?:at|into)|watching|considering|thinking\\s+(?:about|of)|keen\\s+on|bullish\\s+on|eyeing|"
                        + "curious\\s+about)\\s+(?:buying\\s+|adding\\s+|investing\\s+in\\s+|getting\\s+into\\s+)?(?:some\\s+)?" + NAME,
                m -> name(m.group(1), true) == null ? null
                        : List.of("The user is interested in " + name(m.group(1), true) + "."));
        add(k, "\\bi\\s+(?:want|plan|intend|would like|'d like|hope)\\s+to\\s+(?:buy|invest\\s+in|add|get|start\\s+a\\s+"
                        + "position\\s+in)\\s+(?:more\\s+|some\\s+|a\\s+few\\s+shares\\s+of\\s+)?" + NAME,
                m -> name(m.group(1), true) == null ? null
                        : List.of("The user is interested in " + name(m.group(1), true) + "."));
        add(k, "\\bi\\s+(?:really\\s+)?(?:like|love)\\s+" + NAME + "(?:\\s+(?:stock|shares))?\\s*$",
                m -> ticker(m.group(1)) == null ? null : List.of("The user is interested in " + ticker(m.group(1)) + "."));
    }

    /** A ticker as is; a capitalised name only when the context says it is a security. */
    private static String name(String raw, boolean namesAllowed) {
        String ticker = ticker(raw);
        if (ticker != null) {
            return ticker;
        }
        String plain = raw.startsWith("$") ? raw.substring(1) : raw;
        if (!namesAllowed || plain.length() < 3 || NOT_NAMES.contains(plain)) {
            return null;
        }
        return plain;
    }

    private static String ticker(String raw) {
        String plain = raw.startsWith("$") ? raw.substring(1) : raw;
        if (plain.matches("[A-Z]{1,5}(?:\\.[A-Z])?") && !NOT_NAMES.contains(plain)) {
            return plain;
        }
        return null;
    }

    // ---------------------------------------------------------------- dislikes

    private void dislikeRules() {
        MemoryKind k = MemoryKind.DISLIKE;
        Function<Matcher, List<String>> avoid = m -> phrases(m.group(1)).stream()
                .map(p -> "The user does not want to invest in " + p + ".").toList();
        add(k, "\\bi\\s+(?:don't|do not|never|won't|will not)\\s+(?:want\\s+(?:to\\s+(?:own|buy|invest\\s+in|hold|touch)\\s+)?|"
                + "like\\s+|invest\\s+in\\s+|buy\\s+|touch\\s+|trust\\s+|care\\s+for\\s+|believe\\s+in\\s+|own\\s+)"
                + "(?:any\\s+|owning\\s+|investing\\s+in\\s+)?" + PHRASE, avoid);
        add(k, "\\bi\\s+(?:hate|dislike|avoid|detest|refuse\\s+to\\s+(?:own|buy|invest\\s+in|touch))\\s+"
                + "(?:owning\\s+|investing\\s+in\\s+)?" + PHRASE, avoid);
        add(k, "\\bi(?:'d|\\s+would)\\s+(?:rather\\s+not|prefer\\s+not\\s+to|like\\s+to\\s+avoid)\\s+(?:own|buy|invest\\s+in|"
                + "hold|touch)?\\s*" + PHRASE, avoid);
        add(k, "\\b(?:keep\\s+me\\s+away\\s+from|" + I_AM + "\\s+not\\s+(?:interested\\s+in|into|a\\s+fan\\s+of|"
                + "comfortable\\s+(?:with|owning)|investing\\s+in)|no\\s+more)\\s+" + PHRASE, avoid);
    }

    /** The parts of an enumerated phrase ("tobacco stocks or crypto"), lower-cased unless they are tickers. */
    private static List<String> phrases(String phrase) {
        List<String> parts = new ArrayList<>();
        for (String raw : phrase.split("\\s*(?:,|\\bor\\b|\\band\\b|/|&)\\s*")) {
            String part = raw.trim().replaceAll("^(?:any|the|some|those|these|all)\\s+", "").trim();
            if (part.length() < 2 || part.split("\\s+").length > 6) {
                continue;
            }
            String head = part.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (NOT_PHRASE_HEADS.contains(head) || NOT_PHRASE_HEADS.contains(part.toLowerCase(Locale.ROOT))
                    || part.toLowerCase(Locale.ROOT).matches(".*\\b(?:risk|risks|volatility|losses)\\b.*")) {
                return List.of();
            }
            parts.add(ticker(part) != null ? part : lowerExceptAcronyms(part));
            if (parts.size() == 3) {
                break;
            }
        }
        return parts;
    }

    private static String lowerExceptAcronyms(String phrase) {
        StringBuilder out = new StringBuilder();
        for (String word : phrase.split("\\s+")) {
            out.append(out.isEmpty() ? "" : " ")
                    .append(word.matches("[A-Z]{2,}s?") ? word : word.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- preferences

    /** Whether a phrase names a security ("NVDA over AMD"), which makes it an interest rather than a preference. */
    private static boolean mentionsTicker(String phrase) {
        for (String word : phrase.split("[\\s,/]+")) {
            if (word.length() >= 2 && ticker(word) != null) {
                return true;
            }
        }
        return false;
    }

    private static final String GOALS = "(?:income|steady income|passive income|regular income|growth|long-term growth|"
            + "dividends|capital preservation|stability|diversification|low fees|exposure to [a-z ]{2,30})";

    private void preferenceRules() {
        MemoryKind k = MemoryKind.PREFERENCE;
        add(k, "\\bi\\s+(?:really\\s+|generally\\s+|mostly\\s+|strongly\\s+)?(?:prefer|favou?r|like|love|lean\\s+towards?|"
                + "gravitate\\s+towards?)\\s+(?!to\\b)" + PHRASE, m -> {
            List<String> parts = phrases(m.group(1));
            return mentionsTicker(m.group(1)) ? null : parts.stream().map(p -> "The user prefers " + p + ".").toList();
        });
        add(k, "\\b" + I_AM + "\\s+(?:mostly\\s+|mainly\\s+|more\\s+|really\\s+|primarily\\s+|particularly\\s+|very\\s+)?"
                + "(?:interested\\s+in|into|focused\\s+on|looking\\s+for)\\s+(?!learning|knowing|understanding|finding|"
                + "seeing|getting\\s+to)" + PHRASE, m -> {
            List<String> parts = phrases(m.group(1));
            return mentionsTicker(m.group(1)) ? null
                    : parts.stream().map(p -> "The user is interested in " + p + ".").toList();
        });
        add(k, "\\bi\\s+(?:want|need|am\\s+after|'m\\s+after|care\\s+about)\\s+(?:some\\s+)?((?:more\\s+|steady\\s+|"
                + "regular\\s+|stable\\s+)?" + GOALS + ")\\b",
                m -> List.of("The user wants " + m.group(1).toLowerCase(Locale.ROOT) + "."));
        add(k, "\\bi\\s+(?:care\\s+(?:a lot\\s+)?about|value)\\s+(esg|sustainability|sustainable investing|the environment|"
                + "ethical investing|climate)\\b", m -> List.of("The user cares about "
                + (m.group(1).equalsIgnoreCase("esg") ? "ESG" : m.group(1).toLowerCase(Locale.ROOT)) + "."));
        add(k, "\\bi\\s+only\\s+(?:invest\\s+in|buy|hold|own)\\s+" + PHRASE, m -> {
            List<String> parts = phrases(m.group(1));
            return parts.isEmpty() ? null : List.of("The user only invests in " + String.join(" and ", parts) + ".");
        });
    }

    // ---------------------------------------------------------------- facts

    private static final String AMOUNT = "(\\$\\s?[\\d,]+(?:\\.\\d+)?\\s*(?:k|m|thousand|million)?|[\\d,]+(?:\\.\\d+)?\\s*"
            + "(?:k|thousand|million)?\\s*(?:dollars|usd|eur|euros|pounds|gbp))";

    private void factRules() {
        MemoryKind k = MemoryKind.FACT;
        add(k, "\\b" + I_AM + "\\s+(\\d{2})(?:\\s+years?\\s+old|\\s*(?:yo|y/o))?\\s*(?:$|,|\\s+and\\b|\\s+with\\b)",
                m -> List.of("The user is " + m.group(1) + " years old."));
        add(k, "\\b" + I_AM + "\\s+(retired|semi-retired|self-employed|unemployed|a student|married|single|divorced|"
                        + "widowed|a parent|a single parent|a beginner|new to investing|a first-time investor)\\b",
                m -> List.of("The user is " + m.group(1).toLowerCase(Locale.ROOT) + "."));
        add(k, "\\bi\\s+(?:have|got|saved|'ve\\s+saved|'ve\\s+got)\\s+(?:about\\s+|around\\s+|roughly\\s+)?" + AMOUNT
                        + "\\s+(to\\s+invest|in\\s+savings|saved(?:\\s+up)?|in\\s+(?:my\\s+|a\\s+)?(?:401k|401\\(k\\)|ira|roth\\s+ira|"
                        + "savings(?:\\s+account)?|brokerage(?:\\s+account)?|emergency\\s+fund))",
                m -> List.of("The user has " + m.group(1).trim() + " " + m.group(2).toLowerCase(Locale.ROOT)
                        .replace(" my ", " their ") + "."));
        add(k, "\\bmy\\s+(?:annual\\s+|yearly\\s+|monthly\\s+)?(?:income|salary)\\s+is\\s+(?:about\\s+|around\\s+)?"
                        + "(\\$?[\\d,]+(?:\\.\\d+)?\\s*(?:k|thousand)?(?:\\s*(?:dollars|usd|eur|euros))?(?:\\s+(?:a|per)\\s+"
                        + "(?:year|month))?)",
                m -> List.of("The user's income is " + m.group(1).trim() + "."));
        add(k, "\\bi\\s+(?:earn|make)\\s+(?:about\\s+|around\\s+)?(\\$?[\\d,]+(?:\\.\\d+)?\\s*(?:k|thousand)?"
                        + "(?:\\s*(?:dollars|usd|eur|euros))?)\\s+(?:a|per|each)\\s+(year|month)",
                m -> List.of("The user earns " + m.group(1).trim() + " a " + m.group(2).toLowerCase(Locale.ROOT) + "."));
        add(k, "\\bi\\s+have\\s+(a|one|two|three|four|five|\\d)\\s+(kids?|children|child|sons?|daughters?|dependents?)\\b",
                m -> List.of("The user has " + m.group(1).toLowerCase(Locale.ROOT) + " "
                        + m.group(2).toLowerCase(Locale.ROOT) + "."));
        add(k, "\\bi\\s+live\\s+in\\s+(?-i:([A-Z][\\w.\\-]*(?:\\s+[A-Z][\\w.\\-]*){0,2}))",
                m -> List.of("The user lives in " + m.group(1) + "."));
        add(k, "\\bi\\s+work\\s+(as\\s+an?|in|at|for)\\s+([A-Za-z&'\\- ]{2,40}?)\\s*$",
                m -> List.of("The user works " + m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2).trim() + "."));
        add(k, "\\b" + I_AM + "\\s+saving\\s+(?:up\\s+)?for\\s+(?:a\\s+|an\\s+|my\\s+|the\\s+|our\\s+)?([a-z' ]{3,30}?)\\s*$",
                m -> List.of("The user is saving for " + article(m.group(1).trim()) + "."));
        add(k, "\\b" + I_AM + "\\s+an?\\s+([a-z]+(?:\\s+[a-z]+)?)\\s*$", m -> {
            String what = m.group(1).toLowerCase(Locale.ROOT);
            if (NOT_OCCUPATIONS.contains(what) || NOT_OCCUPATIONS.contains(what.split(" ")[0])
                    || NEGATION.matcher(m.group(0)).find() || what.matches(".*\\b(?:investor|trader)\\b.*")
                    && level(what.split(" ")[0]) != null) {
                return null;
            }
            return List.of("The user is " + (what.matches("^[aeiou].*") ? "an " : "a ") + what + ".");
        });
    }
}
