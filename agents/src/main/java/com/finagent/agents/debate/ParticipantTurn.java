package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import com.finagent.agents.model.TokenCount;
import com.finagent.agents.tools.ServerAgentTools;
import com.finagent.agents.tools.ToolCall;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One participant's turn of a debate through the AI service {@link DebateAgent}: the participant's conversation so
 * far as the service's chat memory, the debate's tools as its tools (each call a node of the execution graph, its
 * result added to the turn's citations), and one repair request when the answer cannot be parsed. Tools stay
 * declared throughout, because Anthropic rejects a conversation holding tool calls or results whose request declares
 * no tools; they may be used for {@link DebateEngine#MAX_TOOL_TURNS} model calls and not for the repaired answer.
 * <p>
 * The repair is a second message in the same memory rather than an output guardrail's reprompt, because a reprompt
 * leaves the exchange out of the memory and resends the first request's parameters: the transcript would lose the
 * repair and the repaired answer could call tools.
 */
final class ParticipantTurn {

    /** Reads the model's final text into a position or recommendation. */
    @FunctionalInterface
    interface AnswerParser {
        Object parse(String text, CitationIndex index) throws InvalidAnswer;
    }

    /** Asks the agent one message, as a participant or as the moderator. */
    @FunctionalInterface
    interface Question {
        void ask(DebateAgent agent, String message);
    }

    /** A model that asks for tools after its last tool turn. */
    private static final class KeptCallingTools extends RuntimeException {
        KeptCallingTools() {
            super("kept calling tools instead of answering", null, false, false);
        }
    }

    private final ExecutionGraph graph;
    private final ExecutionGraph.Node node;
    private final String participantId;
    private final ServerAgentTools tools;
    private final List<ToolSpecification> specifications;
    private final boolean toolsOffered;
    private final CitationIndex index;
    private final Set<String> toolIds;
    private final List<ChatMessage> history;
    private final ChatMemory memory = MessageWindowChatMemory.withMaxMessages(Integer.MAX_VALUE);

    private TokenCount tokens = TokenCount.ZERO;
    private int calls;
    private long words;
    private int toolTurns;
    private int toolSeq;
    private boolean repaired;
    private boolean offeredNow;
    private boolean keptCalling;

    /**
     * @param tools        the debate's tools, null when it has none
     * @param toolsOffered whether the turn may call them at all (the moderator may not)
     */
    ParticipantTurn(ExecutionGraph graph, ExecutionGraph.Node node, String participantId, ServerAgentTools tools,
                    List<ToolSpecification> specifications, boolean toolsOffered, List<ChatMessage> history,
                    CitationIndex index, Set<String> toolIds) {
        this.graph = graph;
        this.node = node;
        this.participantId = participantId;
        this.tools = tools;
        this.specifications = specifications;
        this.toolsOffered = toolsOffered;
        this.history = history;
        this.index = index;
        this.toolIds = toolIds;
        history.forEach(memory::add);
    }

    /** Runs the turn: {@code question} asks the agent the prompt, and the repair request if one is needed. */
    TurnResult run(ChatModel model, UserMessage prompt, Question question, AnswerParser parser) {
        DebateAgent agent = agent(model);
        String message = prompt.singleText();
        try {
            while (true) {
                question.ask(agent, message);
                AiMessage answer = lastAnswer();
                try {
                    return result(parser.parse(answer.text(), index), null);
                } catch (InvalidAnswer invalid) {
                    if (repaired) {
                        return result(null, "unusable answer after a repair request: " + invalid.getMessage());
                    }
                    repaired = true;
                    message = Prompts.repair(invalid.getMessage()).singleText();
                }
            }
        } catch (KeptCallingTools e) {
            return result(null, e.getMessage());
        } catch (RuntimeException e) {
            return result(null, DebateEngine.describe(e));
        }
    }

    private DebateAgent agent(ChatModel model) {
        AiServices<DebateAgent> builder = AiServices.builder(DebateAgent.class).chatModel(model);
        if (!specifications.isEmpty()) {
            Map<ToolSpecification, ToolExecutor> executors = new LinkedHashMap<>();
            for (ToolSpecification specification : specifications) {
                executors.put(specification, new ToolExecutor() {
                    @Override
                    public ToolExecutionResult executeWithContext(ToolExecutionRequest request,
                                                                  InvocationContext context) {
                        ToolExecutionResultMessage result = runTool(request);
                        return ToolExecutionResult.builder().resultText(result.text()).isError(result.isError())
                                .build();
                    }

                    @Override
                    public String execute(ToolExecutionRequest request, Object memoryId) {
                        return executeWithContext(request, null).resultText();
                    }
                });
            }
            builder.tools(executors);
        }
        return builder
                .chatMemoryProvider(id -> memory)
                .chatRequestTransformer(this::offerTools)
                .hallucinatedToolNameStrategy(this::runTool)
                .toolExecutionErrorHandler((error, context) -> {
                    throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
                })
                .registerListener((AiServiceResponseReceivedListener) event -> responded(event.request(),
                        event.response()))
                .build();
    }

    /** Declares the tools on every request, usable only while the turn may still call them. */
    private synchronized ChatRequest offerTools(ChatRequest request) {
        offeredNow = toolsOffered && tools != null && !specifications.isEmpty() && toolTurns < DebateEngine.MAX_TOOL_TURNS
                && !repaired;
        if (request.toolSpecifications().isEmpty() || offeredNow) {
            return request;
        }
        return ChatRequest.builder().messages(request.messages()).parameters(request.parameters()
                .overrideWith(ChatRequestParameters.builder().toolChoice(ToolChoice.NONE).build())).build();
    }

    private synchronized void responded(ChatRequest request, ChatResponse response) {
        calls++;
        words += MessageRecord.words(request.messages());
        AiMessage ai = response.aiMessage();
        tokens = tokens.plus(tokensOf(response, request.messages(), ai));
        if (ai.hasToolExecutionRequests()) {
            if (toolTurns >= DebateEngine.MAX_TOOL_TURNS + 1) {
                keptCalling = true;
            } else {
                toolTurns++;
            }
        }
    }

    /** One tool call as a node of the graph; the model reads an error when tools may not be used now. */
    private synchronized ToolExecutionResultMessage runTool(ToolExecutionRequest call) {
        if (keptCalling) {
            throw new KeptCallingTools();
        }
        toolSeq++;
        ExecutionGraph.Node toolNode = graph.start(String.format(Locale.ROOT, "%s/tool-%02d", node.path, toolSeq),
                ExecutionKind.TOOL, call.name(), call.name(), node, List.of(), node.round, call.arguments(), null);
        ToolCall result = offeredNow
                ? tools.execute(call, toolResultId(call))
                : new ToolCall(call.id(), call.name(), call.arguments(), null, "no tools are available now; answer");
        if (!result.failed()) {
            index.add(result.result());
        }
        graph.finish(toolNode, result.failed() ? ExecutionStatus.FAILED : ExecutionStatus.COMPLETED,
                result.result(), result.error(), TokenCount.ZERO);
        return ToolExecutionResultMessage.builder().id(call.id()).toolName(call.name())
                .text(result.toModelText()).isError(result.failed()).build();
    }

    /** Readable, unique citation id of a tool result: {@code participant:tool:SYMBOL}. */
    private String toolResultId(ToolExecutionRequest call) {
        String symbol = CanonicalJson.parse(call.arguments()).map(n -> JsonFields.text(n, "symbol", ""))
                .map(s -> s.trim().toUpperCase(Locale.ROOT)).orElse("");
        String base = participantId + ":" + call.name() + (symbol.isEmpty() ? "" : ":" + symbol);
        String id = base;
        for (int n = 2; !toolIds.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private AiMessage lastAnswer() {
        List<ChatMessage> messages = memory.messages();
        return (AiMessage) messages.get(messages.size() - 1);
    }

    private synchronized TurnResult result(Object value, String error) {
        List<ChatMessage> all = memory.messages();
        List<ChatMessage> added = new ArrayList<>(all.subList(history.size(), all.size()));
        return new TurnResult(value, added, index, tokens, calls, error, toolIds, words);
    }

    private static TokenCount tokensOf(ChatResponse response, List<ChatMessage> conversation, AiMessage reply) {
        TokenUsage usage = response.tokenUsage();
        if (usage != null && usage.inputTokenCount() != null && usage.outputTokenCount() != null) {
            return new TokenCount(usage.inputTokenCount(), usage.outputTokenCount());
        }
        return new TokenCount(MessageRecord.words(conversation), AgentProtocol.countTokens(MessageRecord.textOf(reply)));
    }
}
