package com.finagent.web.analytics;

import com.finagent.application.analytics.SimulationQuery;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * A portfolio to simulate: price histories by symbol and weights adding up to 1. Defaults: value 10 000,
 * 10 000 paths, 252 steps of a trading day, 50 fan-chart points, seed 1, confidence 0.95.
 */
public class SimulationRequest {

    @NotEmpty
    @Size(max = 50, message = "must have at most 50 assets")
    private Map<@NotNull String, @NotNull List<@NotNull Double>> assets;

    @NotNull
    private Map<@NotNull String, @NotNull Double> weights;

    @Positive
    private Double initialValue;

    @Min(100)
    @Max(200_000)
    private Integer paths;

    @Min(1)
    @Max(2_520)
    private Integer steps;

    @Min(1)
    @Max(366)
    private Integer stepsPerYear;

    @Min(2)
    @Max(500)
    private Integer bandPoints;

    private Long seed;

    @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
    @DecimalMax(value = "1", inclusive = false, message = "must be less than 1")
    private Double confidence;

    public SimulationQuery toQuery() {
        return new SimulationQuery(assets, weights, initialValue == null ? 10_000 : initialValue,
                paths == null ? 10_000 : paths, steps == null ? 252 : steps,
                stepsPerYear == null ? 252 : stepsPerYear, bandPoints == null ? 50 : bandPoints,
                seed == null ? 1 : seed, confidence == null ? 0.95 : confidence);
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

    public Double getInitialValue() {
        return initialValue;
    }

    public void setInitialValue(Double initialValue) {
        this.initialValue = initialValue;
    }

    public Integer getPaths() {
        return paths;
    }

    public void setPaths(Integer paths) {
        this.paths = paths;
    }

    public Integer getSteps() {
        return steps;
    }

    public void setSteps(Integer steps) {
        this.steps = steps;
    }

    public Integer getStepsPerYear() {
        return stepsPerYear;
    }

    public void setStepsPerYear(Integer stepsPerYear) {
        this.stepsPerYear = stepsPerYear;
    }

    public Integer getBandPoints() {
        return bandPoints;
    }

    public void setBandPoints(Integer bandPoints) {
        this.bandPoints = bandPoints;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public Double getConfidence() {
        return confidence;
    }

    public void setConfidence(Double confidence) {
        this.confidence = confidence;
    }
}
