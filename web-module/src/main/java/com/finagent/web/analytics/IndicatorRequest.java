package com.finagent.web.analytics;

import com.finagent.application.analytics.IndicatorQuery;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;

/** Bars (closes; highs and lows for KDJ and ATR) and the indicators to compute over them. */
public class IndicatorRequest {

    @NotEmpty
    @Size(max = 100_000)
    private List<@NotNull Double> closes;

    private List<@NotNull Double> highs;

    private List<@NotNull Double> lows;

    @NotEmpty(message = "name at least one of sma, ema, rsi, macd, bollinger, kdj, atr")
    private Set<@NotNull String> indicators;

    @Min(1)
    @Max(1_000)
    private Integer period;

    public IndicatorQuery toQuery() {
        return new IndicatorQuery(closes, highs, lows, indicators, period);
    }

    public List<Double> getCloses() {
        return closes;
    }

    public void setCloses(List<Double> closes) {
        this.closes = closes;
    }

    public List<Double> getHighs() {
        return highs;
    }

    public void setHighs(List<Double> highs) {
        this.highs = highs;
    }

    public List<Double> getLows() {
        return lows;
    }

    public void setLows(List<Double> lows) {
        this.lows = lows;
    }

    public Set<String> getIndicators() {
        return indicators;
    }

    public void setIndicators(Set<String> indicators) {
        this.indicators = indicators;
    }

    public Integer getPeriod() {
        return period;
    }

    public void setPeriod(Integer period) {
        this.period = period;
    }
}
