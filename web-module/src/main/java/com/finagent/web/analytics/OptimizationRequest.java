package com.finagent.web.analytics;

import com.finagent.application.analytics.OptimizationQuery;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * Prices by symbol and the objective. Defaults: risk-free rate 0.02, 252 periods a year, 20 frontier points,
 * weights between 0 and 1.
 */
public class OptimizationRequest {

    @NotEmpty
    @Size(min = 2, max = 50, message = "must have 2 to 50 assets")
    private Map<@NotNull String, @NotNull List<@NotNull Double>> prices;

    @NotNull
    @Pattern(regexp = "minVolatility|maxSharpe|efficientRisk|efficientReturn",
            message = "must be one of minVolatility, maxSharpe, efficientRisk, efficientReturn")
    private String objective;

    @DecimalMin(value = "0", inclusive = false)
    private Double targetVolatility;

    private Double targetReturn;

    @DecimalMin("-0.5")
    @DecimalMax("1")
    private Double riskFreeRate;

    private Map<@NotNull String, @NotNull @Size(min = 2, max = 2, message = "must be [low, high]") List<Double>> bounds;

    @Min(1)
    @Max(366)
    private Integer periodsPerYear;

    @Min(2)
    @Max(100)
    private Integer frontierPoints;

    public OptimizationQuery toQuery() {
        return new OptimizationQuery(prices, objective, targetVolatility, targetReturn,
                riskFreeRate == null ? 0.02 : riskFreeRate, bounds, periodsPerYear == null ? 252 : periodsPerYear,
                frontierPoints == null ? 20 : frontierPoints);
    }

    public Map<String, List<Double>> getPrices() {
        return prices;
    }

    public void setPrices(Map<String, List<Double>> prices) {
        this.prices = prices;
    }

    public String getObjective() {
        return objective;
    }

    public void setObjective(String objective) {
        this.objective = objective;
    }

    public Double getTargetVolatility() {
        return targetVolatility;
    }

    public void setTargetVolatility(Double targetVolatility) {
        this.targetVolatility = targetVolatility;
    }

    public Double getTargetReturn() {
        return targetReturn;
    }

    public void setTargetReturn(Double targetReturn) {
        this.targetReturn = targetReturn;
    }

    public Double getRiskFreeRate() {
        return riskFreeRate;
    }

    public void setRiskFreeRate(Double riskFreeRate) {
        this.riskFreeRate = riskFreeRate;
    }

    public Map<String, List<Double>> getBounds() {
        return bounds;
    }

    public void setBounds(Map<String, List<Double>> bounds) {
        this.bounds = bounds;
    }

    public Integer getPeriodsPerYear() {
        return periodsPerYear;
    }

    public void setPeriodsPerYear(Integer periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    public Integer getFrontierPoints() {
        return frontierPoints;
    }

    public void setFrontierPoints(Integer frontierPoints) {
        this.frontierPoints = frontierPoints;
    }
}
