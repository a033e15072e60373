package com.finagent.agents.offline.analyst;

import com.finagent.agents.model.AgentProtocol;

import java.util.List;
import java.util.Map;

import static com.finagent.agents.offline.analyst.Contribution.add;
import static com.finagent.agents.offline.analyst.Mandates.RISK;
import static com.finagent.agents.offline.analyst.Numbers.num;
import static com.finagent.agents.offline.analyst.Numbers.pct;

/** What a symbol's risk figures say, including the weight it already has in the user's portfolio. */
final class RiskSignals {

    private final Map<String, double[]> holdings;

    RiskSignals(Map<String, double[]> holdings) {
        this.holdings = holdings;
    }

    void risk(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact volatility = f.get("volatility");
        if (volatility != null) {
            double v = volatility.value();
            add(out, RISK, s, v > 0.50 ? -1 : v > 0.35 ? -0.6 : v > 0.25 ? -0.2 : v < 0.18 ? 0.4 : 0, 1.0,
                    s + "'s annualised volatility of " + pct(v) + (v > 0.35 ? " is high" : v < 0.18 ? " is low" : ""),
                    volatility);
        }
        Fact var = f.get("var95");
        if (var != null) {
            double v = Math.abs(var.value());
            add(out, RISK, s, v > 0.05 ? -1 : v > 0.03 ? -0.6 : v > 0.02 ? -0.2 : v < 0.015 ? 0.3 : 0, 0.9,
                    "1-day 95% VaR of " + pct(var.value()) + " of the position's value", var);
        }
        Fact es = f.get("expectedShortfall95");
        if (es != null) {
            double v = Math.abs(es.value());
            add(out, RISK, s, v > 0.06 ? -0.6 : v > 0.04 ? -0.3 : 0, 0.3, "expected shortfall (95%) of "
                    + pct(es.value()), es);
        }
        Fact drawdown = f.get("maxDrawdown");
        if (drawdown != null) {
            double v = Math.abs(drawdown.value());
            add(out, RISK, s, v > 0.40 ? -0.8 : v > 0.25 ? -0.4 : v < 0.15 ? 0.3 : 0, 0.7,
                    "maximum drawdown of " + pct(drawdown.value()), drawdown);
        }
        Fact beta = f.get("beta");
        if (beta != null) {
            double v = beta.value();
            add(out, RISK, s, v > 1.5 ? -0.5 : v > 1.2 ? -0.2 : v < 0.8 ? 0.3 : 0, 0.4, "beta of " + num(v)
                    + (v > 1.2 ? " amplifies market moves" : ""), beta);
        }
        Fact sharpe = f.get("sharpe");
        if (sharpe != null) {
            double v = sharpe.value();
            add(out, RISK, s, v > 1.5 ? 0.5 : v > 1 ? 0.3 : v < 0.3 ? -0.4 : 0, 0.5, "Sharpe ratio of " + num(v)
                    + (v > 1 ? ": the risk has been paid for" : ""), sharpe);
        }
        double[] holding = holdings.get(s);
        if (holding != null && !Double.isNaN(holding[0])) {
            double w = holding[0];
            if (w > 0.10) {
                out.add(new Contribution(RISK, s, w > 0.25 ? -1 : w > 0.15 ? -0.6 : -0.2, 1.0,
                        s + " is already " + pct(w) + " of the portfolio" + (w > 0.15 ? ": a concentration risk" : ""),
                        List.of(AgentProtocol.PORTFOLIO_PREFIX + s)));
            }
        }
    }
}
