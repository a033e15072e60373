package com.finagent.application.model;

import com.finagent.agents.model.ModelSpec;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import java.util.Locale;

/**
 * Observes every call of the models the catalogue builds (LangChain4j calls a model's listeners around each
 * request): a CLIENT span per call, a child of whatever span the caller is in, with the model and the tokens as
 * attributes (OpenTelemetry's {@code gen_ai.*} names), and the calls and tokens counted in {@link ModelMetrics}.
 */
final class ModelCallObserver implements ChatModelListener {

    private static final String SPAN = ModelCallObserver.class.getName() + ".span";

    private final ModelMetrics metrics;
    private final Tracer tracer;

    ModelCallObserver(ModelMetrics metrics, Tracer tracer) {
        this.metrics = metrics;
        this.tracer = tracer;
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        String model = model(context.chatRequest(), null, context.modelProvider());
        Span span = tracer.spanBuilder("chat " + model).setSpanKind(SpanKind.CLIENT)
                .setAttribute("gen_ai.system", system(context.modelProvider()))
                .setAttribute("gen_ai.request.model", model)
                .startSpan();
        context.attributes().put(SPAN, span);
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        String model = model(context.chatRequest(), context.chatResponse(), context.modelProvider());
        metrics.called(model, "success");
        TokenUsage usage = context.chatResponse().metadata() == null ? null
                : context.chatResponse().metadata().tokenUsage();
        long input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long output = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        metrics.tokens(model, input, output);
        if (context.attributes().get(SPAN) instanceof Span span) {
            span.setAttribute("gen_ai.response.model", model);
            span.setAttribute("gen_ai.usage.input_tokens", input);
            span.setAttribute("gen_ai.usage.output_tokens", output);
            span.end();
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        metrics.called(model(context.chatRequest(), null, context.modelProvider()), "failure");
        if (context.attributes().get(SPAN) instanceof Span span) {
            span.recordException(context.error());
            span.setStatus(StatusCode.ERROR);
            span.end();
        }
    }

    /** The model as the provider names it; our offline model names itself only in its answers. */
    private static String model(ChatRequest request, ChatResponse response, ModelProvider provider) {
        if (response != null && response.metadata() != null && response.metadata().modelName() != null) {
            return response.metadata().modelName();
        }
        if (request != null && request.parameters() != null && request.parameters().modelName() != null) {
            return request.parameters().modelName();
        }
        return provider == ModelProvider.OTHER ? ModelSpec.OFFLINE_MODEL_ID : system(provider);
    }

    private static String system(ModelProvider provider) {
        return provider == null ? "unknown" : provider.name().toLowerCase(Locale.ROOT);
    }
}
