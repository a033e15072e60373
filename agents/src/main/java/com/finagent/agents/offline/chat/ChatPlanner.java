package com.finagent.agents.offline.chat;

import com.finagent.agents.chat.ChatTokenEstimator;
import com.finagent.agents.memory.MemoryText;
import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import com.finagent.agents.offline.memory.MemoryRules;
import com.finagent.agents.profile.AssistantProfile;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a question the way the profile would: which symbols (named, or carried over from the last turn for a
 * follow-up), which capabilities it asks for (or the profile's usual ones), which of them the offered tools serve and
 * which nearest data stands in for a missing one, and the tool calls that fetch it.
 */
final class ChatPlanner {

    private static final MemoryRules MEMORY_RULES = new MemoryRules();
    private static final int MAX_SYMBOLS = 3;
    private static final int MAX_CALLS = 9;
    private static final int QUERY_LIMIT = 200;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    private static final Pattern ADVICE = Pattern.compile("\\b(?:buy|sell|invest|add|hold|keep|good investment|worth "
            + "(?:it|buying)|should i|recommend|opinion|think|outlook|view|analy[sz]e|analysis|look(?:s)? like)\\b", FLAGS);
    private static final Pattern GREETING = Pattern.compile("^\\s*(?:hi|hello|hey|thanks|thank you|good (?:morning|"
            + "afternoon|evening)|who are you|what can you do|help)\\b", FLAGS);
    private static final Pattern PRONOUN = Pattern.compile("\\b(?:it|its|it's|that|this|they|them|their|the stock|"
            + "the same|those|these|what about|and)\\b", FLAGS);
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:it|its|it's|this stock|that stock|the stock|"
            + "this one|that one)\\b", FLAGS);

    private final AssistantProfile profile;
    private final List<String> symbols;
    private final StatedPreferences preferences;

    ChatPlanner(ChatContext context) {
        this.profile = context.profile();
        this.symbols = context.symbols();
        this.preferences = new StatedPreferences(context.memories());
    }

    /**
     * @param question the user's message
     * @param earlier  the conversation before it, without the system message
     * @param offered  the tools the model may call now, empty when none
     */
    ChatPlan plan(String question, List<ChatMessage> earlier, Set<String> offered) {
        ChatPlan plan = new ChatPlan();
        plan.toolsOffered = !offered.isEmpty();
        if (MemoryText.speaksOfTheUser(question)) {
            plan.stated.addAll(MEMORY_RULES.extract(question));
        }
        Set<Capability> intents = EnumSet.noneOf(Capability.class);
        Capability.INTENTS.forEach((capability, pattern) -> {
            if (pattern.matcher(question).find()) {
                intents.add(capability);
            }
        });
        plan.advice = ADVICE.matcher(question).find();
        List<String> own = new ArrayList<>(Tickers.in(question));
        for (String symbol : symbols) {
            if (!own.contains(symbol)) {
                own.add(symbol);
            }
        }
        plan.previousQuestion = lastUserText(earlier);
        plan.previousSymbols.addAll(previousSymbols(earlier, plan.previousQuestion));
        plan.greeting = GREETING.matcher(question).find() && intents.isEmpty() && own.isEmpty();
        plan.statementOnly = !plan.stated.isEmpty() && intents.isEmpty() && !question.contains("?") && !plan.advice;
        if (own.isEmpty() && !plan.previousSymbols.isEmpty() && !plan.greeting && !plan.statementOnly
                && (PRONOUN.matcher(question).find() || intents.stream().anyMatch(c -> c.perSymbol) || plan.advice)) {
            plan.followUp = true;
            own.addAll(plan.previousSymbols);
        }
        plan.symbols.addAll(own.subList(0, Math.min(MAX_SYMBOLS, own.size())));
        if (plan.greeting || plan.statementOnly) {
            return plan;
        }
        if (plan.symbols.isEmpty() && REFERENCE.matcher(question).find()
                && intents.stream().allMatch(c -> c.perSymbol)) {
            // "is it in an uptrend?" with nothing earlier to point to: ask rather than guess a symbol
            plan.needsSymbol = true;
            return plan;
        }
        Set<Capability> wanted = intents.isEmpty() ? defaults(!plan.symbols.isEmpty()) : intents;
        for (Capability capability : wanted) {
            if (capability.perSymbol && plan.symbols.isEmpty()) {
                plan.needsSymbol |= !intents.isEmpty();
                continue;
            }
            if (capability.toolAmong(offered) == null) {
                if (!intents.isEmpty() && !offered.isEmpty()) {
                    plan.missing.add(capability);
                }
                continue;
            }
            plan.capabilities.add(capability);
        }
        for (Capability capability : plan.missing) {
            // the nearest data this profile has: price history shows trend and swings, portfolio risk the whole book
            for (Capability proxy : proxies(capability)) {
                if (proxy.toolAmong(offered) != null && (!proxy.perSymbol || !plan.symbols.isEmpty())) {
                    plan.capabilities.add(proxy);
                    break;
                }
            }
        }
        if (plan.needsSymbol && plan.capabilities.stream().anyMatch(c -> !c.perSymbol)) {
            plan.needsSymbol = false;
        }
        Set<String> planned = new LinkedHashSet<>();
        for (Capability capability : plan.capabilities) {
            String tool = capability.toolAmong(offered);
            if (capability.perSymbol || capability == Capability.NEWS && !plan.symbols.isEmpty()) {
                for (String symbol : plan.symbols) {
                    Map<String, Object> args = new LinkedHashMap<>();
                    args.put("symbol", symbol);
                    if (capability == Capability.NEWS) {
                        args.put("query", query(question, symbol));
                        args.put("limit", DataSections.MAX_ITEMS);
                    }
                    addCall(plan, planned, tool, args);
                }
            } else {
                Map<String, Object> args = new LinkedHashMap<>();
                switch (capability) {
                    case NEWS -> {
                        args.put("query", query(question, null));
                        args.put("limit", DataSections.MAX_ITEMS);
                    }
                    case OPTIMISE -> args.put("objective",
                            "low".equals(preferences.riskLevel(plan)) || profile.id().equals("riskManager")
                                    ? "min-volatility" : "max-sharpe");
                    case MACRO -> args.put("region", Pattern.compile("\\b(?:europe|eurozone|euro area|EU|ECB)\\b",
                            FLAGS).matcher(question).find() ? "EU" : "US");
                    default -> {
                    }
                }
                addCall(plan, planned, tool, args);
            }
        }
        return plan;
    }

    private static void addCall(ChatPlan plan, Set<String> planned, String tool, Map<String, Object> args) {
        String arguments = CanonicalJson.write(args);
        if (plan.calls.size() < MAX_CALLS && planned.add(tool + " " + arguments)) {
            plan.calls.add(ToolExecutionRequest.builder().id("offline-call-" + (plan.calls.size() + 1)).name(tool)
                    .arguments(arguments).build());
        }
    }

    private static String query(String question, String symbol) {
        String q = question.replaceAll("\\s+", " ").trim();
        if (q.length() > QUERY_LIMIT) {
            q = q.substring(0, QUERY_LIMIT);
        }
        return symbol == null || q.toUpperCase(Locale.ROOT).contains(symbol) ? q : symbol + " " + q;
    }

    private static List<Capability> proxies(Capability missing) {
        return switch (missing) {
            case RISK -> List.of(Capability.QUOTE, Capability.PORTFOLIO_RISK);
            case TECHNICAL, SECTOR -> List.of(Capability.QUOTE);
            case PORTFOLIO_RISK, OPTIMISE -> List.of(Capability.HOLDINGS);
            default -> List.of();
        };
    }

    /** The profile's usual tools when the question names no data, with and without a symbol. */
    private Set<Capability> defaults(boolean withSymbol) {
        return switch (profile.id()) {
            case "analyst" -> withSymbol ? EnumSet.of(Capability.QUOTE, Capability.TECHNICAL, Capability.RISK,
                    Capability.NEWS) : EnumSet.noneOf(Capability.class);
            case "trader" -> withSymbol ? EnumSet.of(Capability.QUOTE, Capability.TECHNICAL, Capability.RISK)
                    : EnumSet.noneOf(Capability.class);
            case "advisor" -> withSymbol ? EnumSet.of(Capability.QUOTE, Capability.HOLDINGS)
                    : EnumSet.of(Capability.HOLDINGS, Capability.OPTIMISE);
            case "riskManager" -> withSymbol ? EnumSet.of(Capability.RISK, Capability.HOLDINGS)
                    : EnumSet.of(Capability.HOLDINGS, Capability.PORTFOLIO_RISK);
            case "economist" -> withSymbol ? EnumSet.of(Capability.QUOTE, Capability.SECTOR, Capability.MACRO)
                    : EnumSet.of(Capability.MACRO);
            default -> withSymbol ? EnumSet.of(Capability.QUOTE, Capability.RISK, Capability.NEWS)
                    : EnumSet.of(Capability.HOLDINGS, Capability.PORTFOLIO_RISK);
        };
    }

    private static String lastUserText(List<ChatMessage> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i) instanceof UserMessage user) {
                return ChatTokenEstimator.textOf(user);
            }
        }
        return null;
    }

    /** Symbols of the latest earlier turn: those its tool calls used, else those its question named. */
    private static List<String> previousSymbols(List<ChatMessage> earlier, String previousQuestion) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = earlier.size() - 1; i >= 0 && !(earlier.get(i) instanceof UserMessage); i--) {
            if (earlier.get(i) instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    CanonicalJson.parse(call.arguments()).map(n -> JsonFields.text(n, "symbol", ""))
                            .filter(s -> !s.isBlank()).ifPresent(s -> found.add(s.toUpperCase(Locale.ROOT)));
                }
            }
        }
        List<String> ordered = new ArrayList<>(found);
        Collections.reverse(ordered);
        if (ordered.isEmpty() && previousQuestion != null) {
            ordered.addAll(Tickers.in(previousQuestion));
        }
        return ordered;
    }
}
