package com.finagent.application.performance;

import com.finagent.application.ledger.Holding;
import com.finagent.application.ledger.Ledger;
import com.finagent.application.performance.MoneyWeightedReturn.DatedAmount;
import com.finagent.application.performance.PerformanceReport.HoldingValue;
import com.finagent.application.performance.PerformanceReport.PeriodReturn;
import com.finagent.application.performance.PerformanceReport.Point;
import com.finagent.application.performance.PerformanceReport.Totals;
import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.ActivityType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Replays a portfolio's activities over a calendar of closes and values it at each: the value series, the
 * time-weighted growth and drawdown, the returns of each period, and the holdings at the end.
 *
 * <p>A symbol is valued at its last close on or before the day; before its first known close, at the price of its
 * last trade. An activity on a day without a close (a weekend) counts on the next close; one after the last close
 * counts on its own day.
 */
public final class PortfolioTimeline {

    private final List<Activity> activities;
    private final Map<String, NavigableMap<LocalDate, Double>> closes;
    private final NavigableMap<LocalDate, Double> benchmark;

    /**
     * @param closes    each traded symbol's daily closes
     * @param benchmark the benchmark's daily closes; its dates are the calendar (the symbols' dates when empty)
     */
    public PortfolioTimeline(List<Activity> activities, Map<String, NavigableMap<LocalDate, Double>> closes,
                             NavigableMap<LocalDate, Double> benchmark) {
        this.activities = Ledger.inDateOrder(activities);
        this.closes = closes;
        this.benchmark = benchmark;
    }

    /** The calendar: the benchmark's closes from the first activity on, or the symbols' when it has none. */
    List<LocalDate> calendar() {
        LocalDate first = activities.get(0).getTradeDate();
        NavigableMap<LocalDate, Double> dates = benchmark;
        if (dates.isEmpty()) {
            dates = new TreeMap<>();
            for (NavigableMap<LocalDate, Double> series : closes.values()) {
                dates.putAll(series);
            }
        }
        List<LocalDate> calendar = new ArrayList<>(dates.tailMap(first, true).keySet());
        if (calendar.isEmpty() || calendar.get(0).isAfter(first)) {
            calendar.add(0, first);
        }
        // Activities after the last close (the offline history ends in 2018; a Plaid account's run to today) each
        // add their own day, valued at the last close or trade price, rather than being left out of the replay.
        LocalDate lastClose = calendar.get(calendar.size() - 1);
        activities.stream().map(Activity::getTradeDate).filter(date -> date.isAfter(lastClose)).distinct()
                .forEach(calendar::add);
        return calendar;
    }

