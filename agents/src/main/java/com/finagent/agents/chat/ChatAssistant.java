package com.finagent.agents.chat;

import com.finagent.agents.debate.TokenCount;
import com.finagent.agents.model.Json;
import com.finagent.agents.model.ModelResolver;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.model.ResolvedStreamingModel;
import com.finagent.agents.model.ToolRequests;
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
import dev.langchain4j.model.chat.StreamingChatModel;
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
import java.util.function.Function;

/**
 * Chats with one assistant profile of {@code assistants.json}: the profile's instructions and the user's long-term
 * memories as the system message, the conversation so far from a token-windowed LangChain4j {@link ChatMemory}
 * over the server's {@link ChatMemoryStore}, and the profile's tools run through {@link AgentToolkit} for a bounded
 * number of model turns. The model comes from the {@link ModelResolver} (participant {@code chat}); the offline model
 * is one of them and reads the same messages.
 * <p>
 * A turn runs blocking ({@link #chat(ChatTurn)}, a {@link ChatModel}) or streaming ({@link #chat(ChatTurn, Consumer)},
 * the resolver's {@link StreamingChatModel} for the same model); both run the same tool loop and differ only in how
 * one model call is made. The reply's text is everything the model said in the turn: the text of each model call
 * that has any, separated by {@link #TEXT_SEPARATOR}. That is the final answer, preceded by whatever the model wrote
 * before calling tools ("Let me look up AAPL."), which the stream shows as it comes because whether a call ends in
 * tool calls is known only at its end.
 * <p>
 * Plain Java and thread-safe: one instance serves every user. A turn's messages (question, tool calls and results,
 * answer) are appended to the memory together once the answer exists, so a failed turn leaves the memory as it was
 * and concurrent turns never interleave their messages.
 */
public final class ChatAssistant {

    /** Fixed so that providers taking a seed answer alike to alike conversations, and the catalog builds one model. */
    static final long SEED = 42;
    /** Between the texts of two model calls of one turn. */
    static final String TEXT_SEPARATOR = "\n\n";
    private static final int LOCK_STRIPES = 64;

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
        AssistantProfile profile = profile(turn);
        ResolvedModel resolved = models.resolve(settings.modelParticipant(), turn.model(), SEED);
        ChatModel model = resolved.model();
        return converse(turn, profile, resolved.id(), model::chat);
    }

    /**
     * Answers one turn as {@link #chat(ChatTurn)} does, streaming: every model call goes through the resolver's
     * {@link StreamingChatModel}, and its text reaches {@code onPartial} as the provider sends it, on the calling
     * thread, before this method returns. The chunks concatenate to {@link ChatReply#text()} exactly, separators
     * included. A failure (the model's error, a stream idle for {@link ChatSettings#streamIdleTimeout()}, an exception
     * of {@code onPartial}) propagates and changes no memory, even after chunks were delivered.
     */
    public ChatReply chat(ChatTurn turn, Consumer<String> onPartial) {
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(onPartial, "onPartial");
        AssistantProfile profile = profile(turn);
        ResolvedStreamingModel resolved = models.resolveStreaming(settings.modelParticipant(), turn.model(), SEED);
        StreamingChatModel model = resolved.model();
        SeparatedText text = new SeparatedText(onPartial);
        return converse(turn, profile, resolved.id(), request -> {
            text.nextCall();
            return StreamedModelCall.respond(model, request, text, settings.streamIdleTimeout());
        });
    }

    /**
     * The tool loop of a turn: calls the model, runs the tools it asks for and calls it again, until it answers
     * (or has had its tool turns), then stores the turn's messages.
     *
     * @param call one model call, returning the complete response
     */
    private ChatReply converse(ChatTurn turn, AssistantProfile profile, String modelId,
                               Function<ChatRequest, ChatResponse> call) {
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
        StringBuilder said = new StringBuilder();
        TokenCount tokens = TokenCount.ZERO;
        int modelCalls = 0;
        int toolTurns = 0;
        while (true) {
            boolean offer = !specs.isEmpty() && toolTurns < settings.maxToolTurns();
            ChatResponse response = call.apply(ToolRequests.of(conversation, specs, offer));
            modelCalls++;
            AiMessage ai = response.aiMessage();
            tokens = tokens.plus(tokensOf(response, conversation, ai));
            conversation.add(ai);
            added.add(ai);
            if (ai.text() != null && !ai.text().isEmpty()) {
                said.append(said.length() == 0 ? "" : TEXT_SEPARATOR).append(ai.text());
            }
            if (!ai.hasToolExecutionRequests()) {
                if (ai.text() == null || ai.text().isBlank()) {
                    throw new IllegalStateException("The model " + modelId + " returned an empty answer");
                }
                break;
            }
            if (toolTurns > settings.maxToolTurns()) {
                throw new IllegalStateException("The model kept calling tools instead of answering");
            }
            toolTurns++;
            for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                ToolCall toolCall = offer
                        ? toolkit.execute(request, resultId(request, resultIds))
                        : new ToolCall(request.id(), request.name(), request.arguments(), null,
                        "no tools are available now; answer with what you have");
                calls.add(new ChatToolCall(request.id(), request.name(), request.arguments(),
                        toolCall.failed() ? null : toolCall.result().id(),
                        toolCall.failed() ? null : toolCall.result().source(),
                        toolCall.failed() ? null : toolCall.result().asOf(), toolCall.error()));
                if (!toolCall.failed()) {
                    results.add(toolCall.result());
                }
                ToolExecutionResultMessage message = ToolExecutionResultMessage.builder().id(request.id())
                        .toolName(request.name()).text(toolCall.toModelText()).isError(toolCall.failed()).build();
                conversation.add(message);
                added.add(message);
            }
        }
        synchronized (lock(turn.memoryId())) {
            List<ChatMessage> updated = new ArrayList<>(memory.messages());
            updated.addAll(added);
            memory.set(updated);
        }
        String text = said.toString();
        return new ChatReply(text, modelId, tokens, calls, Figures.cited(text, results), modelCalls);
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

    private static AssistantProfile profile(ChatTurn turn) {
        return catalog().find(turn.assistantType())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown assistant type '" + turn.assistantType() + "'"));
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

    /**
     * The consumer of a streaming turn: passes the text of each model call on, with {@link #TEXT_SEPARATOR} before
     * the first text of a call when an earlier call of the turn said something, as the reply's text has it.
     */
    private static final class SeparatedText implements Consumer<String> {
        private final Consumer<String> onPartial;
        private boolean saidEarlier;
        private boolean saidInThisCall;

        SeparatedText(Consumer<String> onPartial) {
            this.onPartial = onPartial;
        }

        void nextCall() {
            saidEarlier |= saidInThisCall;
            saidInThisCall = false;
        }

        @Override
        public void accept(String chunk) {
            if (chunk == null || chunk.isEmpty()) {
                return;
            }
            if (saidEarlier && !saidInThisCall) {
                onPartial.accept(TEXT_SEPARATOR);
            }
            saidInThisCall = true;
            onPartial.accept(chunk);
        }
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
