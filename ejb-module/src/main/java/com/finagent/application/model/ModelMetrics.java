package com.finagent.application.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Language-model use by model: calls by outcome ({@code finagent_model_calls_total{model,outcome}}) and tokens
 * by direction ({@code finagent_model_tokens_total{model,direction}}: input, output), which is what a provider
 * bills.
 */
@ApplicationScoped
public class ModelMetrics {

    @Inject
    MetricRegistry registry;

    /** A call to {@code model} ended with {@code outcome} (success, failure). */
    public void called(String model, String outcome) {
        registry.counter(Metadata.builder().withName("finagent_model_calls")
                .withDescription("Calls to language models, by model and outcome").build(),
                new Tag("model", model), new Tag("outcome", outcome)).inc();
    }

    /** {@code model} read {@code input} and wrote {@code output} tokens. */
    public void tokens(String model, long input, long output) {
        Metadata tokens = Metadata.builder().withName("finagent_model_tokens")
                .withDescription("Tokens of language-model calls, by model and direction").build();
        registry.counter(tokens, new Tag("model", model), new Tag("direction", "input")).inc(input);
        registry.counter(tokens, new Tag("model", model), new Tag("direction", "output")).inc(output);
    }
}
