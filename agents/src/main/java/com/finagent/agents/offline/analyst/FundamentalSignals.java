package com.finagent.agents.offline.analyst;

import java.util.List;
import java.util.Map;

import static com.finagent.agents.offline.analyst.Contribution.add;
import static com.finagent.agents.offline.analyst.Mandates.GROWTH;
import static com.finagent.agents.offline.analyst.Mandates.INCOME;
import static com.finagent.agents.offline.analyst.Mandates.VALUATION;
import static com.finagent.agents.offline.analyst.Numbers.num;
import static com.finagent.agents.offline.analyst.Numbers.pct;

/** What a company's fundamentals say: valuation, growth, and its worth as an income holding. */
final class FundamentalSignals {

    void valuation(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact pe = f.get("pe");
        Fact sectorPe = f.get("sectorPe");
        if (pe != null && sectorPe != null && sectorPe.value() > 0) {
            double rel = pe.value() / sectorPe.value();
            add(out, VALUATION, s, rel > 1.5 ? -0.8 : rel > 1.2 ? -0.4 : rel < 0.8 ? 0.6 : 0, 1.0,
                    s + "'s P/E of " + num(pe.value()) + " against a sector P/E of " + num(sectorPe.value())
                            + (rel > 1.2 ? " is a rich premium" : rel < 0.8 ? " is a discount" : " is in line"), pe, sectorPe);
        } else if (pe != null) {
            double v = pe.value();
            add(out, VALUATION, s, v > 40 ? -0.7 : v > 25 ? -0.3 : v < 15 ? 0.5 : 0.1, 1.0,
                    s + "'s P/E of " + num(v) + (v > 25 ? " is expensive" : v < 15 ? " is cheap" : " is moderate"), pe);
        }
        Fact forward = f.get("forwardPe");
        if (pe != null && forward != null) {
            boolean growing = forward.value() < pe.value();
            add(out, VALUATION, s, growing ? 0.3 : -0.3, 0.4, "forward P/E of " + num(forward.value())
                    + (growing ? " below" : " above") + " the trailing " + num(pe.value()) + ": earnings are expected to "
                    + (growing ? "grow" : "shrink"), forward, pe);
        }
        Fact peg = f.get("pegRatio");
        if (peg != null) {
            double v = peg.value();
            add(out, VALUATION, s, v < 1 ? 0.7 : v < 1.5 ? 0.2 : v > 2.5 ? -0.6 : -0.2, 0.8, "PEG ratio of " + num(v)
                    + (v < 1.5 ? ": growth justifies the multiple" : ": the multiple runs ahead of growth"), peg);
        }
        Fact fcf = f.get("fcfYield");
        if (fcf != null) {
            double v = fcf.value();
            add(out, VALUATION, s, v > 0.05 ? 0.6 : v > 0.03 ? 0.2 : v < 0.015 ? -0.4 : 0, 0.6,
                    "free-cash-flow yield of " + pct(v), fcf);
        }
        Fact pb = f.get("pb");
        if (pb != null) {
            double v = pb.value();
            add(out, VALUATION, s, v > 10 ? -0.4 : v < 1.5 ? 0.4 : 0, 0.3, "price-to-book of " + num(v), pb);
        }
        Fact debt = f.get("debtToEquity");
        if (debt != null) {
            double v = debt.value();
            add(out, VALUATION, s, v > 2 ? -0.6 : v < 0.5 ? 0.3 : 0, 0.5, "debt-to-equity of " + num(v)
                    + (v < 0.5 ? ": a strong balance sheet" : v > 2 ? ": heavy leverage" : ""), debt);
        }
        Fact margin = f.get("operatingMargin");
        if (margin != null) {
            double v = margin.value();
            add(out, VALUATION, s, v > 0.30 ? 0.4 : v < 0.05 ? -0.4 : 0, 0.4, "operating margin of " + pct(v), margin);
        }
    }

    void growth(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact revenue = f.get("revenueGrowth");
        if (revenue != null) {
            double v = revenue.value();
            add(out, GROWTH, s, v > 0.25 ? 0.9 : v > 0.10 ? 0.5 : v > 0 ? 0.1 : -0.6, 1.0,
                    s + "'s revenue grew " + pct(v) + " year over year", revenue);
        }
        Fact eps = f.get("epsGrowth");
        if (eps != null) {
            double v = eps.value();
            add(out, GROWTH, s, v > 0.25 ? 0.8 : v > 0.10 ? 0.4 : v > 0 ? 0.1 : -0.6, 0.8,
                    "earnings per share grew " + pct(v), eps);
        }
        Fact peg = f.get("pegRatio");
        if (peg != null) {
            double v = peg.value();
            add(out, GROWTH, s, v < 1 ? 0.5 : v < 2 ? 0.2 : v > 3 ? -0.4 : 0, 0.4, "PEG ratio of " + num(v), peg);
        }
        Fact r1y = f.get("return1y");
        if (r1y != null) {
            double r = r1y.value();
            add(out, GROWTH, s, r > 0.20 ? 0.5 : r > 0 ? 0.2 : -0.4, 0.3, s + " returned " + pct(r) + " over one year", r1y);
        }
    }

    void income(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact yield = f.get("dividendYield");
        if (yield != null) {
            double v = yield.value();
            add(out, INCOME, s, v > 0.04 ? 0.8 : v > 0.025 ? 0.5 : v > 0.01 ? 0.1 : -0.5, 1.0,
                    "dividend yield of " + pct(v) + (v <= 0.01 ? ": little income" : ""), yield);
        }
        Fact fcf = f.get("fcfYield");
        if (fcf != null) {
            double v = fcf.value();
            add(out, INCOME, s, v > 0.05 ? 0.6 : v > 0.03 ? 0.2 : v < 0.015 ? -0.4 : 0, 0.6,
                    "free-cash-flow yield of " + pct(v) + " to fund payouts", fcf);
        }
        Fact pe = f.get("pe");
        if (pe != null) {
            double v = pe.value();
            add(out, INCOME, s, v < 15 ? 0.5 : v > 30 ? -0.6 : 0, 0.6, "P/E of " + num(v)
                    + (v > 30 ? " leaves no value cushion" : v < 15 ? " offers a value cushion" : ""), pe);
        }
        Fact volatility = f.get("volatility");
        if (volatility != null) {
            double v = volatility.value();
            add(out, INCOME, s, v > 0.40 ? -0.5 : v < 0.20 ? 0.3 : 0, 0.4, "annualised volatility of " + pct(v)
                    + (v > 0.40 ? " is high for an income holding" : ""), volatility);
        }
    }
}
