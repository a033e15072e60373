package com.finagent.agents.debate;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * A debate participant or the moderator, as a LangChain4j AI service: the system prompt is a template beside this
 * interface ({@link Prompts#PARTICIPANT_SYSTEM}, {@link Prompts#MODERATOR_SYSTEM}), the conversation so far (earlier
 * rounds) is the chat memory of the memory id, the debate's tools are the service's tools, and the message is the
 * turn's prompt ({@link Prompts}) or a repair request. The answer is JSON that {@link ResponseParser} reads into a
 * {@link Position} or a {@link Recommendation}.
 */
interface DebateAgent {

    /** A participant's answer: its position, after the tool calls it makes. */
    @SystemMessage(fromResource = Prompts.PARTICIPANT_SYSTEM)
    @UserMessage("{{message}}")
    Result<String> argue(@MemoryId String participant, @V("message") String message, @V("name") String name,
                         @V("participants") int participants, @V("assistant") String assistant,
                         @V("instructions") String instructions, @V("mandate") String mandate);

    /** The moderator's answer: the recommendation. */
    @SystemMessage(fromResource = Prompts.MODERATOR_SYSTEM)
    @UserMessage("{{message}}")
    Result<String> moderate(@MemoryId String moderator, @V("message") String message,
                            @V("assistant") String assistant, @V("brief") String brief,
                            @V("instructions") String instructions);
}
