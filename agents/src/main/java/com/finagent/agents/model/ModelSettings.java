package com.finagent.agents.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which chat model each participant of a debate talks to.
 *
 * @param defaults     the model of every participant without an override; offline when nothing is configured
 * @param participants overrides by participant id (e.g. {@code risk}, {@code moderator}), matched ignoring case
 */
public record ModelSettings(ModelSpec defaults, Map<String, ModelSpec> participants) {

    public static final String PREFIX = "finagent.llm.";

    public ModelSettings {
        defaults = defaults == null || defaults.provider() == null ? ModelSpec.offline().with(defaults) : defaults;
        Map<String, ModelSpec> byId = new TreeMap<>();
        if (participants != null) {
            participants.forEach((id, spec) -> byId.put(id.toLowerCase(Locale.ROOT), spec));
        }
        participants = Collections.unmodifiableMap(byId);
    }

    public static ModelSettings offline() {
        return new ModelSettings(ModelSpec.offline(), Map.of());
    }

    /**
     * Reads {@code finagent.llm.provider}, {@code .model}, {@code .api-key}, {@code .base-url},
     * {@code .temperature}, {@code .max-tokens}, {@code .timeout} (seconds or ISO-8601) and the same under
     * {@code finagent.llm.agent.PARTICIPANT.}; environment-style names ({@code FINAGENT_LLM_API_KEY},
     * {@code FINAGENT_LLM_AGENT_RISK_MODEL}) work too. No provider means the offline model.
     */
    public static ModelSettings fromProperties(Map<String, String> properties) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, Map<String, String>> agents = new TreeMap<>();
        properties.forEach((rawKey, value) -> {
            String key = rawKey.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
            if (!key.startsWith(PREFIX) || value == null || value.isBlank()) {
                return;
            }
            String rest = key.substring(PREFIX.length());
            if (rest.startsWith("agent.")) {
                String agentAndField = rest.substring("agent.".length());
                String field = fieldOf(agentAndField);
                if (field != null) {
                    String agent = agentAndField.substring(0, agentAndField.length() - field.length() - 1);
                    agents.computeIfAbsent(agent, a -> new LinkedHashMap<>()).put(field, value.trim());
                }
            } else if (fieldOf(rest) != null && fieldOf(rest).equals(rest)) {
                defaults.put(rest, value.trim());
            }
        });
        Map<String, ModelSpec> overrides = new LinkedHashMap<>();
        agents.forEach((agent, fields) -> overrides.put(agent, spec(fields, true)));
        return new ModelSettings(spec(defaults, false), overrides);
    }

    /** The effective model of a participant: its override over the defaults. */
    public ModelSpec specFor(String participantId) {
        ModelSpec override = participantId == null ? null : participants.get(participantId.toLowerCase(Locale.ROOT));
        return defaults.with(override);
    }

    /** The first configured spec of a provider, to borrow its key and URL when a request names that provider. */
    public ModelSpec configured(Provider provider) {
        if (defaults.provider() == provider) {
            return defaults;
        }
        for (ModelSpec spec : participants.values()) {
            ModelSpec effective = defaults.with(spec);
            if (effective.provider() == provider) {
                return effective;
            }
        }
        return null;
    }

    private static final String[] FIELDS = {"provider", "model", "api.key", "base.url", "temperature", "max.tokens",
            "timeout"};

    private static String fieldOf(String key) {
        for (String field : FIELDS) {
            if (key.equals(field) || key.endsWith("." + field)) {
                return field;
            }
        }
        return null;
    }

    private static ModelSpec spec(Map<String, String> fields, boolean override) {
        String provider = fields.get("provider");
        Provider parsed = provider == null ? (override ? null : Provider.OFFLINE) : Provider.parse(provider);
        return new ModelSpec(parsed, fields.get("model"), fields.get("api.key"), fields.get("base.url"),
                fields.containsKey("temperature") ? Double.valueOf(fields.get("temperature")) : null,
                fields.containsKey("max.tokens") ? Integer.valueOf(fields.get("max.tokens")) : null,
                fields.containsKey("timeout") ? duration(fields.get("timeout")) : null);
    }

    private static Duration duration(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Invalid model timeout '" + value + "'", e);
            }
        }
    }
}
