package com.finagent.agents.offline;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.CanonicalJson;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineChatModelTest {

    private final OfflineChatModel model = new OfflineChatModel();

    private static UserMessage initial(String mandate, Map<String, Double> metrics) {
        Map<String, Object> context = Map.of(
                "task", AgentProtocol.TASK_INITIAL,
                "participant", Map.of("id", mandate, "name", mandate, "mandate", mandate),
                "symbols", List.of("ACME"),
                "evidence", Map.of("facts", List.of(Map.of("id", "q-ACME", "symbol", "ACME", "metrics", metrics))));
        return UserMessage.from(AgentProtocol.userMessage("Analyse.", context));
    }

    private static ToolSpecification tool(String name, String parameter) {
        return ToolSpecification.builder().name(name).parameters(JsonObjectSchema.builder()
                .addStringProperty(parameter).build()).build();
    }

    @Test
    void asksForToolsFirstThenAnswersFromTheirResults() {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from("You are a technical analyst."),
                initial("technical", Map.of())));
        List<ToolSpecification> tools = List.of(tool("technicalIndicators", "symbol"), tool("search", "query"));
        ChatResponse first = model.chat(ChatRequest.builder().messages(messages).toolSpecifications(tools).build());
        assertEquals(FinishReason.TOOL_EXECUTION, first.finishReason());
        List<ToolExecutionRequest> calls = first.aiMessage().toolExecutionRequests();
        assertEquals(1, calls.size(), "a technical mandate wants indicators, not news");
        assertEquals("technicalIndicators", calls.get(0).name());
        assertEquals("{\"symbol\":\"ACME\"}", calls.get(0).arguments());

        messages.add(first.aiMessage());
        messages.add(ToolExecutionResultMessage.from(calls.get(0), CanonicalJson.write(Map.of("id", "t1", "symbol", "ACME",
                "metrics", Map.of("price", 50.0, "sma200", 40.0, "sma50", 45.0, "rsi14", 62.0, "return1y", 0.35)))));
        ChatResponse answer = model.chat(ChatRequest.builder().messages(messages).toolSpecifications(tools).build());
        assertEquals(OfflineChatModel.MODEL_ID, answer.modelName());
        JsonObject position = CanonicalJson.parseObject(answer.aiMessage().text()).orElseThrow();
        assertEquals("STRONG_BUY", position.getString("stance"));
        String cited = position.get("arguments").toString();
        assertTrue(cited.contains("t1#return1y") && cited.contains("t1#sma200"), cited);
        assertTrue(position.getJsonArray("arguments").getJsonObject(0).getString("claim").contains("35.0%"));

        int words = 0;
        for (ChatMessage message : messages) {
            words += AgentProtocol.countTokens(OfflineChatModel.textOf(message));
        }
        assertEquals(words, answer.tokenUsage().inputTokenCount());
        assertEquals(AgentProtocol.countTokens(answer.aiMessage().text()), answer.tokenUsage().outputTokenCount());
    }

    @Test
    void riskMandateWeighsVolatilityAndIsDeterministic() {
        UserMessage prompt = initial("risk", Map.of("volatility", 0.62, "var95", 0.055, "maxDrawdown", -0.48));
        ChatResponse a = model.chat(prompt);
        ChatResponse b = model.chat(prompt);
        assertEquals(a.aiMessage().text(), b.aiMessage().text());
        JsonObject position = CanonicalJson.parseObject(a.aiMessage().text()).orElseThrow();
        assertEquals("STRONG_SELL", position.getString("stance"));
        assertTrue(position.getJsonNumber("confidence").doubleValue() > 0.7);
        assertTrue(position.get("arguments").toString().contains("62.0%"));
    }

    /** The macro mandate's position after its economic-data tool answered with {@code metrics} (result id "fred"). */
    private JsonObject macroPosition(Map<String, Double> metrics) {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from("You are a macro economist."),
                initial("macro", Map.of())));
        List<ToolSpecification> tools = List.of(tool("economicData", "region"));
        ChatResponse first = model.chat(ChatRequest.builder().messages(messages).toolSpecifications(tools).build());
        ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
        assertEquals("economicData", call.name());
        messages.add(first.aiMessage());
        messages.add(ToolExecutionResultMessage.from(call, CanonicalJson.write(Map.of("id", "fred", "tool", "economicData",
                "source", "FRED, Federal Reserve Bank of St. Louis", "metrics", metrics, "items", List.of(Map.of(
                        "id", "fred/1", "source", "FRED T10Y2Y", "title", "US 10-year minus 2-year Treasury yield spread",
                        "date", "2025-01-17", "category", "statistic"))))));
        ChatRequest request = ChatRequest.builder().messages(messages).toolSpecifications(tools).build();
        String answer = model.chat(request).aiMessage().text();
        assertEquals(answer, model.chat(request).aiMessage().text(), "deterministic");
        return CanonicalJson.parseObject(answer).orElseThrow();
    }

    @Test
    void theMacroMandateReadsALateCycleFromTheStatistics() {
        JsonObject position = macroPosition(Map.of("policyRate", 5.33, "policyRateChange", 0.0, "inflationYoY", 3.3,
                "coreInflationYoY", 3.6, "unemployment", 4.4, "unemploymentChange", 0.6, "payrollsChange", -20.0,
                "gdpGrowth", 0.8, "yieldCurve10y2y", -35.0));
        assertEquals("SELL", position.getString("stance"), position.toString());
        String arguments = position.get("arguments").toString();
        for (String cited : List.of("fred#unemploymentChange", "fred#unemployment", "fred#payrollsChange",
                "fred#gdpGrowth", "fred#yieldCurve10y2y")) {
            assertTrue(arguments.contains("\"" + cited + "\""), cited + " in " + arguments);
        }
        assertTrue(arguments.contains("unemployment of 4.4% is up 0.6 points in a year: the labour market is weakening"),
                arguments);
        assertTrue(arguments.contains("payrolls fell by 20 thousand jobs last month"), arguments);
        assertTrue(arguments.contains("10y-2y yield spread of -35 bp: an inverted curve"), arguments);
    }

    @Test
    void theMacroMandateReadsEasingAndSteadyGrowthAsSupportive() {
        JsonObject position = macroPosition(Map.of("policyRate", 4.33, "policyRateChange", -25.0, "inflationYoY", 2.3,
                "coreInflationYoY", 2.4, "unemployment", 3.9, "unemploymentChange", -0.2, "payrollsChange", 250.0,
                "gdpGrowth", 3.0, "yieldCurve10y2y", 60.0));
        assertEquals("BUY", position.getString("stance"), position.toString());
        String arguments = position.get("arguments").toString();
        assertTrue(arguments.contains("the policy rate was cut by 25 bp at 4.33%"), arguments);
        assertTrue(arguments.contains("fred#policyRateChange") && arguments.contains("fred#gdpGrowth"), arguments);
    }

    @Test
    void withoutEvidenceForItsMandateItAbstainsNamingWhatItLacks() {
        JsonObject position = CanonicalJson.parseObject(model.chat(initial("fundamental", Map.of("rsi14", 50.0))).aiMessage().text())
                .orElseThrow();
        assertEquals("ABSTAIN", position.getString("stance"));
        assertTrue(position.get("lacking").toString().contains("valuation figures"), position.toString());
    }

    @Test
    void plainChatGetsAPlainAnswer() {
        String answer = model.chat("Hello?");
        assertTrue(answer.contains(OfflineChatModel.MODEL_ID));
        assertFalse(answer.startsWith("{"));
    }
}
