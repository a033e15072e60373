package com.finagent.agents.memory.extraction;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.langchain4j.service.guardrail.OutputGuardrails;

/**
 * Memory extraction by a language model, as a LangChain4j AI service: the instructions are the template
 * {@code memory-extraction.txt} beside this interface, the user's message is the user message, and the answer is
 * read into {@link ExtractedMemories}; one without a list is sent back once ({@link ExtractedMemoriesCheck}).
 */
interface MemoryExtraction {

    /** The memories a message states, as the model answers them; checked by {@link ExtractedMemories#usable()}. */
    @SystemMessage(fromResource = "memory-extraction.txt")
    @UserMessage("{{message}}")
    @OutputGuardrails(value = ExtractedMemoriesCheck.class, maxRetries = 2)
    ExtractedMemories extract(@V("message") String message);
}
