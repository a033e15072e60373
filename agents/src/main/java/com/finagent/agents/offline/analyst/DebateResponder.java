package com.finagent.agents.offline.analyst;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import com.finagent.agents.model.ModelSpec;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The offline model's answers to the debate's structured prompts ({@link AgentProtocol}): weighs the evidence by the
 * participant's mandate, calls tools the way a language model would (first turn with tools offered and no results
 * yet), answers rounds by rebutting the strongest opposing point and moving one notch when outweighed, and writes
 * the final recommendation. Identical input gives identical output; token counts are whitespace words.
 */
public final class DebateResponder {

    /** Answers a debate request; a conversation without a debate task gets a note naming what this model answers. */
    public ChatResponse respond(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        Conversation conversation = Conversation.read(messages);
        AnalysisInputs inputs = new AnalysisInputs(conversation.baseContext, conversation.toolResults,
                conversation.ownStances);
        AiMessage reply = null;
        String task = conversation.task();
        if (AgentProtocol.TASK_INITIAL.equals(task) && conversation.toolResults.isEmpty()
                && !request.toolSpecifications().isEmpty() && request.toolChoice() != ToolChoice.NONE) {
            List<ToolExecutionRequest> calls = new ToolPlanner(inputs).planToolCalls(request.toolSpecifications());
            if (!calls.isEmpty()) {
                reply = AiMessage.from(calls);
            }
        }
        if (reply == null) {
            String text = switch (task == null ? "" : task) {
                case AgentProtocol.TASK_INITIAL -> CanonicalJson.write(new PositionWriter(inputs).initialPosition());
                case AgentProtocol.TASK_ROUND -> CanonicalJson.write(new PositionWriter(inputs)
                        .roundPosition(conversation.lastContext));
                case AgentProtocol.TASK_RECOMMENDATION -> CanonicalJson.write(new RecommendationWriter(inputs).recommendation());
                default -> "I am " + ModelSpec.OFFLINE_MODEL_ID
                        + ": I answer only the structured prompts of Fin Agent's debate.";
            };
            reply = AiMessage.from(text);
        }
        int input = 0;
        for (ChatMessage message : messages) {
            input += AgentProtocol.countTokens(textOf(message));
        }
        int output = AgentProtocol.countTokens(textOf(reply));
        return ChatResponse.builder()
                .aiMessage(reply)
                .id("offline-" + UUID.nameUUIDFromBytes(textOf(reply).getBytes(StandardCharsets.UTF_8)))
                .modelName(ModelSpec.OFFLINE_MODEL_ID)
                .tokenUsage(new TokenUsage(input, output))
                .finishReason(reply.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    /** The text of a message as the token count sees it: tool calls count by name and arguments. */
    public static String textOf(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        if (message instanceof UserMessage user) {
            return user.hasSingleText() ? user.singleText() : "";
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return result.text();
        }
        if (message instanceof AiMessage ai) {
            StringBuilder text = new StringBuilder(ai.text() == null ? "" : ai.text());
            if (ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    text.append(' ').append(call.name()).append(' ').append(call.arguments());
                }
            }
            return text.toString();
        }
        return "";
    }

    /** What the offline model reads from a conversation. */
    private static final class Conversation {
        JsonObject baseContext;
        JsonObject lastContext;
        final List<JsonObject> toolResults = new ArrayList<>();
        final List<String> ownStances = new ArrayList<>();

        String task() {
            return JsonFields.text(lastContext, "task");
        }

        static Conversation read(List<ChatMessage> messages) {
            Conversation conversation = new Conversation();
            for (ChatMessage message : messages) {
                if (message instanceof UserMessage user && user.hasSingleText()) {
                    AgentProtocol.context(user.singleText()).ifPresent(context -> {
                        // a repair request asks for the previous task again, so it leaves the task as it was
                        if (AgentProtocol.TASK_REPAIR.equals(JsonFields.text(context, "task"))) {
                            return;
                        }
                        if (conversation.baseContext == null) {
                            conversation.baseContext = context;
                        }
                        conversation.lastContext = context;
                    });
                } else if (message instanceof AiMessage ai && ai.text() != null) {
                    CanonicalJson.parseObject(ai.text()).filter(node -> JsonFields.hasNonNull(node, "stance"))
                            .ifPresent(node -> conversation.ownStances.add(JsonFields.text(node, "stance", "")));
                } else if (message instanceof ToolExecutionResultMessage result) {
                    CanonicalJson.parseObject(result.text()).ifPresent(conversation.toolResults::add);
                }
            }
            return conversation;
        }
    }
}
