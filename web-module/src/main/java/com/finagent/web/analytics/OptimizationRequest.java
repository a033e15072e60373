package com.finagent.web.analytics;

import com.finagent.application.analytics.OptimizationQuery;
import com.finagent.application.error.FinAgentException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What to optimise, in PyPortfolioOpt's conventions. Give the assets in exactly one way: {@code prices} (undated
 * columns of equal length, {@code null} before an asset listed), {@code series} (dated prices, each asset on its
 * own dates), {@code symbols} (their daily history from the market data service, optionally within
 * {@code from}..{@code to}), or {@code expectedReturns} with {@code covariance} (annual, used as given).
 * Defaults: risk-free rate 0.02, 252 periods a year, 20 frontier points, weights in [0, 1], sample covariance.
 */
@Schema(name = "OptimizationRequest")
public record OptimizationRequest(
        @Size(min = 2, max = 50, message = "must have 2 to 50 assets")
        Map<@NotBlank String, @NotNull List<Double>> prices,

        @Schema(description = "dated prices by symbol; assets may start (list) on different dates")
        @Size(min = 2, max = 50, message = "must have 2 to 50 assets")
        Map<@NotBlank String, @NotNull @Size(min = 2, message = "needs at least 2 dated prices") List<@NotNull @Valid PricePoint>> series,

        @Schema(description = "symbols whose daily closes the market data service supplies")
        @Size(min = 2, max = 50, message = "must have 2 to 50 assets")
        List<@NotBlank String> symbols,

        LocalDate from,

        LocalDate to,

        @Schema(description = "annual expected return by symbol, with covariance")
        @Size(min = 2, max = 50, message = "must have 2 to 50 assets")
        Map<@NotBlank String, @NotNull Double> expectedReturns,

        @Schema(description = "annual covariance by symbol and symbol, with expectedReturns")
        Map<@NotBlank String, @NotNull Map<@NotBlank String, @NotNull Double>> covariance,

        @NotNull
        @Pattern(regexp = "minVolatility|maxSharpe|efficientRisk|efficientReturn",
                message = "must be one of minVolatility, maxSharpe, efficientRisk, efficientReturn")
        String objective,

        @DecimalMin(value = "0", inclusive = false)
        Double targetVolatility,

        Double targetReturn,

        @DecimalMin("-0.5")
        @DecimalMax("1")
        Double riskFreeRate,

        @Schema(description = "[low, high] for every asset; a null end means -1 or 1 as in PyPortfolioOpt")
        @Size(min = 2, max = 2, message = "must be [low, high]")
        List<Double> weightBounds,

        @Schema(description = "[low, high] by symbol, overriding weightBounds")
        Map<@NotBlank String, @NotNull @Size(min = 2, max = 2, message = "must be [low, high]") List<Double>> bounds,

        @Schema(description = "weights summing to 0 (efficientRisk and efficientReturn); bounds without shorting widen to [-1, 1]")
        Boolean marketNeutral,

        @Pattern(regexp = "sample|ledoitWolf", message = "must be sample or ledoitWolf")
        String covarianceModel,

        @Min(1)
        @Max(366)
        Integer periodsPerYear,

        @Min(0)
        @Max(100)
        Integer frontierPoints,

        @Schema(description = "cash to turn into whole shares at the latest prices (greedy, as PyPortfolioOpt)")
        @Positive
        Double portfolioValue,

        @Schema(description = "short exposure as a fraction of portfolioValue; default the sum of the short weights")
        @PositiveOrZero
        Double shortRatio,

        @Schema(description = "price per share by symbol for the allocation; default each asset's last price")
        Map<@NotBlank String, @NotNull @Positive Double> latestPrices) {

    /** One dated price. */
    @Schema(name = "PricePoint")
    public record PricePoint(@NotNull LocalDate date, @NotNull @Positive Double close) {
    }

    public OptimizationQuery toQuery() {
        return new OptimizationQuery(prices, datedSeries(), symbols, from, to, expectedReturns, covariance, objective,
                targetVolatility, targetReturn, riskFreeRate == null ? 0.02 : riskFreeRate, weightBounds, bounds,
                Boolean.TRUE.equals(marketNeutral), covarianceModel == null ? "sample" : covarianceModel,
                periodsPerYear == null ? 252 : periodsPerYear, frontierPoints == null ? 20 : frontierPoints,
                portfolioValue, shortRatio, latestPrices);
    }

    private Map<String, SortedMap<LocalDate, Double>> datedSeries() {
        if (series == null) {
            return null;
        }
        Map<String, SortedMap<LocalDate, Double>> dated = new LinkedHashMap<>();
        series.forEach((symbol, points) -> {
            SortedMap<LocalDate, Double> byDate = new TreeMap<>();
            for (PricePoint point : points) {
                if (byDate.put(point.date(), point.close()) != null) {
                    throw FinAgentException.invalidField("series." + symbol, point.date() + " appears twice");
                }
            }
            dated.put(symbol, byDate);
        });
        return dated;
    }
}
