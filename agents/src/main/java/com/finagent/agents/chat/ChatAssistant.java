package com.finagent.agents.chat;

import com.finagent.agents.debate.TokenCount;
import com.finagent.agents.model.Json;
import com.finagent.agents.model.ModelResolver;
import com.finagent.agents.model.OfflineChatModel;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.profile.AssistantCatalog;
import com.finagent.agents.profile.AssistantProfile;
import com.finagent.agents.tools.AgentToolkit;
import com.finagent.agents.tools.ToolCall;
import com.finagent.agents.tools.ToolResult;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chats with one assistant profile of {@code assistants.json}: the profile's instructions and the user's long-term
 * memories as the system message, the conversation so far from a token-windowed LangChain4j {@link ChatMemory}
 * over the server's {@link ChatMemoryStore}, and the profile's tools run through {@link AgentToolkit} for a bounded
 * number of model turns. The model comes from the {@link ModelResolver} (participant {@code chat}); when that is the
 * offline model, {@link OfflineChatResponder} answers from the tool results alone.
 * <p>
 * Plain Java and thread-safe: one instance serves every user. A turn's messages (question, tool calls and results,
 * answer) are appended to the memory together once the answer exists, so a failed turn leaves the memory as it was
 * and concurrent turns never interleave their messages.
 */
public final class ChatAssistant {

    /** Fixed so that providers taking a seed answer alike to alike conversations, and the catalog builds one model. */
    static final long SEED = 42;
    private static final int LOCK_STRIPES = 64;
    /** Chunk size of the streaming variant, in words. */
    private static final int WORDS_PER_CHUNK = 4;

    private static volatile AssistantCatalog catalog;

    private final ModelResolver models;
    private final ChatMemoryStore store;
    private final ChatSettings settings;
    private final ChatTokenEstimator estimator = new ChatTokenEstimator();
    private final Object[] locks = new Object[LOCK_STRIPES];

    public ChatAssistant(ModelResolver models, ChatMemoryStore store) {
        this(models, store, ChatSettings.defaults());
    }

    public ChatAssistant(ModelResolver models, ChatMemoryStore store, ChatSettings settings) {
        this.models = Objects.requireNonNull(models, "models");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = settings == null ? ChatSettings.defaults() : settings;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Answers one turn; blocks for the model and tool calls. Model failures propagate and change no memory. */
    public ChatReply chat(ChatTurn turn) {
        Objects.requireNonNull(turn, "turn");
        AssistantProfile profile = catalog().find(turn.assistantType())
                .orElseThrow(() -> new IllegalArgumentException("Unknown assistant type '" + turn.assistantType() + "'"));
        ResolvedModel resolved = models.resolve(settings.modelParticipant(), turn.model(), SEED);
        boolean offline = resolved.model() instanceof OfflineChatModel || OfflineChatModel.MODEL_ID.equals(resolved.id());
        ChatModel model = offline
                ? new OfflineChatResponder(profile, catalog().all(), turn.symbols(), turn.memories())
                : resolved.model();
        AgentToolkit toolkit = turn.tools() == null ? null : new AgentToolkit(turn.tools());
        List<ToolSpecification> specs = toolkit == null ? List.of() : AgentToolkit.specifications(profile.tools());

        ChatMemory memory = memory(turn.memoryId());
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(ChatPrompts.system(profile, turn.symbols(), turn.memories(), !specs.isEmpty()));
        conversation.addAll(fromFirstQuestion(memory.messages()));
        UserMessage question = UserMessage.from(turn.message());
        conversation.add(question);
        List<ChatMessage> added = new ArrayList<>(List.of(question));

        List<ChatToolCall> calls = new ArrayList<>();
        List<ToolResult> results = new ArrayList<>();
        Set<String> resultIds = new HashSet<>();
        TokenCount tokens = TokenCount.ZERO;
        int modelCalls = 0;
        int toolTurns = 0;
        String answer;
        while (true) {
            boolean offer = !specs.isEmpty() && toolTurns < settings.maxToolTurns();
            ChatResponse response = model.chat(ChatRequest.builder().messages(conversation)
                    .toolSpecifications(offer ? specs : List.of()).build());
            modelCalls++;
            AiMessage ai = response.aiMessage();
            tokens = tokens.plus(tokensOf(response, conversation, ai));
            conversation.add(ai);
            added.add(ai);
            if (ai.hasToolExecutionRequests()) {
                if (toolTurns > settings.maxToolTurns()) {
                    throw new IllegalStateException("The model kept calling tools instead of answering");
                }
                toolTurns++;
                for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                    ToolCall call = offer
                            ? toolkit.execute(request, resultId(request, resultIds))
                            : new ToolCall(request.id(), request.name(), request.arguments(), null,
                            "no tools are available now; answer with what you have");
                    calls.add(new ChatToolCall(request.id(), request.name(), request.arguments(),
                            call.failed() ? null : call.result().id(), call.failed() ? null : call.result().source(),
                            call.failed() ? null : call.result().asOf(), call.error()));
                    if (!call.failed()) {
                        results.add(call.result());
                    }
                    ToolExecutionResultMessage message = ToolExecutionResultMessage.builder().id(request.id())
                            .toolName(request.name()).text(call.toModelText()).isError(call.failed()).build();
                    conversation.add(message);
                    added.add(message);
                }
                continue;
            }
            answer = ai.text();
            if (answer == null || answer.isBlank()) {
                throw new IllegalStateException("The model " + resolved.id() + " returned an empty answer");
            }
            break;
        }
        synchronized (lock(turn.memoryId())) {
            List<ChatMessage> updated = new ArrayList<>(memory.messages());
            updated.addAll(added);
            memory.set(updated);
        }
        return new ChatReply(answer, resolved.id(), tokens, calls, Figures.cited(answer, results), modelCalls);
    }

