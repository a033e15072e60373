package com.finagent.agents.provider;

import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;
import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.model.Provider;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.model.ResolvedStreamingModel;
import com.finagent.agents.model.WordStreamingChatModel;
import com.finagent.agents.offline.OfflineChatModel;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSettingsTest {

    @Test
    void nothingConfiguredMeansTheOfflineModel() {
        ModelSettings settings = ModelSettings.fromProperties(Map.of("unrelated", "x"));
        assertEquals(Provider.OFFLINE, settings.defaults().provider());
        ResolvedModel model = new ModelCatalog(settings).resolve("technical", null, 7);
        assertEquals(OfflineChatModel.MODEL_ID, model.id());
        assertInstanceOf(OfflineChatModel.class, model.model());
        ResolvedStreamingModel streaming = new ModelCatalog(settings).resolveStreaming("technical", null, 7);
        assertEquals(OfflineChatModel.MODEL_ID, streaming.id());
        assertInstanceOf(WordStreamingChatModel.class, streaming.model());
    }

    @Test
    void propertiesAndEnvironmentNamesWithPerParticipantOverrides() {
        ModelSettings settings = ModelSettings.fromProperties(Map.of(
                "finagent.llm.provider", "openai",
                "finagent.llm.model", "gpt-4o-mini",
                "FINAGENT_LLM_API_KEY", "sk-main",
                "finagent.llm.timeout", "45",
                "FINAGENT_LLM_AGENT_RISK_PROVIDER", "anthropic",
                "FINAGENT_LLM_AGENT_RISK_MODEL", "claude-sonnet-4-5",
                "finagent.llm.agent.risk.api-key", "sk-ant",
                "finagent.llm.agent.meanReversion.model", "gpt-4.1",
                "finagent.llm.agent.moderator.temperature", "0.1"));
        assertEquals(ModelSpec.of(Provider.OPENAI, "gpt-4o-mini", "sk-main", null).id(), settings.specFor("technical").id());
        assertEquals(Duration.ofSeconds(45), settings.specFor("technical").timeout());
        ModelSpec risk = settings.specFor("risk");
        assertEquals(Provider.ANTHROPIC, risk.provider());
        assertEquals("claude-sonnet-4-5", risk.modelName());
        assertEquals("sk-ant", risk.apiKey(), "another provider does not inherit the default key");
        assertEquals("openai:gpt-4.1", settings.specFor("meanReversion").id());
        assertEquals("sk-main", settings.specFor("meanReversion").apiKey());
        assertEquals(0.1, settings.specFor("moderator").temperature());
    }

    @Test
    void aRequestCanNameAModelOrAConfiguredProvider() {
        ModelSettings settings = ModelSettings.fromProperties(Map.of(
                "finagent.llm.provider", "openai", "finagent.llm.model", "gpt-4o-mini", "finagent.llm.api-key", "k1",
                "finagent.llm.agent.risk.provider", "anthropic", "finagent.llm.agent.risk.model", "claude-x",
                "finagent.llm.agent.risk.api-key", "k2"));
        ModelCatalog catalog = new ModelCatalog(settings);
        assertEquals("openai:gpt-4.1", catalog.effectiveSpec("technical", "gpt-4.1").id());
        ModelSpec borrowed = catalog.effectiveSpec("technical", "anthropic:claude-y");
        assertEquals("anthropic:claude-y", borrowed.id());
        assertEquals("k2", borrowed.apiKey());
        assertEquals(OfflineChatModel.MODEL_ID, catalog.effectiveSpec("risk", "offline").id());
        assertThrows(IllegalArgumentException.class, () -> catalog.effectiveSpec("risk", "azure-openai:gpt-4o"));
    }

    @Test
    void factoryBuildsLangChain4jModelsWithoutCallingThem() {
        ModelCatalog catalog = new ModelCatalog(ModelSettings.fromProperties(Map.of(
                "finagent.llm.provider", "openai-compatible", "finagent.llm.base-url", "http://127.0.0.1:11434/v1",
                "finagent.llm.model", "llama3.1",
                "finagent.llm.agent.risk.provider", "anthropic", "finagent.llm.agent.risk.model", "claude-x",
                "finagent.llm.agent.risk.api-key", "k",
                "finagent.llm.agent.macro.provider", "azure-openai",
                "finagent.llm.agent.macro.base-url", "https://res.openai.azure.com/",
                "finagent.llm.agent.macro.model", "my-deployment", "finagent.llm.agent.macro.api-key", "az")));
        assertInstanceOf(OpenAiChatModel.class, catalog.resolve("technical", null, 1).model());
        assertInstanceOf(AnthropicChatModel.class, catalog.resolve("risk", null, 1).model());
        ResolvedModel azure = catalog.resolve("macro", null, 1);
        assertEquals("azure-openai:my-deployment", azure.id());
        assertInstanceOf(OpenAiChatModel.class, azure.model());
        assertSame(azure.model(), catalog.resolve("macro", null, 1).model(), "built once");

        assertInstanceOf(OpenAiStreamingChatModel.class, catalog.resolveStreaming("technical", null, 1).model());
        assertInstanceOf(AnthropicStreamingChatModel.class, catalog.resolveStreaming("risk", null, 1).model());
        ResolvedStreamingModel azureStreaming = catalog.resolveStreaming("macro", null, 1);
        assertEquals(azure.id(), azureStreaming.id(), "the same model, streaming");
        assertInstanceOf(OpenAiStreamingChatModel.class, azureStreaming.model());
        assertSame(azureStreaming.model(), catalog.resolveStreaming("macro", null, 1).model(), "built once");
        assertEquals("anthropic:claude-y", catalog.resolveStreaming("technical", "anthropic:claude-y", 1).id(),
                "a request's choice applies to streaming models too");
        assertEquals("https://res.openai.azure.com/openai/v1", ModelFactory.azureV1("https://res.openai.azure.com/"));
        assertEquals("https://r.openai.azure.com/openai/v1", ModelFactory.azureV1("https://r.openai.azure.com/openai/v1"));
    }

    @Test
    void memoriesAreExtractedByTheConfiguredModelOrByTheRulesWhenItIsTheOfflineOne() {
        ModelCatalog offline = new ModelCatalog(ModelSettings.offline());
        assertTrue(offline.isOffline("memory"));
        assertFalse(offline.memoryExtractor("memory").usesModel(), "the offline model's answers extract nothing");
        assertEquals(List.of(new Memory(MemoryKind.RISK_TOLERANCE, "The user has a low risk tolerance.")),
                offline.memoryExtractor("memory").extract("I have a low risk tolerance."));

        ModelCatalog configured = new ModelCatalog(ModelSettings.fromProperties(Map.of(
                "finagent.llm.provider", "openai-compatible", "finagent.llm.base-url", "http://127.0.0.1:11434/v1",
                "finagent.llm.model", "llama3.1", "finagent.llm.agent.sentiment.provider", "offline")));
        assertFalse(configured.isOffline("memory"));
        assertTrue(configured.memoryExtractor("memory").usesModel());
        assertSame(configured.memoryExtractor("memory"), configured.memoryExtractor("memory"), "built once");
        assertTrue(configured.isOffline("sentiment"));
        assertFalse(configured.memoryExtractor("sentiment").usesModel(), "a participant's offline override counts");
    }

    @Test
    void missingSecretsFailFastAndKeysAreNeverPrinted() {
        ModelCatalog catalog = new ModelCatalog(ModelSettings.fromProperties(Map.of(
                "finagent.llm.provider", "openai", "finagent.llm.model", "gpt-4o-mini")));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> catalog.resolve("technical", null, 1));
        assertTrue(error.getMessage().contains("api key"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> catalog.resolveStreaming("technical", null, 1));
        assertThrows(IllegalArgumentException.class, () -> Provider.parse("gemini"));
        assertEquals(Provider.OPENAI_COMPATIBLE, Provider.parse("ollama"));
        String printed = ModelSpec.of(Provider.OPENAI, "gpt", "sk-secret", null).toString();
        assertFalse(printed.contains("sk-secret"), printed);
    }
}
