package com.finagent.application.backtest;

import com.finagent.agents.debate.DebateEngine;
import com.finagent.agents.debate.DebateInputs;
import com.finagent.agents.debate.DebateListener;
import com.finagent.agents.debate.DebateOutcome;
import com.finagent.agents.debate.QuantFacts;
import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.provider.ModelCatalog;
import com.finagent.agents.tools.ToolResult;
import com.finagent.application.debate.MarketFactsSource;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.provider.DailyBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Look-ahead, tested rather than promised: a crash planted in the price history after a backtest's day flips the
 * offline model's rating when it is known (a debate as of a day after it), and is never seen by the debate as of
 * the day before it — its facts end at the previous close.
 */
class PointInTimeDebateTest {

    private static final int RISING_DAYS = 400;
    private static ExecutorService pool;
    private static DebateEngine engine;
    private static final List<DailyBar> BARS = plantedHistory();
    private static final LocalDate CRASH_STARTS = BARS.get(RISING_DAYS).date();

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(8);
        engine = new DebateEngine(new ModelCatalog(ModelSettings.offline()), pool);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** A steady rise of 0.3 % a day with a small wobble, then from day 400 a fall of 2.5 % a day for 40 days. */
    private static List<DailyBar> plantedHistory() {
        List<DailyBar> bars = new ArrayList<>();
        LocalDate day = LocalDate.of(2014, 1, 2);
        double close = 100;
        for (int i = 0; i < RISING_DAYS + 40; i++) {
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            close *= i < RISING_DAYS ? 1.003 + (i % 3 - 1) * 0.004 : 0.975;
            bars.add(new DailyBar(day, close, close * 1.01, close * 0.99, close, 1_000_000, false));
            day = day.plusDays(1);
        }
        return bars;
    }

    private static DebateOutcome debateAsOf(LocalDate day) {
        PriceSeries history = new PriceSeries("ACME", "1d", "planted history", false, BARS);
        PointInTimeTools tools = new PointInTimeTools(day, Map.of("ACME", history),
                (query, bound) -> ToolResult.unavailable("no text in this test"),
                (region, bound) -> ToolResult.unavailable("no macro in this test"));
        BacktestQuery query = new BacktestQuery(List.of("ACME"), BARS.get(0).date(), day, RebalanceFrequency.WEEKLY,
                "analyst", 1, 0, 10_000, 10, null);
        BacktestPlan plan = new BacktestPlan(query, Map.of("ACME", history), 42);
        return engine.run(plan.request(new BacktestPlan.Rebalance(0, "ACME", day), UUID.randomUUID()),
                new DebateInputs(List.of(new MarketFactsSource(tools)), tools), DebateListener.NONE);
    }

    @Test
    void aCrashAfterTheDayIsNeverSeenThoughItWouldFlipTheRating() {
        LocalDate eve = CRASH_STARTS;
        DebateOutcome before = debateAsOf(eve);
        DebateOutcome after = debateAsOf(BARS.get(RISING_DAYS + 30).date());

        assertNotNull(before.recommendation().rating(), before.recommendation().headline());
        assertNotNull(after.recommendation().rating(), after.recommendation().headline());
        assertNotEquals(before.recommendation().rating(), after.recommendation().rating(),
                "control: once the crash is known, the rating changes");
        for (QuantFacts facts : before.request().evidence().facts()) {
            assertTrue(LocalDate.parse(facts.asOf()).isBefore(eve), "facts of " + facts.asOf() + " as of " + eve);
        }
        double lastKnown = BARS.get(RISING_DAYS - 1).close();
        QuantFacts facts = before.request().evidence().facts().get(0);
        assertEquals(lastKnown, facts.metrics().get("price"), 1e-9, "the price is the previous close");
    }

    @Test
    void theSameDayAndSeedGiveTheSameRating() {
        LocalDate day = BARS.get(300).date();
        assertEquals(debateAsOf(day).recommendation(), debateAsOf(day).recommendation());
    }
}
