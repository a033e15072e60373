package com.finagent.agents.offline.analyst;

import java.util.List;
import java.util.Map;

import static com.finagent.agents.offline.analyst.Contribution.add;
import static com.finagent.agents.offline.analyst.Mandates.MACRO;
import static com.finagent.agents.offline.analyst.Mandates.RATES;
import static com.finagent.agents.offline.analyst.Numbers.num;

/** What the economy says about a symbol: policy, inflation, labour, growth, the yield curve and discount rates. */
final class MacroSignals {

    void macro(String s, Map<String, Fact> m, List<Contribution> out) {
        policy(s, m, MACRO, 1.0, out);
        Fact inflation = m.get("inflationYoY");
        if (inflation != null) {
            double v = inflation.value();
            add(out, MACRO, s, v > 4 ? -0.5 : v < 2.5 ? 0.3 : -0.1, 0.6, "inflation of " + num(v) + "% year over year"
                    + (v > 4 ? " keeps pressure on policy" : v < 2.5 ? " is near target" : " is above target"), inflation);
        }
        Fact core = m.get("coreInflationYoY");
        if (core != null) {
            double v = core.value();
            add(out, MACRO, s, v > 3.5 ? -0.4 : v < 2.5 ? 0.3 : -0.2, 0.5, "core inflation of " + num(v)
                    + "% year over year" + (v < 2.5 ? " is close to the Fed's target" : " is above the Fed's target"), core);
        }
        labour(s, m, out);
        Fact gdp = m.get("gdpGrowth");
        if (gdp != null) {
            double v = gdp.value();
            add(out, MACRO, s, v > 2.5 ? 0.4 : v < 1 ? -0.5 : 0.1, 0.6, "GDP growth of " + num(v) + "%", gdp);
        }
        Fact curve = m.get("yieldCurve10y2y");
        if (curve != null) {
            double v = curve.value();
            add(out, MACRO, s, v < 0 ? -0.5 : v > 50 ? 0.2 : 0, 0.5, "10y-2y yield spread of " + num(v) + " bp"
                    + (v < 0 ? ": an inverted curve" : ""), curve);
        }
        Fact pmi = m.get("pmi");
        if (pmi != null) {
            double v = pmi.value();
            add(out, MACRO, s, v > 52 ? 0.4 : v < 48 ? -0.4 : 0, 0.5, "PMI of " + num(v)
                    + (v > 50 ? " signals expansion" : " signals contraction"), pmi);
        }
    }

    /**
     * The labour market by its direction: a rise in unemployment of half a point or more within a year is the
     * classic early sign of recession (the Sahm rule's threshold); the level alone says little. Payrolls confirm.
     */
    void labour(String s, Map<String, Fact> m, List<Contribution> out) {
        Fact unemployment = m.get("unemployment");
        Fact rise = m.get("unemploymentChange");
        if (rise != null) {
            double v = rise.value();
            String level = unemployment == null ? "unemployment" : "unemployment of " + num(unemployment.value()) + "%";
            add(out, MACRO, s, v >= 0.5 ? -0.6 : v > 0.2 ? -0.2 : v <= -0.2 ? 0.3 : 0.1, 0.6, level
                    + (v >= 0 ? " is up " : " is down ") + num(Math.abs(v)) + " points in a year"
                    + (v >= 0.5 ? ": the labour market is weakening" : v <= -0.2 ? ": the labour market is tightening" : ""),
                    unemployment == null ? new Fact[]{rise} : new Fact[]{rise, unemployment});
        }
        Fact payrolls = m.get("payrollsChange");
        if (payrolls != null) {
            double v = payrolls.value();
            add(out, MACRO, s, v < 0 ? -0.6 : v < 75 ? -0.2 : v > 200 ? 0.4 : 0.2, 0.5, "payrolls "
                    + (v < 0 ? "fell by " : "grew by ") + num(Math.abs(v)) + " thousand jobs last month", payrolls);
        }
    }

    void rates(String s, Map<String, Fact> f, Map<String, Fact> m, List<Contribution> out) {
        policy(s, m, RATES, 1.0, out);
        Fact yield = m.get("yield10yChange");
        if (yield != null) {
            double v = yield.value();
            add(out, RATES, s, v > 25 ? -0.6 : v > 0 ? -0.2 : v < -25 ? 0.5 : 0.2, 1.0, "the 10-year yield moved "
                    + num(v) + " bp" + (v > 0 ? ", tightening financial conditions" : ", easing financial conditions"), yield);
        }
        Fact curve = m.get("yieldCurve10y2y");
        if (curve != null) {
            double v = curve.value();
            add(out, RATES, s, v < 0 ? -0.5 : v > 50 ? 0.2 : 0, 0.6, "10y-2y yield spread of " + num(v) + " bp", curve);
        }
        Fact pe = f.get("pe");
        Fact tightening = yield != null ? yield : m.get("policyRateChange");
        if (pe != null && tightening != null && tightening.value() != 0 && pe.value() > 30) {
            boolean rising = tightening.value() > 0;
            add(out, RATES, s, rising ? -0.5 : 0.3, 0.8, s + "'s P/E of " + num(pe.value())
                    + " makes it sensitive to discount rates, which are " + (rising ? "rising" : "falling")
                    + " (" + num(tightening.value()) + " bp)", pe, tightening);
        }
    }

    void policy(String s, Map<String, Fact> m, String group, double weight, List<Contribution> out) {
        Fact change = m.get("policyRateChange");
        if (change != null) {
            double v = change.value();
            Fact level = m.get("policyRate");
            String text = "the policy rate " + (v < 0 ? "was cut by " + num(-v) + " bp" : v > 0 ? "was raised by "
                    + num(v) + " bp" : "is unchanged") + (level == null ? "" : " at " + num(level.value()) + "%");
            add(out, group, s, v < 0 ? 0.6 : v > 0 ? -0.6 : 0, weight, text, level == null ? new Fact[]{change}
                    : new Fact[]{change, level});
        }
    }
}