    public PerformanceReport report(String currency, String benchmarkSymbol, String method, List<String> sources) {
        List<LocalDate> calendar = calendar();
        Ledger ledger = Ledger.empty(Ledger.recordsCash(activities));
        Map<String, Double> lastTradePrice = new HashMap<>();
        List<ValuationDay> days = new ArrayList<>();
        double invested = 0;
        double[] netInvested = new double[calendar.size()];
        int next = 0;
        for (int i = 0; i < calendar.size(); i++) {
            LocalDate day = calendar.get(i);
            double flow = 0;
            while (next < activities.size() && !activities.get(next).getTradeDate().isAfter(day)) {
                Activity activity = activities.get(next++);
                flow += ledger.apply(activity).doubleValue();
                if (activity.getType() == ActivityType.BUY || activity.getType() == ActivityType.SELL) {
                    lastTradePrice.put(activity.getSymbol(), activity.getPrice().doubleValue());
                }
            }
            invested += flow;
            netInvested[i] = invested;
            days.add(new ValuationDay(day, value(ledger, day, lastTradePrice), flow));
        }
        double[] growth = TimeWeightedReturn.index(days);
        double[] drawdown = Drawdown.series(growth);
        Double benchmarkStart = closeOn(benchmark, calendar.get(0));
        List<Point> series = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Double close = closeOn(benchmark, calendar.get(i));
            Double benchmarkGrowth = benchmarkStart == null || close == null ? null : close / benchmarkStart;
            series.add(new Point(calendar.get(i), round(days.get(i).value()), round(netInvested[i]), growth[i],
                    benchmarkGrowth, drawdown[i]));
        }
        LocalDate end = calendar.get(calendar.size() - 1);
        return new PerformanceReport(currency, benchmarkSymbol, calendar.get(0), end,
                holdingValues(ledger, end, lastTradePrice), totals(ledger, end, lastTradePrice, invested),
                periodReturns(days, growth), Drawdown.maximum(growth), series, method, sources);
    }

    private double value(Ledger ledger, LocalDate day, Map<String, Double> lastTradePrice) {
        double value = ledger.tracksCash() ? ledger.cash().doubleValue() : 0;
        for (Map.Entry<String, BigDecimal> held : ledger.quantities().entrySet()) {
            Double price = price(held.getKey(), day, lastTradePrice);
            value += held.getValue().doubleValue() * (price == null ? 0 : price);
        }
        return value;
    }

    private Double price(String symbol, LocalDate day, Map<String, Double> lastTradePrice) {
        Double close = closeOn(closes.getOrDefault(symbol, new TreeMap<>()), day);
        return close != null ? close : lastTradePrice.get(symbol);
    }

    private static Double closeOn(NavigableMap<LocalDate, Double> series, LocalDate day) {
        Map.Entry<LocalDate, Double> entry = series.floorEntry(day);
        return entry == null ? null : entry.getValue();
    }

    private List<PeriodReturn> periodReturns(List<ValuationDay> days, double[] growth) {
        LocalDate end = days.get(days.size() - 1).date();
        List<PeriodReturn> returns = new ArrayList<>();
        for (PerformancePeriod period : PerformancePeriod.values()) {
            LocalDate startingClose = period.startingClose(end);
            int start = startingClose == null ? 0 : lastOnOrBefore(days, startingClose);
            if (start < 0) {
                continue;
            }
            // The whole history starts before the first day, with nothing invested: its first flow is the money
            // put in, and its growth is measured from 1. A window starts from the value at its first close.
            boolean wholeHistory = startingClose == null;
            double timeWeighted = growth[growth.length - 1] / (wholeHistory ? 1.0 : growth[start]) - 1;
            List<DatedAmount> flows = new ArrayList<>();
            flows.add(new DatedAmount(days.get(start).date(),
                    wholeHistory ? -days.get(start).flow() : -days.get(start).value()));
            for (int i = start + 1; i < days.size(); i++) {
                if (days.get(i).flow() != 0) {
                    flows.add(new DatedAmount(days.get(i).date(), -days.get(i).flow()));
                }
            }
            flows.add(new DatedAmount(end, days.get(days.size() - 1).value()));
            var xirr = MoneyWeightedReturn.xirr(flows);
            Double startClose = closeOn(benchmark, days.get(start).date());
            Double endClose = closeOn(benchmark, end);
            Double benchmarkReturn = startClose == null || endClose == null ? null : endClose / startClose - 1;
            returns.add(new PeriodReturn(period.label(), days.get(start).date(), timeWeighted,
                    xirr.isPresent() ? xirr.getAsDouble() : null, benchmarkReturn));
        }
        return returns;
    }

    private static int lastOnOrBefore(List<ValuationDay> days, LocalDate date) {
        int found = -1;
        for (int i = 0; i < days.size() && !days.get(i).date().isAfter(date); i++) {
            found = i;
        }
        return found;
    }

    private List<HoldingValue> holdingValues(Ledger ledger, LocalDate end, Map<String, Double> lastTradePrice) {
        List<HoldingValue> values = new ArrayList<>();
        for (Holding holding : ledger.holdings()) {
            Double price = price(holding.symbol(), end, lastTradePrice);
            BigDecimal marketValue = price == null ? null
                    : holding.quantity().multiply(BigDecimal.valueOf(price)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal unrealised = marketValue == null ? null : marketValue.subtract(holding.costBasis());
            values.add(new HoldingValue(holding, price, marketValue, unrealised));
        }
        return values;
    }

    private Totals totals(Ledger ledger, LocalDate end, Map<String, Double> lastTradePrice, double invested) {
        List<HoldingValue> values = holdingValues(ledger, end, lastTradePrice);
        BigDecimal marketValue = sum(values.stream().map(HoldingValue::marketValue).toList());
        BigDecimal costBasis = sum(values.stream().map(v -> v.holding().costBasis()).toList());
        BigDecimal unrealised = sum(values.stream().map(HoldingValue::unrealisedGain).toList());
        BigDecimal realised = sum(values.stream().map(v -> v.holding().realisedGain()).toList());
        return new Totals(marketValue, costBasis, unrealised, realised, money(ledger.dividends()),
                money(ledger.interest()), money(ledger.fees()), money(ledger.cash()),
                BigDecimal.valueOf(invested).setScale(2, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return money(amounts.stream().filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static double round(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
