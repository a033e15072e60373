package com.finagent.agents.offline.chat;

import com.finagent.agents.chat.ChatTokenEstimator;
import com.finagent.agents.chat.Figures;
import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryText;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.profile.AssistantProfile;
import com.finagent.agents.tools.ToolResult;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static com.finagent.agents.offline.chat.Sentences.date;
import static com.finagent.agents.offline.chat.Sentences.joinSentences;
import static com.finagent.agents.offline.chat.Sentences.shorten;

/**
 * Writes the offline chat's answer from the plan and the tools' answers: what the user just stated, the memories and
 * earlier turns that bear on it, the figures' paragraphs ({@link DataSections}), the interpretation
 * ({@link Observations}), what the profile cannot answer, and the sources. The answer names its model and that no
 * language model was involved.
 */
final class AnswerWriter {

    private static final int MAX_MEMORY_MENTIONS = 3;

    private final AssistantProfile profile;
    private final List<AssistantProfile> catalog;
    private final List<String> memories;
    private final DataSections sections;
    private final Observations commentary;

    AnswerWriter(ChatContext context) {
        this.profile = context.profile();
        this.catalog = context.catalog();
        this.memories = context.memories();
        this.sections = new DataSections(context.profile());
        this.commentary = new Observations(context);
    }

    /**
     * The answer to a question once the tools have answered.
     *
     * @param earlier the conversation before the question, without the system message
     * @param results the tools' answers of this turn
     */
    String compose(String question, ChatPlan plan, List<ChatMessage> earlier, List<ToolAnswer> results) {
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
        for (ToolAnswer result : results) {
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
            String section = sections.symbolSection(symbol, data, bySymbol);
            if (section != null) {
                paragraphs.add(section);
            }
        }
        String portfolio = sections.portfolioSection(data, plan.symbols);
        if (portfolio != null) {
            paragraphs.add(portfolio);
        }
        String macro = sections.macroSection(data);
        if (macro != null) {
            paragraphs.add(macro);
        }
        String news = DataSections.newsSection(data, plan.symbols);
        if (news != null) {
            paragraphs.add(news);
        }
        List<String> observations = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> entry : bySymbol.entrySet()) {
            observations.addAll(commentary.observations(entry.getKey(), entry.getValue(), data));
        }
        observations.addAll(Observations.macroObservations(data));
        String tailored = commentary.tailoring(plan, bySymbol, data);
        if (tailored != null) {
            observations.add(tailored);
        }
        String closing = commentary.angle(plan, bySymbol, data);
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
        all.add("Answered by " + ModelSpec.OFFLINE_MODEL_ID + ", Fin Agent's offline model, as your " + profile.name() + ": "
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
    private String memoryLine(String question, ChatPlan plan, List<ChatMessage> earlier) {
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
    private String conversationLine(ChatPlan plan, List<ChatMessage> earlier, List<ToolAnswer> results) {
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
            ToolAnswer before = lastPrice(symbol, ToolAnswer.all(earlier));
            ToolAnswer now = lastPrice(symbol, results);
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

    private static ToolAnswer lastPrice(String symbol, List<ToolAnswer> results) {
        ToolAnswer found = null;
        for (ToolAnswer result : results) {
            if (result.data() != null && symbol.equals(result.data().symbol())
                    && result.data().metrics().containsKey("price")) {
                found = result;
            }
        }
        return found;
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
}
