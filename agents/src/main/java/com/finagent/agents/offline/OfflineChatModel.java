package com.finagent.agents.offline;

import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.offline.analyst.DebateResponder;
import com.finagent.agents.offline.chat.ChatResponder;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.List;

/**
 * The chat model used when no provider is configured: a LangChain4j {@link ChatModel} like a hosted one, so the chat
 * and the debate run the same code with it. Like a language model it reads only the request: a chat turn's system
 * message names an assistant profile, and {@link ChatResponder} answers it from tool results; anything else goes to
 * {@link DebateResponder}, which answers the debate's structured prompts. Identical input gives identical output.
 */
public final class OfflineChatModel implements ChatModel {

    /** What this model calls itself in answers, token counts and stored debates. */
    public static final String MODEL_ID = ModelSpec.OFFLINE_MODEL_ID;

    private final ChatResponder chat = new ChatResponder();
    private final DebateResponder debate = new DebateResponder();
    private final List<ChatModelListener> listeners;

    public OfflineChatModel() {
        this(List.of());
    }

    /** A model whose calls {@code listeners} observe, as a hosted model's do. */
    public OfflineChatModel(List<ChatModelListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public List<ChatModelListener> listeners() {
        return listeners;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return chat.answers(request) ? chat.respond(request) : debate.respond(request);
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    static String textOf(ChatMessage message) {
        return DebateResponder.textOf(message);
    }
}
