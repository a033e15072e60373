package com.finagent.agents.chat;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * An assistant profile chatting with one user, as a LangChain4j AI service: the system prompt is the template
 * {@code system-prompt.txt} beside this interface filled from the profile ({@link ChatPrompts}), the conversation so
 * far comes from the chat memory of {@code memoryId}, and the profile's tools are the service's tools.
 */
interface ChatAgent {

    /** Answers blocking; the result holds the answer and every model response of the turn. */
    @SystemMessage(fromResource = "system-prompt.txt")
    @UserMessage("{{question}}")
    Result<String> answer(@MemoryId String memoryId, @V("question") String question,
                          @V("instructions") String instructions, @V("name") String name,
                          @V("description") String description, @V("dataRules") String dataRules,
                          @V("userContext") String userContext);

    /** Answers as {@link #answer} does, streaming the text of every model call of the turn. */
    @SystemMessage(fromResource = "system-prompt.txt")
    @UserMessage("{{question}}")
    TokenStream stream(@MemoryId String memoryId, @V("question") String question,
                       @V("instructions") String instructions, @V("name") String name,
                       @V("description") String description, @V("dataRules") String dataRules,
                       @V("userContext") String userContext);
}
