package com.finagent.agents.offline.analyst;

import java.util.List;
import java.util.Map;

import static com.finagent.agents.offline.analyst.Contribution.add;
import static com.finagent.agents.offline.analyst.Mandates.REVERSION;
import static com.finagent.agents.offline.analyst.Mandates.SECTOR;
import static com.finagent.agents.offline.analyst.Mandates.TREND;
import static com.finagent.agents.offline.analyst.Numbers.num;
import static com.finagent.agents.offline.analyst.Numbers.pct;

/** What a symbol's prices say: the trend, how stretched it is from its averages, and its sector's performance. */
final class PriceSignals {

    void trend(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact r1y = f.get("return1y");
        if (r1y != null) {
            double r = r1y.value();
            add(out, TREND, s, r > 0.30 ? 1 : r > 0.10 ? 0.6 : r > 0 ? 0.2 : r > -0.10 ? -0.3 : -0.8, 1.0,
                    s + " returned " + pct(r) + " over one year", r1y);
        }
        Fact r3m = f.get("return3m");
        if (r3m != null) {
            double r = r3m.value();
            add(out, TREND, s, r > 0.10 ? 0.8 : r > 0.03 ? 0.4 : r > 0 ? 0.1 : r > -0.05 ? -0.3 : -0.7, 0.6,
                    s + " returned " + pct(r) + " over three months", r3m);
        }
        Fact price = f.get("price");
        Fact sma200 = f.get("sma200");
        Fact sma50 = f.get("sma50");
        if (price != null && sma200 != null) {
            boolean above = price.value() > sma200.value();
            add(out, TREND, s, above ? 0.6 : -0.6, 0.8, s + " at " + num(price.value()) + " trades "
                    + (above ? "above" : "below") + " its 200-day average of " + num(sma200.value()), price, sma200);
        }
        if (sma50 != null && sma200 != null) {
            boolean golden = sma50.value() > sma200.value();
            add(out, TREND, s, golden ? 0.4 : -0.4, 0.5, "the 50-day average (" + num(sma50.value()) + ") is "
                    + (golden ? "above" : "below") + " the 200-day (" + num(sma200.value()) + "): "
                    + (golden ? "an uptrend" : "a downtrend"), sma50, sma200);
        }
        Fact rsi = f.get("rsi14");
        if (rsi != null) {
            double v = rsi.value();
            double score = v > 70 ? 0.2 : v >= 55 ? 0.5 : v >= 45 ? 0 : v >= 30 ? -0.3 : -0.6;
            add(out, TREND, s, score, 0.6, "RSI(14) of " + num(v) + (v > 70 ? " shows strong but overbought momentum"
                    : v >= 55 ? " confirms positive momentum" : v >= 45 ? " is neutral" : " shows weak momentum"), rsi);
        }
        Fact macd = f.get("macdHistogram");
        if (macd != null) {
            add(out, TREND, s, macd.value() > 0 ? 0.4 : -0.4, 0.4, "the MACD histogram (" + num(macd.value()) + ") is "
                    + (macd.value() > 0 ? "positive" : "negative"), macd);
        }
    }

    void reversion(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact rsi = f.get("rsi14");
        if (rsi != null) {
            double v = rsi.value();
            double score = v > 75 ? -1 : v > 70 ? -0.7 : v > 60 ? -0.2 : v >= 40 ? 0 : v >= 30 ? 0.3 : v >= 25 ? 0.8 : 1;
            add(out, REVERSION, s, score, 1.0, "RSI(14) of " + num(v) + (v > 70 ? " is overbought: a pullback is due"
                    : v < 30 ? " is oversold: a rebound is likely" : " is not stretched"), rsi);
        }
        Fact price = f.get("price");
        Fact sma50 = f.get("sma50");
        if (price != null && sma50 != null && sma50.value() > 0) {
            double d = price.value() / sma50.value() - 1;
            double score = d > 0.10 ? -0.8 : d > 0.05 ? -0.4 : d < -0.10 ? 0.8 : d < -0.05 ? 0.4 : 0;
            add(out, REVERSION, s, score, 0.8, s + " at " + num(price.value()) + (d > 0.05 ? " is stretched above"
                    : d < -0.05 ? " is stretched below" : " is close to") + " its 50-day average of "
                    + num(sma50.value()), price, sma50);
        }
        Fact pctB = f.get("bollingerPctB");
        if (pctB != null) {
            double v = pctB.value();
            double score = v > 1 ? -0.7 : v > 0.8 ? -0.3 : v < 0 ? 0.7 : v < 0.2 ? 0.3 : 0;
            add(out, REVERSION, s, score, 0.6, "Bollinger %B of " + num(v) + (v > 0.8 ? " sits at the upper band"
                    : v < 0.2 ? " sits at the lower band" : " is mid-band"), pctB);
        }
    }

    void sector(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact sectorReturn = f.get("sectorReturn3m");
        if (sectorReturn != null) {
            double v = sectorReturn.value();
            add(out, SECTOR, s, v > 0.08 ? 0.6 : v > 0.02 ? 0.2 : v < -0.05 ? -0.6 : 0, 0.8,
                    s + "'s sector returned " + pct(v) + " over three months", sectorReturn);
        }
        Fact relative = f.get("relativeStrength3m");
        if (relative != null) {
            double v = relative.value();
            add(out, SECTOR, s, v > 0.05 ? 0.5 : v < -0.05 ? -0.5 : 0, 0.6, s + (v >= 0 ? " outperformed" : " lagged")
                    + " its sector by " + pct(Math.abs(v)) + " over three months", relative);
        }
    }
}
