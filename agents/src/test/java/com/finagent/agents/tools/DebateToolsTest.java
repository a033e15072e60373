package com.finagent.agents.tools;

import com.finagent.agents.profile.AssistantCatalog;
import com.finagent.agents.profile.AssistantProfile;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LangChain4j adapter of {@link AgentTools}. */
class DebateToolsTest {

    private final List<String> calls = new ArrayList<>();
    private final AgentTools tools = new AgentTools() {
        @Override
        public ToolResult quote(String symbol) {
            calls.add("quote " + symbol);
            return ToolResult.ofMetrics(symbol, "polygon", "2025-09-05", Map.of("price", 182.5, "dayChange", 0.012));
        }

        @Override
        public ToolResult priceHistory(String symbol, int days) {
            calls.add("history " + symbol + " " + days);
            return ToolResult.ofMetrics(symbol, "offline history", null, Map.of("return1y", 0.571, "price", 180.0));
        }

        @Override
        public ToolResult technicalIndicators(String symbol) {
            throw new IllegalStateException("not enough bars");
        }

        @Override
        public ToolResult riskMetrics(String symbol) {
            calls.add("risk " + symbol);
            return ToolResult.ofMetrics(symbol, "analytics", null, Map.of("volatility", 0.51));
        }

        @Override
        public ToolResult portfolioHoldings() {
            return ToolResult.ofMetrics(null, "portfolio", null, Map.of("weight.NVDA", 0.25));
        }

        @Override
        public ToolResult search(String query, String symbol, int limit) {
            calls.add("search " + query + " " + symbol + " " + limit);
            return ToolResult.ofItems(symbol, "news", List.of(
                    new EvidenceItem("news-1", "Reuters", "t", "s", null, null, symbol, "news", 0.5),
                    new EvidenceItem(null, "Blog", "t2", "s2", null, null, symbol, "social", null)));
        }
    };
    private final ServerAgentTools toolkit = new ServerAgentTools(tools);

    private static ToolExecutionRequest request(String name, String arguments) {
        return ToolExecutionRequest.builder().id("call-1").name(name).arguments(arguments).build();
    }

    @Test
    void everyToolOfEveryProfileIsOffered() {
        for (AssistantProfile profile : AssistantCatalog.load().all()) {
            List<ToolSpecification> specs = ServerAgentTools.specifications(profile.tools());
            assertEquals(profile.tools(), specs.stream().map(ToolSpecification::name).toList(), profile.id());
        }
        assertTrue(ServerAgentTools.names().containsAll(List.of("technicalAnalysis", "riskAnalysis", "optimization")));
        assertEquals(List.of("symbol"), ServerAgentTools.specifications(List.of("marketData")).get(0).parameters().required());
    }

    @Test
    void marketDataCombinesQuoteAndOneYearOfHistory() {
        ToolCall call = toolkit.execute(request("marketData", "{\"symbol\":\"nvda\"}"), "technical:marketData:NVDA");
        assertNull(call.error());
        assertEquals(List.of("quote NVDA", "history NVDA 365"), calls);
        assertEquals(Map.of("price", 182.5, "dayChange", 0.012, "return1y", 0.571), call.result().metrics(),
                "the quote's price wins over the history's");
        assertEquals("technical:marketData:NVDA", call.result().id());
        assertEquals("NVDA", call.result().symbol());
        assertEquals("polygon; offline history", call.result().source());
        assertTrue(call.toModelText().contains("\"price\":182.5"));
    }

    @Test
    void searchKeepsServerIdsAndNamesTheRest() {
        ToolCall call = toolkit.execute(request("search", "{\"query\":\"NVDA export curbs\",\"symbol\":\"NVDA\",\"limit\":99}"),
                "sentiment:search:NVDA");
        assertEquals("search NVDA export curbs NVDA 25", calls.get(0));
        assertEquals(List.of("news-1", "sentiment:search:NVDA/2"), call.result().items().stream().map(EvidenceItem::id).toList());
    }

    @Test
    void failuresBecomeErrorsTheModelReads() {
        assertEquals("technicalIndicators failed: not enough bars",
                toolkit.execute(request("technicalIndicators", "{\"symbol\":\"NVDA\"}"), "x").error());
        assertEquals("argument 'symbol' is required", toolkit.execute(request("riskAssessment", "{}"), "x").error());
        assertEquals("not a ticker symbol: DROP TABLE", toolkit.execute(request("riskAssessment",
                "{\"symbol\":\"drop table\"}"), "x").error());
        assertEquals("arguments must be a JSON object", toolkit.execute(request("portfolio", "[1]"), "x").error());
        assertEquals("unknown tool 'launchRocket'", toolkit.execute(request("launchRocket", "{}"), "x").error());
        ToolCall unavailable = toolkit.execute(request("economicData", "{}"), "x");
        assertNull(unavailable.error());
        assertEquals("economic data is not available", unavailable.result().note());
        assertTrue(toolkit.execute(request("portfolio", "{}"), "x").toModelText().contains("weight.NVDA"));
    }
}
