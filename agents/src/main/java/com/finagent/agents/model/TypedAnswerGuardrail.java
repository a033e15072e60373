package com.finagent.agents.model;

import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.output.ServiceOutputParser;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The output guardrail of an AI service that answers a typed result (a record read from the model's JSON): it reads
 * the answer as the service itself would ({@link ServiceOutputParser}, with our JSON-B readers behind it) and, when
 * the answer cannot be read or {@link #problem} finds it wrong, has LangChain4j ask the model again, saying what was
 * wrong (a reprompt). A readable, right answer is handed on as read, so it is parsed once. Declared on the service
 * method with {@code @OutputGuardrails(value = ..., maxRetries = 2)}: LangChain4j counts the first answer among the
 * tries, so that is one repair request, then the caller's fallback, as the debate's participants get one. The
 * service must be made by {@link #forOneCall}.
 *
 * @param <T> the service method's result
 */
public abstract class TypedAnswerGuardrail<T> implements OutputGuardrail {

    private static final ServiceOutputParser PARSER = new ServiceOutputParser();

    private final Class<T> type;

    protected TypedAnswerGuardrail(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public OutputGuardrailResult validate(OutputGuardrailRequest request) {
        String text = request.responseFromLLM().aiMessage().text();
        T answer;
        try {
            answer = type.cast(PARSER.parseText(type, text == null ? "" : text));
        } catch (RuntimeException unreadable) {
            return reprompt("The answer is no JSON of the asked shape", unreadable,
                    repairRequest("it is no JSON of the asked shape"));
        }
        Map<String, Object> variables = request.requestParams().variables();
        Optional<String> problem = problem(answer, variables == null ? Map.of() : variables);
        if (problem.isPresent()) {
            return reprompt("The answer is unusable: " + problem.get(), repairRequest(problem.get()));
        }
        return successWith(text, answer);
    }

    /**
     * An AI service for one call, with a memory of that call alone: LangChain4j sends a repair request with the
     * service's memory, and without one it would send the request by itself, without the prompt and the answer it
     * is about.
     */
    public static <S> S forOneCall(Class<S> service, ChatModel model) {
        return AiServices.builder(service).chatModel(model).chatMemory(MessageWindowChatMemory.withMaxMessages(8))
                .build();
    }

    /**
     * What is wrong with a readable answer, given the prompt template's variables of the call.
     *
     * @return the problem in a few words the model can act on; empty when the answer can be used
     */
    protected abstract Optional<String> problem(T answer, Map<String, Object> variables);

    private static String repairRequest(String problem) {
        return "Your previous answer cannot be used: " + problem
                + ". Answer again with only the JSON asked for, in the shape asked for, and nothing else.";
    }
}
