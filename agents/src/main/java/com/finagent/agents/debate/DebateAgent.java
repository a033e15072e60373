package com.finagent.agents.debate;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * A debate participant or the moderator, as a LangChain4j AI service: its conversation so far (system prompt, earlier
 * rounds) is the chat memory of {@code participant}, the debate's tools are the service's tools, and the message is
 * the turn's prompt ({@link Prompts}) or a repair request. The answer is JSON that {@link ResponseParser} reads into
 * a {@link Position} or a {@link Recommendation}.
 */
interface DebateAgent {

    /** Answers one message, calling tools as the service allows. */
    @UserMessage("{{message}}")
    Result<String> answer(@MemoryId String participant, @V("message") String message);
}
