package com.finagent.agents.chat;

import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChatFiguresTest {

    @Test
    void figuresAreWrittenByTheirConvention() {
        assertEquals("227.52", Figures.format("price", 227.52));
        assertEquals("18.34%", Figures.format("return1y", 0.1834));
        assertEquals("-0.8%", Figures.format("dayChange", -0.008));
        assertEquals("25.12%", Figures.format("weight.AAPL", 0.2512));
        assertEquals("4.25%", Figures.format("policyRate", 4.25));
        assertEquals("-25 bp", Figures.format("policyRateChange", -25.0));
        assertEquals("3.4 trillion", Figures.format("marketCap", 3.4e12));
        assertEquals("125,430.5", Figures.format("totalValue", 125430.5));
        assertEquals("0.0042", Figures.format("macdHistogram", 0.0042));
        assertEquals("RSI(14)", Figures.label("rsi14"));
        assertEquals("AAPL weight", Figures.label("weight.AAPL"));
    }

    @Test
    void aModelsWordingIsTracedBackToTheFigures() {
        ToolResult market = new ToolResult("marketData:AAPL", "marketData", "AAPL", "Polygon", "2025-09-05",
                Map.of("price", 227.52, "return1y", 0.1834, "sma50", 221.37, "marketCap", 3.41e12), List.of(), null);
        ToolResult news = new ToolResult("search:AAPL", "search", "AAPL", "news", null, Map.of(), List.of(
                new EvidenceItem("n1", "Reuters", "Apple beats estimates", null, null, "2025-09-04", "AAPL", "news", 0.5)),
                null);
        String text = "AAPL trades at $227.5 (Polygon, 2025-09-05), 18.3% above a year ago, worth about 3.41 trillion. "
                + "Its 50-day average is not quoted here. Reuters: \"Apple beats estimates\". RSI(14) is not known.";
        List<String> ids = Figures.cited(text, List.of(market, news)).stream().map(ChatEvidence::id).toList();
        assertEquals(List.of("marketData:AAPL#marketCap", "marketData:AAPL#price", "marketData:AAPL#return1y", "n1"),
                ids);
    }
}
