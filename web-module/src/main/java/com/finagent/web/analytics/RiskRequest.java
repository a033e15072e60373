package com.finagent.web.analytics;

import com.finagent.application.analytics.RiskQuery;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * A series to measure: {@code prices} or {@code returns}, or a portfolio ({@code assets}: prices by symbol,
 * {@code weights}: weight by symbol, adding up to 1); optionally a {@code benchmark} price series.
 * Defaults: confidence 0.95, horizon 1 period, 252 periods a year, risk-free rate 0.02 a year.
 */
public class RiskRequest {

    @Size(min = 3, max = 100_000, message = "must have 3 to 100000 prices")
    private List<@NotNull Double> prices;

    @Size(min = 2, max = 100_000, message = "must have 2 to 100000 returns")
    private List<@NotNull Double> returns;

    @Size(min = 1, max = 100, message = "must have 1 to 100 assets")
    private Map<@NotNull String, @NotNull List<@NotNull Double>> assets;

    private Map<@NotNull String, @NotNull Double> weights;

    private List<@NotNull Double> benchmark;

    @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
    @DecimalMax(value = "1", inclusive = false, message = "must be less than 1")
    private Double confidence;

    @Min(1)
    @Max(252)
    private Integer horizon;

    @Min(1)
    @Max(366)
    private Integer periodsPerYear;

    @DecimalMin("-0.5")
    @DecimalMax("1")
    private Double riskFreeRate;

    public RiskQuery toQuery() {
        return new RiskQuery(prices, returns, assets, weights, benchmark,
                confidence == null ? 0.95 : confidence,
                horizon == null ? 1 : horizon,
                periodsPerYear == null ? 252 : periodsPerYear,
                riskFreeRate == null ? 0.02 : riskFreeRate);
    }

    public List<Double> getPrices() {
        return prices;
    }

    public void setPrices(List<Double> prices) {
        this.prices = prices;
    }

    public List<Double> getReturns() {
        return returns;
    }

    public void setReturns(List<Double> returns) {
        this.returns = returns;
    }

    public Map<String, List<Double>> getAssets() {
        return assets;
    }

    public void setAssets(Map<String, List<Double>> assets) {
        this.assets = assets;
    }

    public Map<String, Double> getWeights() {
        return weights;
    }

    public void setWeights(Map<String, Double> weights) {
        this.weights = weights;
    }

    public List<Double> getBenchmark() {
        return benchmark;
    }

    public void setBenchmark(List<Double> benchmark) {
        this.benchmark = benchmark;
    }

    public Double getConfidence() {
        return confidence;
    }

    public void setConfidence(Double confidence) {
        this.confidence = confidence;
    }

    public Integer getHorizon() {
        return horizon;
    }

    public void setHorizon(Integer horizon) {
        this.horizon = horizon;
    }

    public Integer getPeriodsPerYear() {
        return periodsPerYear;
    }

    public void setPeriodsPerYear(Integer periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    public Double getRiskFreeRate() {
        return riskFreeRate;
    }

    public void setRiskFreeRate(Double riskFreeRate) {
        this.riskFreeRate = riskFreeRate;
    }
}