    /**
     * Answers one turn and hands the answer to {@code onPartial} in order, a few words at a time, before returning.
     * The chunks are cut from the finished answer rather than streamed from the provider: the tool loop needs each
     * model response whole, and {@link ModelResolver} hands out blocking {@link ChatModel}s only. The chunks
     * concatenate to {@link ChatReply#text()} exactly.
     */
    public ChatReply chat(ChatTurn turn, Consumer<String> onPartial) {
        Objects.requireNonNull(onPartial, "onPartial");
        ChatReply reply = chat(turn);
        for (String chunk : chunks(reply.text())) {
            onPartial.accept(chunk);
        }
        return reply;
    }

    /** The stored conversation of a memory id as the next turn would see it (windowed). */
    public List<ChatMessage> history(String memoryId) {
        return memory(memoryId).messages();
    }

    /** Forgets a conversation. */
    public void clear(String memoryId) {
        synchronized (lock(memoryId)) {
            memory(memoryId).clear();
        }
    }

    /**
     * The window from its first user message on: eviction can leave an answer whose question dropped out, and some
     * providers (Anthropic) reject a conversation that does not start with the user.
     */
    private static List<ChatMessage> fromFirstQuestion(List<ChatMessage> window) {
        for (int i = 0; i < window.size(); i++) {
            if (window.get(i) instanceof UserMessage) {
                return window.subList(i, window.size());
            }
        }
        return List.of();
    }

    private ChatMemory memory(String memoryId) {
        return TokenWindowChatMemory.builder()
                .id(memoryId)
                .maxTokens(settings.memoryTokens(), estimator)
                .chatMemoryStore(store)
                .build();
    }

    private Object lock(String memoryId) {
        return locks[Math.floorMod(memoryId.hashCode(), LOCK_STRIPES)];
    }

    /** Readable citation id of a result, unique within the turn: {@code marketData:AAPL}, {@code portfolio}. */
    private static String resultId(ToolExecutionRequest request, Set<String> taken) {
        String symbol = Json.parse(request.arguments()).map(n -> n.path("symbol").asText(""))
                .map(s -> s.trim().toUpperCase(Locale.ROOT)).orElse("");
        String base = request.name() + (symbol.isEmpty() ? "" : ":" + symbol);
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private TokenCount tokensOf(ChatResponse response, List<ChatMessage> conversation, AiMessage reply) {
        TokenUsage usage = response.tokenUsage();
        if (usage != null && usage.inputTokenCount() != null && usage.outputTokenCount() != null) {
            return new TokenCount(usage.inputTokenCount(), usage.outputTokenCount());
        }
        return new TokenCount(estimator.estimateTokenCountInMessages(conversation),
                estimator.estimateTokenCountInMessage(reply));
    }

    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int words = 0;
        int start = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord && ++words > WORDS_PER_CHUNK) {
                chunks.add(text.substring(start, i));
                start = i;
                words = 1;
            }
            inWord = !space;
        }
        if (start < text.length()) {
            chunks.add(text.substring(start));
        }
        return chunks;
    }

    private static AssistantCatalog catalog() {
        AssistantCatalog loaded = catalog;
        if (loaded == null) {
            loaded = AssistantCatalog.load();
            catalog = loaded;
        }
        return loaded;
    }
}
