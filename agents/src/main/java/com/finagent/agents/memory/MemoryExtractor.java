package com.finagent.agents.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.finagent.agents.model.Json;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.offline.OfflineChatModel;
import com.finagent.agents.offline.memory.MemoryRules;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Pulls the facts and preferences a user states about themselves out of a chat message, as {@link Memory}s of the
 * six {@link MemoryKind}s. Offline by rules; with a language model when one is configured, asking for JSON and
 * falling back to the rules when the model fails or answers something unusable. Thread-safe.
 */
public final class MemoryExtractor {

    private static final Logger LOG = Logger.getLogger(MemoryExtractor.class.getName());
    private static final MemoryRules RULES = new MemoryRules();
    private static final int MAX_MEMORIES = 8;
    /** Messages without a first-person word state nothing about the user: no model call for them. */
    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(?:i|i'm|i've|i'd|i'll|me|my|mine|we|we're|our|us)\\b",
            Pattern.CASE_INSENSITIVE);

    static final String INSTRUCTIONS = """
            You extract long-term memories from one message a user wrote to a financial assistant: facts and \
            preferences the user states about themselves that matter for future advice. Kinds:
            - risk_tolerance: how much risk or loss the user accepts (low, moderate, high)
            - horizon: how long the user invests, or when they need the money (retirement year, goal date)
            - holding_interest: a security the user owns or is interested in (use the ticker if given)
            - dislike: investments the user does not want
            - preference: kinds of investments or goals the user prefers
            - fact: other durable facts (age, job, income, savings, family, country)
            Questions, requests and hypotheticals are not memories; neither is anything said about other people.
            Write each memory as one short sentence in the third person starting with "The user", keeping the \
            user's numbers and tickers exactly, e.g. "The user has a low risk tolerance.", \
            "The user owns 50 shares of AAPL.", "The user does not want to invest in tobacco stocks."
            Answer with JSON only: {"memories":[{"kind":"risk_tolerance","text":"The user has a low risk tolerance."}]} \
            and {"memories":[]} when the message states nothing about the user.""";

    private final ChatModel model;

    private MemoryExtractor(ChatModel model) {
        this.model = model;
    }

    /** Rules only: deterministic, no model. */
    public static MemoryExtractor offline() {
        return new MemoryExtractor(null);
    }

    /** Asks {@code model} (null: rules only), falling back to the rules when its answer is unusable. */
    public static MemoryExtractor withModel(ChatModel model) {
        return new MemoryExtractor(model instanceof OfflineChatModel ? null : model);
    }

    /** With the model the server resolved for memory extraction; the offline model means the rules. */
    public static MemoryExtractor forModel(ResolvedModel resolved) {
        if (resolved == null || resolved.model() instanceof OfflineChatModel
                || ModelSpec.OFFLINE_MODEL_ID.equals(resolved.id())) {
            return offline();
        }
        return new MemoryExtractor(resolved.model());
    }

    public boolean usesModel() {
        return model != null;
    }

    /** The memories a message states, in the order stated, without duplicates; empty for neutral messages. */
    public List<Memory> extract(String message) {
        if (message == null || message.isBlank() || !FIRST_PERSON.matcher(message).find()) {
            return List.of();
        }
        if (model == null) {
            return RULES.extract(message);
        }
        try {
            ChatResponse response = model.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(message))
                    .build());
            Optional<List<Memory>> parsed = parse(response.aiMessage().text());
            if (parsed.isPresent()) {
                return parsed.get();
            }
            LOG.fine("memory extraction: unusable model answer, using the rules");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "memory extraction: model failed, using the rules", e);
        }
        return RULES.extract(message);
    }

    /**
     * Reads a model's answer: the JSON object (or bare array) anywhere in the text, code fences and prose around it
     * ignored; entries with an unknown kind or no text are skipped. Empty when no JSON of that shape is found.
     */
    static Optional<List<Memory>> parse(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        Optional<JsonNode> root = Json.parse(answer.trim()).or(() -> Json.parse(between(answer, '{', '}')))
                .or(() -> Json.parse(between(answer, '[', ']')));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        JsonNode list = root.get().isArray() ? root.get() : root.get().get("memories");
        if (list == null || !list.isArray()) {
            return Optional.empty();
        }
        Set<Memory> memories = new LinkedHashSet<>();
        for (JsonNode entry : list) {
            String kind = entry.path("kind").asText(entry.path("type").asText(""));
            String text = entry.path("text").asText(entry.path("memory").asText(entry.path("content").asText("")));
            if (text.isBlank()) {
                continue;
            }
            try {
                memories.add(new Memory(MemoryKind.parse(kind), text));
            } catch (IllegalArgumentException unknownKind) {
                // a kind outside the six cannot be stored; the other entries still count
            }
            if (memories.size() == MAX_MEMORIES) {
                break;
            }
        }
        return Optional.of(new ArrayList<>(memories));
    }

    private static String between(String text, char open, char close) {
        int start = text.indexOf(open);
        int end = text.lastIndexOf(close);
        return start >= 0 && end > start ? text.substring(start, end + 1) : null;
    }
}
