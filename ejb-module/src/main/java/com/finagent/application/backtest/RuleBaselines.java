package com.finagent.application.backtest;

import com.finagent.application.analytics.TechnicalIndicators;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The rule-based baselines of the TradingAgents paper (arXiv 2412.20138, Table 1), each fully in the symbol or
 * fully in cash, deciding on the same rebalance days as the debate from the indicators at the previous close:
 * <ul>
 *   <li>Buy and hold: everything in the symbol on the first day, never traded again.</li>
 *   <li>MACD (12, 26, 9): in while the MACD line is above its signal line.</li>
 *   <li>KDJ &amp; RSI (KDJ 9, 3, 3; RSI 14): in while K is above D and RSI is below 70 (rising, not overbought).</li>
 *   <li>ZMR, zero mean reversion: in while the close is below its 20-day mean (expecting the reversion up).</li>
 *   <li>SMA (20, 50): in while the 20-day mean is above the 50-day mean.</li>
 * </ul>
 * Before an indicator has enough history it makes no call, so the baseline stays in cash.
 */
public final class RuleBaselines {

    public static final String BUY_AND_HOLD = "Buy and hold";

    private RuleBaselines() {
    }

    /** Every baseline by name, in the paper's order. */
    public static Map<String, Strategy> of(PriceTrack track, int firstRebalanceDay) {
        Map<String, Strategy> baselines = new LinkedHashMap<>();
        baselines.put(BUY_AND_HOLD, day -> day == firstRebalanceDay ? OptionalDouble.of(1) : OptionalDouble.empty());
        double[] closes = track.closes();
        baselines.put("MACD", whenLongEnough(() -> {
            TechnicalIndicators.Macd macd = TechnicalIndicators.macd(closes, 12, 26, 9);
            return i -> Double.isNaN(macd.signal()[i]) ? OptionalDouble.empty()
                    : in(macd.macd()[i] > macd.signal()[i]);
        }));
        baselines.put("KDJ & RSI", whenLongEnough(() -> {
            TechnicalIndicators.Kdj kdj = TechnicalIndicators.kdj(track.highs(), track.lows(), closes, 9, 3, 3);
            double[] rsi = TechnicalIndicators.rsi(closes, 14);
            return i -> Double.isNaN(kdj.k()[i]) || Double.isNaN(rsi[i]) ? OptionalDouble.empty()
                    : in(kdj.k()[i] > kdj.d()[i] && rsi[i] < 70);
        }));
        baselines.put("ZMR", whenLongEnough(() -> {
            double[] mean20 = TechnicalIndicators.sma(closes, 20);
            return i -> Double.isNaN(mean20[i]) ? OptionalDouble.empty() : in(closes[i] < mean20[i]);
        }));
        baselines.put("SMA", whenLongEnough(() -> {
            double[] mean20 = TechnicalIndicators.sma(closes, 20);
            double[] mean50 = TechnicalIndicators.sma(closes, 50);
            return i -> Double.isNaN(mean50[i]) ? OptionalDouble.empty() : in(mean20[i] > mean50[i]);
        }));
        return baselines;
    }

    /**
     * The strategy of a signal that decides on day {@code d} from the indicator at {@code d - 1}, what was known
     * at the previous close; a history too short for the indicator makes no call at all.
     */
    private static Strategy whenLongEnough(Supplier<Signal> indicator) {
        Signal signal;
        try {
            signal = indicator.get();
        } catch (IllegalArgumentException tooShort) {
            return day -> OptionalDouble.empty();
        }
        return day -> day == 0 ? OptionalDouble.empty() : signal.at(day - 1);
    }

    private interface Signal {
        OptionalDouble at(int index);
    }

    private static OptionalDouble in(boolean invested) {
        return OptionalDouble.of(invested ? 1 : 0);
    }
}
