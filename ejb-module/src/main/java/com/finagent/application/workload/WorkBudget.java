package com.finagent.application.workload;

import com.finagent.application.error.FinAgentException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The most work one request may ask of the analytics and the sentiment model. Each limit on its own (assets, prices,
 * paths, steps, texts) still let a request multiply them into minutes of CPU or a heap-sized array: 100 assets of
 * 20 000 prices took 12 s, and 200 000 paths x 2 520 steps x 50 assets would have taken minutes and 800 MB. The
 * budgets are set so that the largest request admitted takes about a second on one core; the numbers are measured
 * in bench/edge.
 */
public final class WorkBudget {

    /** Prices or returns, over every series of one risk request. */
    public static final long RISK_VALUES = 250_000;
    /** Paths x steps x assets of one simulation: the Monte Carlo bench's 10 x 100 000 x 252 runs in about 1 s. */
    public static final long SIMULATION_PATH_STEPS = 252_000_000;
    /** Paths x fan-chart points kept in memory by one simulation (40 MB of doubles). */
    public static final long SIMULATION_BAND_VALUES = 5_000_000;
    /** Prices over every series of one optimisation: PyPortfolioOpt's 20-ticker panel (142 520 cells) fits three times. */
    public static final long OPTIMISATION_VALUES = 500_000;
    /** Characters over every text of one sentiment request. */
    public static final long SENTIMENT_CHARACTERS = 250_000;

    private WorkBudget() {
    }

    public static void checkRisk(List<Double> prices, List<Double> returns, Map<String, List<Double>> assets,
                                 List<Double> benchmark) {
        long values = size(prices) + size(returns) + size(benchmark)
                + (assets == null ? 0 : assets.values().stream().filter(Objects::nonNull).mapToLong(List::size).sum());
        if (values > RISK_VALUES) {
            throw FinAgentException.invalidField("body", "asks for " + values + " prices or returns in all; one request"
                    + " may send at most " + RISK_VALUES + " (split the assets over several requests)");
        }
    }

    public static void checkSimulation(long paths, long steps, long assets, long bandPoints) {
        long pathSteps = paths * steps * assets;
        if (pathSteps > SIMULATION_PATH_STEPS) {
            throw FinAgentException.invalidField("paths", "paths x steps x assets is " + pathSteps
                    + "; one simulation may ask for at most " + SIMULATION_PATH_STEPS + " (fewer paths or steps)");
        }
        if (paths * bandPoints > SIMULATION_BAND_VALUES) {
            throw FinAgentException.invalidField("bandPoints", "paths x bandPoints is " + paths * bandPoints
                    + "; at most " + SIMULATION_BAND_VALUES);
        }
    }

    public static void checkOptimisation(long values) {
        if (values > OPTIMISATION_VALUES) {
            throw FinAgentException.invalidField("body", "asks to optimise over " + values + " prices in all; one "
                    + "request may send at most " + OPTIMISATION_VALUES + " (a shorter history or fewer assets)");
        }
    }

    public static void checkSentiment(Collection<String> texts) {
        long characters = texts.stream().filter(Objects::nonNull).mapToLong(String::length).sum();
        if (characters > SENTIMENT_CHARACTERS) {
            throw FinAgentException.invalidField("texts", "hold " + characters + " characters in all; one request may"
                    + " send at most " + SENTIMENT_CHARACTERS);
        }
    }

    private static long size(List<?> values) {
        return values == null ? 0 : values.size();
    }
}
