package com.finagent.agents.offline.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.finagent.agents.chat.ChatTokenEstimator;
import com.finagent.agents.chat.Figures;
import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryExtractor;
import com.finagent.agents.memory.MemoryText;
import com.finagent.agents.model.Json;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.profile.AssistantProfile;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat's model when no language model is configured: a LangChain4j {@link ChatModel}, so the offline chat runs
 * the same tool loop as a hosted model. On the first call of a turn it asks for the tools the question and the
 * profile call for (quote and history, indicators, risk, holdings, search, macro, sector); once their results are in
 * the conversation it writes a plain-language answer from them alone. Every number in the answer is a tool figure,
 * written by {@link Figures#format} and followed by its source; the profile decides which figures lead and which
 * observations follow; earlier questions of the conversation and the user's long-term memories are referred to where
 * they bear on the answer. Identical input gives identical output.
 */
final class OfflineChatResponder implements ChatModel {

    static final String MODEL_ID = ModelSpec.OFFLINE_MODEL_ID;
    private static final int MAX_SYMBOLS = 3;
    private static final int MAX_CALLS = 9;
    private static final int MAX_METRICS_PER_RESULT = 9;
    private static final int MAX_ITEMS = 3;
    private static final int MAX_MEMORY_MENTIONS = 3;
    private static final int MAX_HOLDINGS = 6;
    private static final int QUERY_LIMIT = 200;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    /** What a question can ask for, and the tool names (in preference order) that provide it. */
    enum Capability {
        QUOTE(true, "price and history", "marketData", "quantAnalysis"),
        TECHNICAL(true, "technical-indicator", "technicalIndicators", "chartAnalysis", "technicalAnalysis"),
        RISK(true, "risk", "riskManagement", "riskAssessment", "riskAnalysis", "quantAnalysis", "hedging"),
        SECTOR(true, "sector", "sectorAnalysis"),
        NEWS(false, "news search", "search"),
        HOLDINGS(false, "portfolio", "portfolio"),
        PORTFOLIO_RISK(false, "portfolio-risk", "portfolioAnalysis", "correlationAnalysis", "monteCarlo"),
        OPTIMISE(false, "portfolio-optimisation", "portfolioOptimization", "assetAllocation", "optimization"),
        MACRO(false, "economic-data", "economicData");

        final boolean perSymbol;
        final String description;
        final List<String> tools;

        Capability(boolean perSymbol, String description, String... tools) {
            this.perSymbol = perSymbol;
            this.description = description;
            this.tools = List.of(tools);
        }

        String toolAmong(Collection<String> offered) {
            return tools.stream().filter(offered::contains).findFirst().orElse(null);
        }
    }

    private static final Map<Capability, Pattern> INTENTS = intents();
    private static final Pattern ADVICE = Pattern.compile("\\b(?:buy|sell|invest|add|hold|keep|good investment|worth "
            + "(?:it|buying)|should i|recommend|opinion|think|outlook|view|analy[sz]e|analysis|look(?:s)? like)\\b", FLAGS);
    private static final Pattern GREETING = Pattern.compile("^\\s*(?:hi|hello|hey|thanks|thank you|good (?:morning|"
            + "afternoon|evening)|who are you|what can you do|help)\\b", FLAGS);
    private static final Pattern PRONOUN = Pattern.compile("\\b(?:it|its|it's|that|this|they|them|their|the stock|"
            + "the same|those|these|what about|and)\\b", FLAGS);
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:it|its|it's|this stock|that stock|the stock|"
            + "this one|that one)\\b", FLAGS);
    private static final Pattern RISK_LEVEL = Pattern.compile("\\b(low|moderate|high) risk tolerance\\b", FLAGS);
    private static final Pattern LONG_HORIZON = Pattern.compile("\\b(?:long-term|retire\\w*|(?:[5-9]|[1-9]\\d) years?|"
            + "20[3-9]\\d)\\b", FLAGS);
    private static final Pattern SHORT_HORIZON = Pattern.compile("\\b(?:short-term|(?:[1-2]) years?|\\d{1,2} months?)\\b",
            FLAGS);

    private final AssistantProfile profile;
    private final List<AssistantProfile> catalog;
    private final List<String> symbols;
    private final List<String> memories;
    private final ChatTokenEstimator estimator = new ChatTokenEstimator();

    /**
     * @param profile  the assistant answering
     * @param catalog  every profile, to point at one that has a tool this one lacks
     * @param symbols  symbols of the turn
     * @param memories long-term memories of the turn
     */
    OfflineChatResponder(AssistantProfile profile, List<AssistantProfile> catalog, List<String> symbols,
                         List<String> memories) {
        this.profile = profile;
        this.catalog = List.copyOf(catalog);
        this.symbols = List.copyOf(symbols);
        this.memories = List.copyOf(memories);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        int current = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof UserMessage) {
                current = i;
            }
        }
        String question = current < 0 ? "" : ChatTokenEstimator.textOf(messages.get(current));
        List<ChatMessage> earlier = current < 0 ? List.of() : messages.subList(0, current).stream()
                .filter(m -> !(m instanceof SystemMessage)).toList();
        List<ChatMessage> after = current < 0 ? List.of() : messages.subList(current + 1, messages.size());
        Set<String> offered = new LinkedHashSet<>();
        if (request.toolChoice() != ToolChoice.NONE) {
            for (ToolSpecification spec : request.toolSpecifications()) {
                offered.add(spec.name());
            }
        }
        Plan plan = plan(question, earlier, offered);
        boolean toolsCalled = after.stream().anyMatch(m -> m instanceof AiMessage ai && ai.hasToolExecutionRequests());
        AiMessage reply = !toolsCalled && !plan.calls.isEmpty()
                ? AiMessage.from(plan.calls)
                : AiMessage.from(compose(question, plan, earlier, results(after)));
        int input = estimator.estimateTokenCountInMessages(messages);
        int output = estimator.estimateTokenCountInMessage(reply);
        return ChatResponse.builder()
                .aiMessage(reply)
                .id("offline-" + UUID.nameUUIDFromBytes(ChatTokenEstimator.textOf(reply).getBytes(StandardCharsets.UTF_8)))
                .modelName(MODEL_ID)
                .tokenUsage(new TokenUsage(input, output))
                .finishReason(reply.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    // ---------------------------------------------------------------- planning

    private static final class Plan {
        final List<String> symbols = new ArrayList<>();
        final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        final Set<Capability> missing = EnumSet.noneOf(Capability.class);
        final List<ToolExecutionRequest> calls = new ArrayList<>();
        final List<Memory> stated = new ArrayList<>();
        final List<String> previousSymbols = new ArrayList<>();
        String previousQuestion;
        boolean followUp;
        boolean greeting;
        boolean statementOnly;
        boolean needsSymbol;
        boolean advice;
        boolean toolsOffered;
    }

    private Plan plan(String question, List<ChatMessage> earlier, Set<String> offered) {
        Plan plan = new Plan();
        plan.toolsOffered = !offered.isEmpty();
        plan.stated.addAll(MemoryExtractor.offline().extract(question));
        Set<Capability> intents = EnumSet.noneOf(Capability.class);
        INTENTS.forEach((capability, pattern) -> {
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
                        args.put("limit", MAX_ITEMS);
                    }
                    addCall(plan, planned, tool, args);
                }
            } else {
                Map<String, Object> args = new LinkedHashMap<>();
                switch (capability) {
                    case NEWS -> {
                        args.put("query", query(question, null));
                        args.put("limit", MAX_ITEMS);
                    }
                    case OPTIMISE -> args.put("objective",
                            "low".equals(riskLevel(plan)) || profile.id().equals("riskManager")
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

    private static void addCall(Plan plan, Set<String> planned, String tool, Map<String, Object> args) {
        String arguments = Json.write(args);
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
                    Json.parse(call.arguments()).map(n -> n.path("symbol").asText(""))
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

    // ---------------------------------------------------------------- reading results

    /** A tool's answer as the conversation carries it. */
    private record Result(String tool, ToolResult data, String error) {
    }

    private static List<Result> results(List<ChatMessage> messages) {
        List<Result> results = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message instanceof ToolExecutionResultMessage tool) {
                results.add(read(tool.toolName(), tool.text()));
            }
        }
        return results;
    }

    private static Result read(String toolName, String text) {
        JsonNode node = Json.parse(text).filter(JsonNode::isObject).orElse(null);
        if (node == null) {
            return new Result(toolName, null, text == null || text.isBlank() ? "no answer" : text);
        }
        if (node.hasNonNull("error")) {
            return new Result(toolName, null, node.get("error").asText());
        }
        return new Result(toolName, toolResult(node), null);
    }

    /** A tool result from the JSON {@code ToolCall#toModelText} wrote. */
    static ToolResult toolResult(JsonNode node) {
        Map<String, Double> metrics = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            if (metric.getValue().isNumber()) {
                metrics.put(metric.getKey(), metric.getValue().asDouble());
            }
        }
        List<EvidenceItem> items = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            if (item.hasNonNull("id")) {
                Double sentiment = item.path("sentiment").isNumber() ? item.get("sentiment").asDouble() : null;
                items.add(new EvidenceItem(item.get("id").asText(), text(item, "source"), text(item, "title"),
                        text(item, "snippet"), text(item, "url"), text(item, "date"), text(item, "symbol"),
                        text(item, "category"), sentiment));
            }
        }
        return new ToolResult(text(node, "id"), text(node, "tool"), text(node, "symbol"), text(node, "source"),
                text(node, "asOf"), metrics, items, text(node, "note"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    // ---------------------------------------------------------------- writing the answer

    private String compose(String question, Plan plan, List<ChatMessage> earlier, List<Result> results) {
        List<String> paragraphs = new ArrayList<>();
        String memoryLine = memoryLine(question, plan, earlier);
        if (!plan.stated.isEmpty()) {
            paragraphs.add("Noted: " + joinSentences(plan.stated.stream().map(Memory::secondPerson).toList())
                    + ". I will take that into account in my answers.");
        }
        if (memoryLine != null) {
            paragraphs.add(memoryLine);
        }
        if (plan.greeting) {
            paragraphs.add(introduction());
            return finish(paragraphs, List.of());
        }
        if (plan.statementOnly) {
            return finish(paragraphs, List.of());
        }
        if (plan.needsSymbol) {
            paragraphs.add("Which symbol do you mean? Name a ticker and I will fetch its data.");
        }
        String conversationLine = conversationLine(plan, earlier, results);
        if (conversationLine != null) {
            paragraphs.add(conversationLine);
        }
        List<ToolResult> data = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Result result : results) {
            if (result.error() != null) {
                problems.add("I could not get " + result.tool() + ": " + result.error() + ".");
            } else if (result.data().isEmpty()) {
                problems.add(result.tool() + (result.data().symbol() == null ? "" : " for " + result.data().symbol())
                        + " returned no data" + (result.data().note() == null ? "" : " (" + result.data().note() + ")")
                        + ".");
            } else {
                data.add(result.data());
            }
        }
        Map<String, Map<String, Double>> bySymbol = new LinkedHashMap<>();
        for (String symbol : plan.symbols) {
            String section = symbolSection(symbol, data, bySymbol);
            if (section != null) {
                paragraphs.add(section);
            }
        }
        String portfolio = portfolioSection(data, plan.symbols);
        if (portfolio != null) {
            paragraphs.add(portfolio);
        }
        String macro = macroSection(data);
        if (macro != null) {
            paragraphs.add(macro);
        }
        String news = newsSection(data, plan.symbols);
        if (news != null) {
            paragraphs.add(news);
        }
        List<String> observations = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> entry : bySymbol.entrySet()) {
            observations.addAll(observations(entry.getKey(), entry.getValue(), data));
        }
        observations.addAll(macroObservations(data));
        String tailored = tailoring(plan, bySymbol, data);
        if (tailored != null) {
            observations.add(tailored);
        }
        String closing = angle(plan, bySymbol, data);
        if (closing != null) {
            observations.add(closing);
        }
        if (!observations.isEmpty()) {
            paragraphs.add(String.join(" ", observations));
        }
        if (data.isEmpty() && results.isEmpty() && !plan.needsSymbol && plan.missing.isEmpty()) {
            paragraphs.add(plan.toolsOffered
                    ? "Your question does not call for any of my data tools, so I have no figures to quote. " + introduction()
                    : "I have no data tools in this conversation, so I cannot quote current figures"
                    + (plan.symbols.isEmpty() ? "." : " for " + String.join(", ", plan.symbols) + ".")
                    + " I only quote numbers that a tool returned.");
        }
        if (!plan.missing.isEmpty()) {
            paragraphs.add(missingLine(plan.missing));
        }
        if (!problems.isEmpty()) {
            paragraphs.add(String.join(" ", problems));
        }
        return finish(paragraphs, data);
    }

    private String finish(List<String> paragraphs, List<ToolResult> data) {
        List<String> sources = new ArrayList<>();
        for (ToolResult result : data) {
            String source = (result.source() == null ? "unnamed source" : result.source()) + " (" + result.tool()
                    + (result.symbol() == null ? "" : " " + result.symbol())
                    + (result.asOf() == null ? "" : ", " + date(result.asOf())) + ")";
            if (!sources.contains(source)) {
                sources.add(source);
            }
        }
        List<String> all = new ArrayList<>(paragraphs);
        if (!sources.isEmpty()) {
            all.add("Sources: " + String.join("; ", sources) + ".");
        }
        all.add("Answered by " + MODEL_ID + ", Fin Agent's offline model, as your " + profile.name() + ": "
                + (data.isEmpty() ? "no figures were quoted" : "every figure comes from the tool results named above")
                + "; no language model was involved. This is information, not personalised financial advice.");
        return String.join("\n\n", all);
    }

    private String introduction() {
        return "I am your " + profile.name() + " (" + profile.description().toLowerCase(Locale.ROOT) + "). I answer from "
                + "data tools (" + String.join(", ", profile.tools()) + ") and quote only the figures they return; "
                + "ask me about a symbol, for example its price, trend or risk, or about your portfolio.";
    }

    /** "Last time you said …": long-term memories that bear on this answer and were not mentioned yet. */
    private String memoryLine(String question, Plan plan, List<ChatMessage> earlier) {
        String said = earlier.stream().filter(m -> m instanceof AiMessage).map(ChatTokenEstimator::textOf)
                .reduce("", (a, b) -> a + "\n" + b).toLowerCase(Locale.ROOT);
        Set<String> statedNow = new LinkedHashSet<>();
        plan.stated.forEach(m -> statedNow.add(m.text().toLowerCase(Locale.ROOT)));
        boolean adviceContext = plan.advice || profile.id().equals("advisor") || profile.id().equals("riskManager")
                || profile.id().equals("general");
        boolean riskContext = adviceContext || plan.capabilities.contains(Capability.RISK)
                || plan.capabilities.contains(Capability.PORTFOLIO_RISK);
        Set<String> questionWords = new LinkedHashSet<>();
        for (String word : question.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.length() > 3) {
                questionWords.add(word);
            }
        }
        List<String> mentions = new ArrayList<>();
        for (String memory : memories) {
            String lower = memory.toLowerCase(Locale.ROOT);
            String second = MemoryText.secondPerson(memory);
            if (statedNow.contains(MemoryText.normalise(memory).toLowerCase(Locale.ROOT))
                    || said.contains(second.toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean risk = lower.contains("risk");
            boolean horizon = lower.matches(".*\\b(?:horizon|retire\\w*|need the money|years?|term)\\b.*");
            boolean relevant = risk && riskContext || horizon && adviceContext
                    || plan.symbols.stream().anyMatch(s -> memory.matches(".*\\b" + Pattern.quote(s) + "\\b.*"))
                    || questionWords.stream().anyMatch(w -> lower.matches(".*\\b" + Pattern.quote(w) + "\\b.*"));
            if (relevant) {
                mentions.add(second);
            }
            if (mentions.size() == MAX_MEMORY_MENTIONS) {
                break;
            }
        }
        return mentions.isEmpty() ? null : "Last time you said " + joinSentences(mentions) + ".";
    }

    /** How this turn relates to the earlier ones: a follow-up, or a symbol asked about again. */
    private String conversationLine(Plan plan, List<ChatMessage> earlier, List<Result> results) {
        if (plan.previousQuestion == null) {
            return null;
        }
        if (plan.followUp) {
            return "Following up on your earlier question (\"" + shorten(plan.previousQuestion) + "\"), here is more on "
                    + String.join(", ", plan.symbols) + ".";
        }
        List<String> again = plan.symbols.stream().filter(s -> questionAbout(s, earlier) != null).toList();
        if (again.isEmpty()) {
            return null;
        }
        StringBuilder line = new StringBuilder("You asked about ").append(String.join(", ", again))
                .append(" earlier in this conversation (\"").append(shorten(questionAbout(again.get(0), earlier)))
                .append("\").");
        for (String symbol : again) {
            Result before = lastPrice(symbol, results(earlier));
            Result now = lastPrice(symbol, results);
            if (before != null && now != null) {
                double was = before.data().metrics().get("price");
                double is = now.data().metrics().get("price");
                line.append(' ').append(symbol).append("'s price was ").append(Figures.format("price", was))
                        .append(" then (").append(before.data().source()).append(") and is ")
                        .append(Figures.format("price", is)).append(" now (").append(now.data().source()).append(").");
            }
        }
        return line.toString();
    }

    /** The latest earlier question naming the symbol, or null. */
    private static String questionAbout(String symbol, List<ChatMessage> earlier) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(symbol) + "\\b");
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i) instanceof UserMessage user && word.matcher(ChatTokenEstimator.textOf(user)).find()) {
                return ChatTokenEstimator.textOf(user);
            }
        }
        return null;
    }

    private static Result lastPrice(String symbol, List<Result> results) {
        Result found = null;
        for (Result result : results) {
            if (result.data() != null && symbol.equals(result.data().symbol())
                    && result.data().metrics().containsKey("price")) {
                found = result;
            }
        }
        return found;
    }

    /** The figures of one symbol, each result with its source, in the order the profile weighs them. */
    private String symbolSection(String symbol, List<ToolResult> data, Map<String, Map<String, Double>> bySymbol) {
        List<String> sentences = new ArrayList<>();
        Map<String, Double> merged = new LinkedHashMap<>();
        for (ToolResult result : data) {
            if (!symbol.equals(result.symbol()) || result.metrics().isEmpty()) {
                continue;
            }
            List<String> figures = new ArrayList<>();
            for (String metric : ordered(result.metrics().keySet())) {
                if (merged.containsKey(metric) || figures.size() == MAX_METRICS_PER_RESULT) {
                    continue;
                }
                double value = result.metrics().get(metric);
                merged.put(metric, value);
                figures.add(Figures.label(metric) + " " + Figures.format(metric, value));
            }
            if (!figures.isEmpty()) {
                String joined = String.join(", ", figures);
                sentences.add((sentences.isEmpty() ? joined : capitalise(joined)) + " (" + sourceOf(result) + ").");
            }
        }
        for (ToolResult result : data) {
            Double weight = result.metrics().get("weight." + symbol);
            if (result.symbol() == null && weight != null) {
                merged.put("weight", weight);
                Double pnl = result.metrics().get("pnlPct." + symbol);
                sentences.add("In your portfolio " + symbol + " weighs " + Figures.format("weight." + symbol, weight)
                        + (pnl == null ? "" : " with a profit/loss of " + Figures.format("pnlPct." + symbol, pnl))
                        + " (" + sourceOf(result) + ").");
            }
        }
        if (sentences.isEmpty()) {
            return null;
        }
        bySymbol.put(symbol, merged);
        return symbol + ": " + String.join(" ", sentences);
    }

    /** Holdings, portfolio risk and optimiser weights not already told per symbol. */
    private String portfolioSection(List<ToolResult> data, List<String> shownSymbols) {
        List<String> sentences = new ArrayList<>();
        for (ToolResult result : data) {
            if (result.symbol() != null || result.metrics().isEmpty() || isMacro(result)) {
                continue;
            }
            Map<String, Double> metrics = result.metrics();
            List<String> figures = new ArrayList<>();
            if (metrics.containsKey("totalValue")) {
                figures.add("total value " + Figures.format("totalValue", metrics.get("totalValue")));
            }
            metrics.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("weight.")
                            && !shownSymbols.contains(e.getKey().substring("weight.".length())))
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .limit(MAX_HOLDINGS)
                    .forEach(e -> {
                        String symbol = e.getKey().substring("weight.".length());
                        Double pnl = metrics.get("pnlPct." + symbol);
                        figures.add(symbol + " " + Figures.format(e.getKey(), e.getValue())
                                + (pnl == null ? "" : " (profit/loss " + Figures.format("pnlPct." + symbol, pnl) + ")"));
                    });
            for (String metric : ordered(metrics.keySet())) {
                if (!metric.contains(".") && !metric.equals("totalValue")) {
                    figures.add(Figures.label(metric) + " " + Figures.format(metric, metrics.get(metric)));
                }
            }
            if (!figures.isEmpty()) {
                String what = isOptimiser(result) ? "The optimiser proposes" : "Your portfolio";
                sentences.add(what + ": " + String.join(", ", figures) + " (" + sourceOf(result) + ").");
            }
        }
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }

    private String macroSection(List<ToolResult> data) {
        for (ToolResult result : data) {
            if (isMacro(result) && !result.metrics().isEmpty()) {
                List<String> figures = new ArrayList<>();
                // published statistics carry their own series and date, which differ figure by figure
                for (EvidenceItem statistic : statistics(result)) {
                    figures.add(statistic.title() + " (" + statistic.source() + ", " + date(statistic.date()) + ")");
                }
                if (!figures.isEmpty()) {
                    return "The economy: " + String.join("; ", figures) + ".";
                }
                for (String metric : ordered(result.metrics().keySet())) {
                    figures.add(Figures.label(metric) + " " + Figures.format(metric, result.metrics().get(metric)));
                }
                return "The economy: " + String.join(", ", figures) + " (" + sourceOf(result) + ").";
            }
        }
        return null;
    }

    private static String newsSection(List<ToolResult> data, List<String> symbols) {
        List<String> lines = new ArrayList<>();
        double sentiment = 0;
        int scored = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (ToolResult result : data) {
            int shown = 0;
            for (EvidenceItem item : result.items()) {
                if (shown == MAX_ITEMS || item.title() == null || EvidenceItem.STATISTIC.equals(item.category())
                        || !seen.add(item.id())) {
                    continue;
                }
                shown++;
                lines.add("\"" + item.title() + "\" (" + (item.source() == null ? result.source() : item.source())
                        + (item.date() == null ? "" : ", " + date(item.date())) + ")");
                if (item.sentiment() != null) {
                    sentiment += item.sentiment();
                    scored++;
                }
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        String tone = scored == 0 ? "" : " Taken together the coverage reads "
                + (sentiment / scored > 0.15 ? "positive" : sentiment / scored < -0.15 ? "negative" : "mixed") + ".";
        return "Recent coverage" + (symbols.isEmpty() ? "" : " of " + String.join(", ", symbols)) + ": "
                + String.join("; ", lines) + "." + tone;
    }

    // ---------------------------------------------------------------- observations (words only, no new numbers)

    private List<String> observations(String symbol, Map<String, Double> m, List<ToolResult> data) {
        Map<String, String> byTheme = new LinkedHashMap<>();
        Double price = m.get("price");
        if (price != null && m.containsKey("sma200")) {
            byTheme.put("trend", symbol + " trades " + (price >= m.get("sma200") ? "above" : "below")
                    + " its 200-day average, so the long-term trend is " + (price >= m.get("sma200") ? "up" : "down")
                    + (m.containsKey("sma50") ? (price >= m.get("sma50") ? " and it holds above its 50-day average."
                    : ", though it has slipped below its 50-day average.") : "."));
        } else if (m.containsKey("return1y")) {
            byTheme.put("trend", symbol + (m.get("return1y") >= 0 ? " gained" : " lost") + " over the past year.");
        }
        if (m.containsKey("rsi14") || m.containsKey("macdHistogram")) {
            List<String> parts = new ArrayList<>();
            Double rsi = m.get("rsi14");
            if (rsi != null) {
                parts.add("RSI(14) reads " + (rsi >= 70 ? "overbought" : rsi <= 30 ? "oversold" : "neutral"));
            }
            Double macd = m.get("macdHistogram");
            if (macd != null) {
                parts.add("the MACD histogram is " + (macd >= 0 ? "positive, so momentum is building"
                        : "negative, so momentum is fading"));
            }
            Double pctB = m.get("bollingerPctB");
            if (pctB != null && (pctB > 1 || pctB < 0)) {
                parts.add("the price is " + (pctB > 1 ? "above the upper" : "below the lower") + " Bollinger band");
            }
            byTheme.put("momentum", capitalise(String.join("; ", parts)) + ".");
        }
        if (m.containsKey("volatility") || m.containsKey("maxDrawdown") || m.containsKey("beta")) {
            List<String> parts = new ArrayList<>();
            Double vol = m.get("volatility");
            if (vol != null) {
                parts.add(vol >= 0.4 ? "it is a very volatile stock" : vol >= 0.25 ? "it swings more than a typical "
                        + "large company" : "its price has been relatively calm");
            }
            Double drawdown = m.get("maxDrawdown");
            if (drawdown != null && drawdown >= 0.3) {
                parts.add("it has fallen a long way from a peak before");
            }
            Double beta = m.get("beta");
            if (beta != null) {
                parts.add(beta > 1.2 ? "it moves more than the market" : beta < 0.8 ? "it moves less than the market"
                        : "it moves roughly with the market");
            }
            byTheme.put("risk", "On risk: " + String.join(", ", parts) + ".");
        }
        if (m.containsKey("relativeStrength3m")) {
            byTheme.put("sector", symbol + (m.get("relativeStrength3m") >= 0 ? " has outperformed" : " has lagged")
                    + " its sector over the last three months.");
        }
        if (m.containsKey("pe") || m.containsKey("forwardPe")) {
            Double pe = m.getOrDefault("pe", m.get("forwardPe"));
            Double sectorPe = m.get("sectorPe");
            byTheme.put("value", sectorPe == null ? symbol + " has a valuation multiple on record; compare it with peers."
                    : symbol + " is valued " + (pe > sectorPe ? "above" : "below") + " its sector on P/E.");
        } else if (profile.id().equals("analyst")) {
            byTheme.put("value", "My tools returned no valuation ratios for " + symbol
                    + ", so this view rests on price action and risk only.");
        }
        Double weight = m.get("weight");
        if (weight != null && weight >= 0.2) {
            byTheme.put("portfolio", symbol + " is a concentrated position in your portfolio.");
        }
        List<String> out = new ArrayList<>();
        for (String theme : themes()) {
            String sentence = byTheme.get(theme);
            if (sentence != null && out.size() < 3) {
                out.add(sentence);
            }
        }
        return out;
    }

    private List<String> themes() {
        return switch (profile.id()) {
            case "analyst" -> List.of("value", "trend", "momentum", "risk", "sector", "portfolio");
            case "trader" -> List.of("momentum", "trend", "risk", "portfolio", "sector", "value");
            case "advisor" -> List.of("portfolio", "trend", "risk", "value", "sector", "momentum");
            case "riskManager" -> List.of("risk", "portfolio", "trend", "momentum", "sector", "value");
            case "economist" -> List.of("sector", "trend", "risk", "value", "portfolio", "momentum");
            default -> List.of("trend", "risk", "portfolio", "momentum", "value", "sector");
        };
    }

    private static List<String> macroObservations(List<ToolResult> data) {
        List<String> out = new ArrayList<>();
        for (ToolResult result : data) {
            if (!isMacro(result)) {
                continue;
            }
            Map<String, Double> m = result.metrics();
            List<String> parts = new ArrayList<>();
            Double inflation = m.get("inflationYoY");
            if (inflation != null) {
                parts.add(inflation > 2.5 ? "inflation is still above the Fed's target, which limits room for rate cuts"
                        : "inflation is close to the Fed's target");
            }
            Double unemploymentChange = m.get("unemploymentChange");
            if (unemploymentChange != null && unemploymentChange >= 0.5) {
                parts.add("unemployment has risen by half a point or more in a year, an early recession signal");
            }
            Double rateChange = m.get("policyRateChange");
            if (rateChange != null && rateChange != 0) {
                parts.add(rateChange < 0 ? "the central bank has been cutting, which helps rate-sensitive sectors"
                        : "the central bank has been hiking, which weighs on rate-sensitive sectors");
            }
            Double curve = m.get("yieldCurve10y2y");
            if (curve != null) {
                parts.add(curve < 0 ? "the yield curve is inverted, a classic late-cycle warning"
                        : "the yield curve slopes upward");
            }
            Double pmi = m.get("pmi");
            if (pmi != null) {
                parts.add("the PMI points to " + (pmi >= 50 ? "expanding" : "contracting") + " activity");
            }
            if (!parts.isEmpty()) {
                out.add("In the cycle: " + String.join(", ", parts) + ".");
            }
        }
        return out;
    }

    /** The user's risk tolerance and horizon applied to what the figures show. */
    private String tailoring(Plan plan, Map<String, Map<String, Double>> bySymbol, List<ToolResult> data) {
        String level = riskLevel(plan);
        boolean risky = false;
        for (Map<String, Double> m : bySymbol.values()) {
            risky |= m.getOrDefault("volatility", 0.0) >= 0.25 || m.getOrDefault("maxDrawdown", 0.0) >= 0.3
                    || m.getOrDefault("beta", 1.0) > 1.2;
        }
        List<String> parts = new ArrayList<>();
        if ("low".equals(level) && risky) {
            parts.add("With your low risk tolerance, swings like these argue for a small position, if any, inside a "
                    + "diversified portfolio");
        } else if ("low".equals(level) && !bySymbol.isEmpty()) {
            parts.add("For your low risk tolerance, keep any single stock a modest part of a diversified portfolio");
        } else if ("high".equals(level) && risky) {
            parts.add("Your high risk tolerance can carry these swings; still size the position so a drawdown like the "
                    + "past one stays bearable");
        }
        String horizon = horizon(plan);
        if ("long".equals(horizon) && (plan.advice || !bySymbol.isEmpty() || !data.isEmpty())) {
            parts.add("with your long horizon, the long-term trend and diversification matter more than the next few "
                    + "months");
        } else if ("short".equals(horizon)) {
            parts.add("with your short horizon, money you need soon should not depend on a volatile holding");
        }
        if (parts.isEmpty()) {
            return null;
        }
        return capitalise(String.join("; ", parts)) + ".";
    }

    /** One closing sentence from the profile's angle. */
    private String angle(Plan plan, Map<String, Map<String, Double>> bySymbol, List<ToolResult> data) {
        if (data.isEmpty()) {
            return null;
        }
        Map<String, Double> first = bySymbol.isEmpty() ? Map.of() : bySymbol.values().iterator().next();
        return switch (profile.id()) {
            case "trader" -> {
                Double rsi = first.get("rsi14");
                String entry = rsi == null ? "" : rsi >= 70 ? "Chasing an overbought move is risky; a pullback toward "
                        + "the 50-day average is the patient entry. " : rsi <= 30 ? "Oversold readings can bounce, but "
                        + "wait for momentum to turn before entering. " : "";
                yield entry + (first.containsKey("atr14") ? "Set the stop a multiple of ATR(14) away from the entry "
                        + "and size the trade so that being stopped out costs only a small slice of the account."
                        : "Size the trade so that a wrong call is survivable.");
            }
            case "riskManager" -> {
                boolean concentrated = data.stream().anyMatch(r -> r.metrics().getOrDefault("maxWeight", 0.0) >= 0.2)
                        || first.getOrDefault("weight", 0.0) >= 0.2;
                boolean deep = first.getOrDefault("maxDrawdown", 0.0) >= 0.3;
                yield "Largest risk first: " + (concentrated ? "concentration, so cap the position before anything else."
                        : deep ? "drawdown, so set a loss limit or hedge before adding."
                        : "volatility, so keep the position size within what your loss limit allows.");
            }
            case "advisor" -> bySymbol.isEmpty()
                    ? "Compare these weights with your target allocation, and rebalance when they drift from it."
                    : "Decide the size from your target allocation rather than from the recent move, and rebalance "
                    + "when it drifts.";
            case "analyst" -> "The conclusion follows the figures above; the figures, not a price target, are the "
                    + "evidence.";
            case "economist" -> "Sectors that are sensitive to rates and growth tend to lead when the cycle turns.";
            default -> plan.advice ? "Weigh this against your goals; no single figure decides it."
                    : null;
        };
    }

    private String missingLine(Set<Capability> missing) {
        List<String> parts = new ArrayList<>();
        for (Capability capability : missing) {
            List<String> others = catalog.stream()
                    .filter(p -> !p.id().equals(profile.id()) && p.tools().stream().anyMatch(capability.tools::contains))
                    .map(AssistantProfile::name).toList();
            parts.add("As your " + profile.name() + " I have no " + capability.description + " tool"
                    + (others.isEmpty() ? "." : "; the " + String.join(" or the ", others) + " can answer that."));
        }
        return String.join(" ", parts);
    }

    // ---------------------------------------------------------------- helpers

    private String riskLevel(Plan plan) {
        String level = null;
        List<String> all = new ArrayList<>(memories);
        plan.stated.forEach(m -> all.add(m.text()));
        for (String memory : all) {
            Matcher m = RISK_LEVEL.matcher(memory);
            if (m.find()) {
                level = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return level;
    }

    private String horizon(Plan plan) {
        String horizon = null;
        List<String> all = new ArrayList<>(memories);
        plan.stated.forEach(m -> all.add(m.text()));
        for (String memory : all) {
            String lower = memory.toLowerCase(Locale.ROOT);
            if (!lower.matches(".*\\b(?:horizon|retire\\w*|need the money|investing for|saving for)\\b.*")) {
                continue;
            }
            if (SHORT_HORIZON.matcher(lower).find()) {
                horizon = "short";
            } else if (LONG_HORIZON.matcher(lower).find()) {
                horizon = "long";
            }
        }
        return horizon;
    }

    private List<String> ordered(Collection<String> metrics) {
        List<String> priority = switch (profile.id()) {
            case "analyst" -> List.of("price", "pe", "forwardPe", "pegRatio", "epsGrowth", "revenueGrowth",
                    "operatingMargin", "fcfYield", "return1y", "return3m", "sma50", "sma200", "rsi14", "macdHistogram",
                    "volatility", "sharpe", "beta");
            case "trader" -> List.of("price", "dayChange", "rsi14", "macdHistogram", "bollingerPctB", "atr14", "sma50",
                    "sma200", "return1m", "volatility", "var95", "maxDrawdown");
            case "advisor" -> List.of("price", "return1y", "volatility", "maxDrawdown", "sharpe", "dividendYield",
                    "sma200", "return3m", "totalValue");
            case "riskManager" -> List.of("volatility", "var95", "expectedShortfall95", "maxDrawdown", "beta", "sharpe",
                    "maxWeight", "hhi", "price");
            case "economist" -> List.of("policyRate", "policyRateChange", "inflationYoY", "coreInflationYoY",
                    "gdpGrowth", "unemployment", "unemploymentChange", "payrollsChange", "yield10y", "yield10yChange",
                    "yieldCurve10y2y", "pmi", "sectorReturn3m", "relativeStrength3m", "sectorPe", "price", "return3m");
            default -> List.of("price", "dayChange", "return1y", "return3m", "volatility", "maxDrawdown", "high52w",
                    "low52w", "sma200", "rsi14", "var95", "beta");
        };
        List<String> out = new ArrayList<>();
        for (String metric : priority) {
            if (metrics.contains(metric)) {
                out.add(metric);
            }
        }
        metrics.stream().filter(m -> !out.contains(m) && !m.contains(".")).sorted().forEach(out::add);
        return out;
    }

    private static List<EvidenceItem> statistics(ToolResult result) {
        return result.items().stream().filter(item -> EvidenceItem.STATISTIC.equals(item.category())
                && item.title() != null && item.date() != null).toList();
    }

    private static boolean isMacro(ToolResult result) {
        return "economicData".equals(result.tool()) || "MACRO".equals(result.symbol());
    }

    private static boolean isOptimiser(ToolResult result) {
        return result.tool() != null && Capability.OPTIMISE.tools.contains(result.tool());
    }

    private static String sourceOf(ToolResult result) {
        String source = result.source() == null ? result.tool() : result.source();
        return result.asOf() == null ? source : source + ", " + date(result.asOf());
    }

    private static String date(String asOf) {
        return asOf.length() > 10 && asOf.matches("\\d{4}-\\d{2}-\\d{2}[T ].*") ? asOf.substring(0, 10) : asOf;
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\s+", " ").trim();
        return clean.length() <= 80 ? clean : clean.substring(0, 77).trim() + "...";
    }

    private static String joinSentences(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Map<Capability, Pattern> intents() {
        Map<Capability, Pattern> map = new LinkedHashMap<>();
        map.put(Capability.QUOTE, Pattern.compile("\\b(?:price|prices|quote|trading at|trade at|worth|cost|how much|"
                + "perform\\w*|returns?|trend\\w*|doing|moved?|52-week|high|low|rall\\w*|drop\\w*|fell|fall\\w*|gain\\w*|"
                + "up|down|valuation|value)\\b", FLAGS));
        map.put(Capability.TECHNICAL, Pattern.compile("\\b(?:rsi|macd|technicals?|indicators?|momentum|overbought|"
                + "oversold|chart\\w*|moving averages?|sma|bollinger|atr|entry|exit|stops?|support|resistance|signals?|"
                + "breakout|timing|setup)\\b", FLAGS));
        map.put(Capability.RISK, Pattern.compile("\\b(?:risk|risky|riskier|volatil\\w*|drawdowns?|var|value at risk|beta|"
                + "safe|safer|hedg\\w*|downside|lose|loss|losses|sharpe|shortfall|crash\\w*)\\b", FLAGS));
        map.put(Capability.SECTOR, Pattern.compile("\\b(?:sectors?|industry|peers?|relative strength)\\b", FLAGS));
        map.put(Capability.NEWS, Pattern.compile("\\b(?:news|headlines?|why|happening|sentiment|earnings|announce\\w*|"
                + "latest|reports?|rumou?rs?|coverage)\\b", FLAGS));
        map.put(Capability.HOLDINGS, Pattern.compile("\\b(?:portfolio|holdings?|my positions?|my stocks|my shares|"
                + "allocation|rebalanc\\w*|diversif\\w*|exposure|weights?|concentrat\\w*)\\b", FLAGS));
        map.put(Capability.PORTFOLIO_RISK, Pattern.compile("\\b(?:diversif\\w*|concentrat\\w*|correlat\\w*|portfolio "
                + "risk|risk of my portfolio|stress\\w*|monte carlo)\\b", FLAGS));
        map.put(Capability.OPTIMISE, Pattern.compile("\\b(?:optimi[sz]\\w*|rebalanc\\w*|allocat\\w*|target weights?|"
                + "efficient)\\b", FLAGS));
        map.put(Capability.MACRO, Pattern.compile("\\b(?:macro|econom\\w*|inflation|interest rates?|rates|fed|"
                + "recession|gdp|yields?|unemployment|cycle|central bank|pmi)\\b", FLAGS));
        return Map.copyOf(map);
    }
}
