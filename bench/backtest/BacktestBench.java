import com.finagent.agents.debate.DebateEngine;
import com.finagent.agents.debate.DebateInputs;
import com.finagent.agents.debate.DebateListener;
import com.finagent.agents.debate.DebateOutcome;
import com.finagent.agents.debate.DelayedChatModel;
import com.finagent.agents.debate.Evidence;
import com.finagent.agents.debate.EvidenceSource;
import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.offline.OfflineChatModel;
import com.finagent.agents.provider.ModelCatalog;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;
import com.finagent.application.backtest.BacktestCall;
import com.finagent.application.backtest.BacktestDebates;
import com.finagent.application.backtest.BacktestPlan;
import com.finagent.application.backtest.BacktestQuery;
import com.finagent.application.backtest.PointInTimeTools;
import com.finagent.application.backtest.RebalanceFrequency;
import com.finagent.application.debate.MarketFactsSource;
import com.finagent.application.market.OfflineMarketData;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.search.OfflineCorpora;
import com.finagent.application.search.OfflineSource;
import com.finagent.application.search.ParallelSearch;
import com.finagent.application.search.SearchRequest;
import com.finagent.application.search.SearchResult;
import com.finagent.application.search.SourceName;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An offline backtest of one symbol over five years, weekly: each rebalance's debate with the offline model, the
 * point-in-time tools over the bundled prices and the offline corpora searched as of the day (as the server does,
 * less the sentiment scoring of each item). Reports the wall time and debates per second with the debates run
 * two at a time (the server's default) against the same plan one after another, in one run. With a model latency,
 * each model call first waits that long, as a hosted model's would.
 *   java BacktestBench <shared data dir> [symbol] [width] [model latency ms] [rounds]
 */
public final class BacktestBench {

    public static void main(String[] args) {
        Path shared = Path.of(args[0]);
        String symbol = args.length > 1 ? args[1] : "AAPL";
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long delayMs = args.length > 3 ? Long.parseLong(args[3]) : 0;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        PriceSeries history = new PriceSeries(symbol, "1d", OfflineMarketData.SOURCE, false,
                OfflineMarketData.load().history(symbol).orElseThrow());
        BacktestQuery query = new BacktestQuery(List.of(symbol), LocalDate.of(2013, 1, 1), LocalDate.of(2017, 12, 29),
                RebalanceFrequency.WEEKLY, "analyst", 1, 0, 10_000, 10, null);
        BacktestPlan plan = new BacktestPlan(query, Map.of(symbol, history), 42);
        OfflineCorpora corpora = new OfflineCorpora(shared);
        ExecutorService steps = Executors.newFixedThreadPool(16);
        try {
            Map<SourceName, OfflineSource> sources = Map.of(
                    SourceName.NEWS, new OfflineSource(SourceName.NEWS, OfflineCorpora.NEWS_ORIGIN, "offline",
                            corpora::news, corpora::companies),
                    SourceName.SEC, new OfflineSource(SourceName.SEC, OfflineCorpora.SEC_ORIGIN, "offline",
                            corpora::sec, corpora::companies),
                    SourceName.SOCIAL, new OfflineSource(SourceName.SOCIAL, "social", "offline", corpora::social,
                            corpora::companies));
            ParallelSearch search = new ParallelSearch(steps, name -> Duration.ofSeconds(60));
            // With a latency, every model call waits as a hosted model's would, in front of the offline model.
            DelayedChatModel delayed = new DelayedChatModel(new OfflineChatModel(), delayMs);
            DebateEngine engine = delayMs <= 0 ? new DebateEngine(new ModelCatalog(ModelSettings.offline()), steps)
                    : new DebateEngine((participant, requested, seed) -> new ResolvedModel("offline+" + delayMs + "ms",
                    delayed), steps);
            BacktestDebates.Debater debater = rebalance -> debate(engine, search, sources, plan, rebalance,
                    Map.of(symbol, history));

            Run warmUp = run(plan, width, debater);
            System.out.printf(Locale.ROOT, "warm-up: %.1f s%n", warmUp.seconds);
            List<Run> parallel = new ArrayList<>();
            List<Run> sequential = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                sequential.add(run(plan, 1, debater));
                parallel.add(run(plan, width, debater));
                System.out.printf(Locale.ROOT, "round %d: one after another %.2f s, %d at a time %.2f s%n", round,
                        sequential.get(round - 1).seconds, width, parallel.get(round - 1).seconds);
            }
            Run bestParallel = parallel.stream().min(Comparator.comparingDouble(Run::seconds)).orElseThrow();
            Run bestSequential = sequential.stream().min(Comparator.comparingDouble(Run::seconds)).orElseThrow();
            boolean sameRatings = parallel.stream().allMatch(r -> r.ratings.equals(warmUp.ratings))
                    && sequential.stream().allMatch(r -> r.ratings.equals(warmUp.ratings));
            System.out.printf(Locale.ROOT, "%s weekly 2013-2017, model latency %d ms, %d debates (best of %d, "
                            + "alternating): %d at a time "
                            + "%.2f s (%.1f debates/s); one after another %.2f s (%.1f debates/s); "
                            + "sequential/parallel %.2f; the same ratings in every run: %s%n",
                    symbol, delayMs, plan.rebalances().size(), rounds, width, bestParallel.seconds, bestParallel.perSecond(),
                    bestSequential.seconds, bestSequential.perSecond(), bestSequential.seconds / bestParallel.seconds,
                    sameRatings);
        } finally {
            steps.shutdownNow();
        }
    }

    private record Run(double seconds, int debates, List<String> ratings) {
        double perSecond() {
            return debates / seconds;
        }
    }

    private static Run run(BacktestPlan plan, int width, BacktestDebates.Debater debater) {
        long start = System.nanoTime();
        BacktestDebates.Outcome outcome = BacktestDebates.run(plan.rebalances(), width, 0,
                Executors.defaultThreadFactory(), debater, (call, done, tokens) -> true);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> ratings = outcome.calls().stream().sorted(Comparator.comparing(BacktestCall::day))
                .map(call -> call.day() + " " + call.rating()).toList();
        return new Run(seconds, outcome.calls().size(), ratings);
    }

    private static BacktestCall debate(DebateEngine engine, ParallelSearch search, Map<SourceName, OfflineSource> sources,
                                      BacktestPlan plan, BacktestPlan.Rebalance rebalance,
                                      Map<String, PriceSeries> histories) {
        PointInTimeTools tools = new PointInTimeTools(rebalance.day(), histories,
                (query, day) -> ToolResult.ofItems(query.symbol(), "search", items("search",
                        search(search, sources, query.query(), query.symbol(), List.of("news", "sec", "social"), day))),
                (region, day) -> ToolResult.unavailable("no macro figures in the benchmark"));
        List<EvidenceSource> evidence = new ArrayList<>();
        for (String name : List.of("news", "sec", "social")) {
            evidence.add(new EvidenceSource() {
                @Override
                public String name() {
                    return name + "-search";
                }

                @Override
                public Evidence gather(String question, String assistantType, List<String> symbols) {
                    return new Evidence(items(name, search(search, sources, question, symbols.get(0), List.of(name),
                            rebalance.day())), List.of());
                }
            });
        }
        evidence.add(new MarketFactsSource(tools));
        DebateOutcome outcome = engine.run(plan.request(rebalance, UUID.randomUUID()),
                new DebateInputs(evidence, tools), DebateListener.NONE);
        String rating = outcome.recommendation() == null || outcome.recommendation().rating() == null ? null
                : outcome.recommendation().rating().name();
        return new BacktestCall(rebalance.symbol(), rebalance.day(), UUID.randomUUID(), rating, null, "",
                outcome.tokens().input() + outcome.tokens().output(), outcome.request().evidence().items().size(),
                null, null, null);
    }

    private static List<SearchResult> search(ParallelSearch search, Map<SourceName, OfflineSource> sources, String text,
                                             String symbol, List<String> names, LocalDate day) {
        SearchRequest request = SearchRequest.of(text, symbol == null ? List.of() : List.of(symbol), names, 8)
                .before(day);
        return search.run(request, sources).results();
    }

    private static List<EvidenceItem> items(String prefix, List<SearchResult> results) {
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SearchResult result = results.get(i);
            items.add(new EvidenceItem(prefix + "-" + (i + 1), result.origin(), result.title(), result.snippet(),
                    result.url(), result.date() == null ? null : result.date().toString(),
                    result.symbols().isEmpty() ? null : result.symbols().get(0), prefix.equals("sec") ? "filing"
                    : prefix.equals("social") ? "social" : "news", null));
        }
        return items;
    }
}
