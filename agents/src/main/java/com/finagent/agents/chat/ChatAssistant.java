package com.finagent.agents.chat;

import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import com.finagent.agents.model.ModelResolver;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.model.ResolvedStreamingModel;
import com.finagent.agents.model.TokenCount;
import com.finagent.agents.profile.AssistantCatalog;
import com.finagent.agents.profile.AssistantProfile;
import com.finagent.agents.tools.ServerAgentTools;
import com.finagent.agents.tools.ToolCall;
import com.finagent.agents.tools.ToolResult;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Chats with one assistant profile of {@code assistants.json} through the AI service {@link ChatAgent}: the
 * profile's instructions and the user's long-term memories as the system message, the conversation so far from a
 * token-windowed LangChain4j {@link ChatMemory} over the server's {@link ChatMemoryStore} (the agent's
 * {@code @MemoryId}), and the profile's tools as the {@link ServerAgentTools} the service calls, for a bounded number
 * of model turns. The model comes from the {@link ModelResolver} (participant {@code chat}); the offline model is one
 * of them and reads the same messages.
 * <p>
 * A turn runs blocking ({@link #chat(ChatTurn)}, a {@link ChatModel}) or streaming ({@link #chat(ChatTurn, Consumer)},
 * the resolver's {@link StreamingChatModel} for the same model, a {@code TokenStream}); both run the same tools and
 * differ only in how the model is called. The reply's text is everything the model said in the turn: the text of each
 * model call that has any, separated by {@link #TEXT_SEPARATOR}. That is the final answer, preceded by whatever the
 * model wrote before calling tools ("Let me look up AAPL."), which the stream shows as it comes because whether a call
 * ends in tool calls is known only at its end.
 * <p>
 * Plain Java and thread-safe: one instance serves every user. A turn's messages (question, tool calls and results,
 * answer) are appended to the memory together once the answer exists ({@link StagedChatMemory}), so a failed turn
 * leaves the memory as it was and concurrent turns never interleave their messages.
 */
public final class ChatAssistant {

    /** Fixed so that providers taking a seed answer alike to alike conversations, and the catalog builds one model. */
    static final long SEED = 42;
    /** Between the texts of two model calls of one turn. */
    static final String TEXT_SEPARATOR = "\n\n";
    /** What the model reads for a tool call made when it may no longer call tools. */
    private static final String NO_TOOLS_NOW = "no tools are available now; answer with what you have";
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
        Turn state = new Turn(turn, profile, Supplier::get, error -> { });
        ChatAgent agent = state.agent(AiServices.builder(ChatAgent.class).chatModel(resolved.model()));
        agent.answer(turn.memoryId(), turn.message(), ChatPrompts.instructions(profile), profile.name(),
                profile.description(), ChatPrompts.dataRules(state.hasTools()),
                ChatPrompts.userContext(turn.symbols(), turn.memories()));
        return state.reply(resolved.id());
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
        StreamedTurn stream = new StreamedTurn();
        Turn state = new Turn(turn, profile, stream::onCaller, stream::fail);
        ChatAgent agent = state.agent(AiServices.builder(ChatAgent.class).streamingChatModel(resolved.model()));
        SeparatedText text = new SeparatedText(onPartial);
        stream.run(agent.stream(turn.memoryId(), turn.message(), ChatPrompts.instructions(profile), profile.name(),
                        profile.description(), ChatPrompts.dataRules(state.hasTools()),
                        ChatPrompts.userContext(turn.symbols(), turn.memories())),
                text, text::nextCall, settings.streamIdleTimeout());
        return state.reply(resolved.id());
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

    /** Where a turn's tools run: on the thread that asked for the turn. */
    @FunctionalInterface
    private interface ToolThread {
        ToolCall run(Supplier<ToolCall> call);
    }

    /**
     * One turn: the AI service's memory, tools and limits, and what the turn did (every model call, every tool
     * call), from which the reply is made once the service has answered.
     */
    private final class Turn {
        private final ChatTurn turn;
        private final ServerAgentTools tools;
        private final List<ToolSpecification> specifications;
        private final ToolThread toolThread;
        private final StagedChatMemory memory;
        private final Set<String> resultIds = new HashSet<>();
        private final List<ChatRequest> requests = new ArrayList<>();
        private final List<ChatResponse> responses = new ArrayList<>();
        private final List<ChatToolCall> calls = new ArrayList<>();
        private final List<ToolResult> results = new ArrayList<>();
        private final Consumer<Throwable> onFailure;
        /** Model calls made so far, each but the last having ended in tool calls. */
        private volatile int modelCalls;

        /** @param onFailure learns of a failure that ends the turn before the service's call returns */
        Turn(ChatTurn turn, AssistantProfile profile, ToolThread toolThread, Consumer<Throwable> onFailure) {
            this.turn = turn;
            this.onFailure = onFailure;
            this.tools = turn.tools() == null ? null : new ServerAgentTools(turn.tools());
            this.specifications = tools == null ? List.of() : ServerAgentTools.specifications(profile.tools());
            this.toolThread = toolThread;
            this.memory = new StagedChatMemory(turn.memoryId(), memory(turn.memoryId()).messages());
        }

        boolean hasTools() {
            return !specifications.isEmpty();
        }

        ChatAgent agent(AiServices<ChatAgent> builder) {
            Map<ToolSpecification, ToolExecutor> executors = new LinkedHashMap<>();
            for (ToolSpecification specification : specifications) {
                executors.put(specification, new ToolExecutor() {
                    @Override
                    public ToolExecutionResult executeWithContext(ToolExecutionRequest request,
                                                                  InvocationContext context) {
                        ToolCall call = toolThread.run(() -> recorded(callWhileAllowed(request,
                                () -> tools.execute(request, resultId(request)))));
                        return ToolExecutionResult.builder().result(call).resultText(call.toModelText())
                                .isError(call.failed()).build();
                    }

                    @Override
                    public String execute(ToolExecutionRequest request, Object memoryId) {
                        return executeWithContext(request, null).resultText();
                    }
                });
            }
            if (!executors.isEmpty()) {
                builder.tools(executors);
            }
            return builder
                    .chatMemoryProvider(id -> memory)
                    .chatRequestTransformer(this::limitTools)
                    .hallucinatedToolNameStrategy(request -> {
                        ToolCall call = recorded(callWhileAllowed(request,
                                () -> failed(request, "unknown tool '" + request.name() + "'")));
                        return ToolExecutionResultMessage.builder().id(request.id()).toolName(request.name())
                                .text(call.toModelText()).isError(true).build();
                    })
                    .toolExecutionErrorHandler((error, context) -> {
                        throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
                    })
                    .registerListener((AiServiceResponseReceivedListener) event -> responded(event.request(),
                            event.response()))
                    .build();
        }

        /**
         * Tools stay declared once their turns are used up, with {@link ToolChoice#NONE}, because Anthropic rejects
         * a conversation holding tool calls or results whose request declares no tools. A tool choice is sent only
         * to forbid calls; otherwise the request keeps the provider's default, "auto", without naming it, for
         * OpenAI-compatible servers that handle the field differently.
         */
        private ChatRequest limitTools(ChatRequest request) {
            int callsBefore = modelCalls++;
            if (request.toolSpecifications().isEmpty() || callsBefore < settings.maxToolTurns()) {
                return request;
            }
            return ChatRequest.builder().messages(request.messages()).parameters(request.parameters()
                    .overrideWith(ChatRequestParameters.builder().toolChoice(ToolChoice.NONE).build())).build();
        }

        /**
         * A tool call while tools may be called; once their turns are used up the model reads that it has to answer,
         * and a model that goes on calling tools ends the turn.
         */
        private ToolCall callWhileAllowed(ToolExecutionRequest request, Supplier<ToolCall> call) {
            int toolTurnsBefore = modelCalls - 1;
            if (toolTurnsBefore > settings.maxToolTurns()) {
                IllegalStateException error = new IllegalStateException(
                        "The model kept calling tools instead of answering");
                onFailure.accept(error);
                throw error;
            }
            if (!hasTools() || toolTurnsBefore >= settings.maxToolTurns()) {
                return failed(request, NO_TOOLS_NOW);
            }
            return call.get();
        }

        private synchronized ToolCall recorded(ToolCall call) {
            calls.add(new ChatToolCall(call.requestId(), call.tool(), call.arguments(),
                    call.failed() ? null : call.result().id(), call.failed() ? null : call.result().source(),
                    call.failed() ? null : call.result().asOf(), call.error()));
            if (!call.failed()) {
                results.add(call.result());
            }
            return call;
        }

        private synchronized void responded(ChatRequest request, ChatResponse response) {
            requests.add(request);
            responses.add(response);
        }

        /** Readable citation id of a result, unique within the turn: {@code marketData:AAPL}, {@code portfolio}. */
        private synchronized String resultId(ToolExecutionRequest request) {
            String symbol = CanonicalJson.parse(request.arguments()).map(n -> JsonFields.text(n, "symbol", ""))
                    .map(s -> s.trim().toUpperCase(Locale.ROOT)).orElse("");
            String base = request.name() + (symbol.isEmpty() ? "" : ":" + symbol);
            String id = base;
            for (int n = 2; !resultIds.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }

        /** The reply once the service has answered; stores the turn's messages. */
        synchronized ChatReply reply(String modelId) {
            StringBuilder said = new StringBuilder();
            TokenCount tokens = TokenCount.ZERO;
            for (int i = 0; i < responses.size(); i++) {
                AiMessage ai = responses.get(i).aiMessage();
                tokens = tokens.plus(tokensOf(responses.get(i), requests.get(i).messages(), ai));
                if (ai.text() != null && !ai.text().isEmpty()) {
                    said.append(said.length() == 0 ? "" : TEXT_SEPARATOR).append(ai.text());
                }
            }
            AiMessage answer = responses.isEmpty() ? null : responses.get(responses.size() - 1).aiMessage();
            if (answer == null || answer.text() == null || answer.text().isBlank()) {
                throw new IllegalStateException("The model " + modelId + " returned an empty answer");
            }
            synchronized (lock(turn.memoryId())) {
                ChatMemory stored = memory(turn.memoryId());
                List<ChatMessage> updated = new ArrayList<>(stored.messages());
                updated.addAll(memory.added());
                stored.set(updated);
            }
            String text = said.toString();
            return new ChatReply(text, modelId, tokens, calls, Figures.cited(text, results), responses.size());
        }
    }

    private static ToolCall failed(ToolExecutionRequest request, String error) {
        return new ToolCall(request.id(), request.name(), request.arguments(), null, error);
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
