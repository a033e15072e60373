package com.finagent.agents.memory.extraction;

import com.finagent.agents.model.TypedAnswerGuardrail;

import java.util.Map;
import java.util.Optional;

/**
 * What makes a model's memory extraction usable: a list of memories, possibly empty. An answer without one is sent
 * back to the model once with the reason ({@link TypedAnswerGuardrail}); entries of an unknown kind or without text
 * are only skipped ({@link ExtractedMemories#usable()}), as the others still count. Public with a public constructor:
 * LangChain4j makes it from {@code @OutputGuardrails}.
 */
public final class ExtractedMemoriesCheck extends TypedAnswerGuardrail<ExtractedMemories> {

    public ExtractedMemoriesCheck() {
        super(ExtractedMemories.class);
    }

    @Override
    protected Optional<String> problem(ExtractedMemories answer, Map<String, Object> variables) {
        return answer.memories() != null ? Optional.empty()
                : Optional.of("it holds no list of memories (an empty list when the message states none)");
    }
}
