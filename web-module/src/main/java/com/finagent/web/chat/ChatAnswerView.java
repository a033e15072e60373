package com.finagent.web.chat;

import com.finagent.agents.chat.ChatEvidence;
import com.finagent.agents.chat.ChatToolCall;
import com.finagent.application.chat.ChatService;
import com.finagent.application.memory.MemoryService;

import java.util.List;
import java.util.UUID;

/**
 * An assistant's answer as {@code POST /chat} returns it.
 *
 * @param tokens    every token of the turn, read and written
 * @param toolCalls the tools the answer used, in order
 * @param evidence  what the answer cites
 * @param learned   what the turn taught the assistant about the user
 */
public record ChatAnswerView(String answer, String model, long tokens, List<ToolCallView> toolCalls,
                             List<EvidenceView> evidence, List<LearnedMemoryView> learned) {

    static ChatAnswerView of(ChatService.Answer answer) {
        var reply = answer.reply();
        return new ChatAnswerView(reply.text(), reply.model(), reply.tokens().input() + reply.tokens().output(),
                reply.toolCalls().stream().map(ToolCallView::of).toList(),
                reply.evidence().stream().map(EvidenceView::of).toList(),
                answer.learned().stream().map(LearnedMemoryView::of).toList());
    }

    /**
     * One tool call.
     *
     * @param source where the tool's data came from; empty when it names none
     * @param error  why the call failed; absent when it succeeded
     */
    public record ToolCallView(String tool, String arguments, String source, String error) {

        static ToolCallView of(ChatToolCall call) {
            return new ToolCallView(call.name(), String.valueOf(call.arguments()),
                    call.source() == null ? "" : call.source(), call.error());
        }
    }

    /**
     * One cited figure or document.
     *
     * @param metric the figure's name, with {@code value}; both absent for a document
     * @param title  the document's title, when it has one
     */
    public record EvidenceView(String id, String source, String metric, Double value, String title) {

        static EvidenceView of(ChatEvidence item) {
            boolean figure = item.metric() != null && item.value() != null;
            return new EvidenceView(item.id(), String.valueOf(item.source()), figure ? item.metric() : null,
                    figure ? item.value() : null, item.title());
        }
    }

    /** A memory the turn stored. */
    public record LearnedMemoryView(UUID id, String kind, String content) {

        static LearnedMemoryView of(MemoryService.StoredMemory memory) {
            return new LearnedMemoryView(memory.id(), memory.kind(), memory.content());
        }
    }
}
