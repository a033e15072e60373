package com.finagent.web.portfolio;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Options of a portfolio's risk report; every field has a default, so the body may be omitted. Boxed types, because
 * the strict number reading of {@code JsonbConfiguration} applies to them and not to primitives; a null is refused.
 */
public class PortfolioRiskRequest {

    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(value = "1", inclusive = false)
    @NotNull
    private Double confidence = 0.95;

    @Min(1)
    @Max(252)
    @NotNull
    private Integer horizon = 1;

    @Min(100)
    @Max(100_000)
    @NotNull
    private Integer paths = 10_000;

    @Min(1)
    @Max(756)
    @NotNull
    private Integer steps = 252;

    @NotNull
    private Long seed = 42L;

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

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }
}
