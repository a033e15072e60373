package com.finagent.agents.offline.chat;

import com.finagent.agents.chat.ChatPrompts;
import com.finagent.agents.chat.ChatTokenEstimator;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.profile.AssistantCatalog;
import com.finagent.agents.profile.AssistantProfile;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The offline model's answers to chat turns. It finds the assistant profile, the symbols and the long-term memories
 * in the turn's system message ({@link ChatPrompts}), as a language model would read them. On the first call of a
 * turn it asks for the tools the question and the profile call for ({@link ChatPlanner}); once their results are in
 * the conversation it writes a plain-language answer from them alone ({@link AnswerWriter}). Identical input gives
 * identical output.
 */
public final class ChatResponder {

    private final ChatTokenEstimator estimator = new ChatTokenEstimator();

    /** Whether the request is a chat turn: its system message names one of the assistant profiles. */
    public boolean answers(ChatRequest request) {
        return read(request.messages()).isPresent();
    }

    /** Answers a chat turn with tool calls or the answer; {@link #answers} must hold for the request. */
    public ChatResponse respond(ChatRequest request) {
        ChatContext context = read(request.messages())
                .orElseThrow(() -> new IllegalArgumentException("not a chat turn of an assistant profile"));
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
        ChatPlan plan = new ChatPlanner(context).plan(question, earlier, offered);
        boolean toolsCalled = after.stream().anyMatch(m -> m instanceof AiMessage ai && ai.hasToolExecutionRequests());
        AiMessage reply = !toolsCalled && !plan.calls.isEmpty()
                ? AiMessage.from(plan.calls)
                : AiMessage.from(new AnswerWriter(context).compose(question, plan, earlier, ToolAnswer.all(after)));
        int input = estimator.estimateTokenCountInMessages(messages);
        int output = estimator.estimateTokenCountInMessage(reply);
        String text = ChatTokenEstimator.textOf(reply);
        return ChatResponse.builder()
                .aiMessage(reply)
                .id("offline-" + UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)))
                .modelName(ModelSpec.OFFLINE_MODEL_ID)
                .tokenUsage(new TokenUsage(input, output))
                .finishReason(reply.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    private static Optional<ChatContext> read(List<ChatMessage> messages) {
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage system) {
                Optional<AssistantProfile> profile = profileNamedIn(system.text());
                if (profile.isPresent()) {
                    return Optional.of(new ChatContext(profile.get(), Catalog.PROFILES.all(), symbols(system.text()),
                            memories(system.text())));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<AssistantProfile> profileNamedIn(String text) {
        return Catalog.PROFILES.all().stream()
                .filter(p -> text.contains(ChatPrompts.PROFILE_LINE + p.name() + ChatPrompts.PROFILE_LINE_END))
                .findFirst();
    }

    private static List<String> symbols(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith(ChatPrompts.SYMBOLS_LINE)) {
                return List.of(line.substring(ChatPrompts.SYMBOLS_LINE.length()).split(", "));
            }
        }
        return List.of();
    }

    /** The memories after their heading, one per item line; a line without the item mark continues the last one. */
    private static List<String> memories(String text) {
        int heading = text.indexOf(ChatPrompts.MEMORY_HEADING + "\n");
        if (heading < 0) {
            return List.of();
        }
        List<String> memories = new ArrayList<>();
        String block = text.substring(heading + ChatPrompts.MEMORY_HEADING.length() + 1);
        for (String line : block.split("\n", -1)) {
            if (line.startsWith(ChatPrompts.MEMORY_ITEM)) {
                memories.add(line.substring(ChatPrompts.MEMORY_ITEM.length()));
            } else if (!memories.isEmpty()) {
                memories.set(memories.size() - 1, memories.get(memories.size() - 1) + "\n" + line);
            }
        }
        return memories;
    }

    /** The bundled profiles, read once. */
    private static final class Catalog {
        static final AssistantCatalog PROFILES = AssistantCatalog.load();
    }
}
