package com.finagent.application.model;

import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.provider.ModelCatalog;
import com.finagent.application.telemetry.Tracing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat models agents talk to, from configuration ({@code finagent.llm.provider}, {@code .model},
 * {@code .api-key}, {@code .base-url}, and per participant {@code finagent.llm.agent.<id>.*}; environment
 * variables {@code FINAGENT_LLM_*} work too). With nothing configured, our deterministic offline model. Every
 * call of a model, blocking or streamed, is traced and counted ({@link ModelCallObserver}).
 */
@ApplicationScoped
public class LanguageModels {

    @Inject
    ModelMetrics metrics;

    @Inject
    Tracing tracing;

    private ModelCatalog catalog;

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            String normal = name.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
            if (normal.startsWith(ModelSettings.PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
            }
        }
        catalog = new ModelCatalog(ModelSettings.fromProperties(properties), List.of(new ModelCallObserver(metrics, tracing.tracer())));
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** The configured default model, as answers name it. */
    public String describe() {
        var spec = catalog.settings().defaults();
        return spec.provider().key()
                + (spec.modelName() == null ? "" : ":" + spec.modelName());
    }
}
