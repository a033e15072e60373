package com.finagent.web.analytics;

import com.finagent.application.analytics.RiskQuery;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A series to measure: {@code prices} or {@code returns}, or a portfolio ({@code assets}: prices by symbol,
 * {@code weights}: weight by symbol, adding up to 1); optionally a {@code benchmark} price series and the
 * {@code dates} of the prices, which {@code annualisation: "calendar"} needs.
 * Defaults: confidence 0.95, horizon 1 period, 252 periods a year, risk-free rate 0.02 a year, annualisation by
 * periods.
 */
@Schema(name = "RiskRequest")
public record RiskRequest(
        @Size(min = 3, max = 100_000, message = "must have 3 to 100000 prices")
        List<@NotNull Double> prices,

        @Size(min = 2, max = 100_000, message = "must have 2 to 100000 returns")
        List<@NotNull Double> returns,

        @Size(min = 1, max = 100, message = "must have 1 to 100 assets")
        Map<@NotNull String, @NotNull List<@NotNull Double>> assets,

        Map<@NotNull String, @NotNull Double> weights,

        List<@NotNull Double> benchmark,

        @Schema(description = "the date of each price (of prices, or of every series of assets), strictly increasing")
        @Size(max = 100_000)
        List<@NotNull LocalDate> dates,

        @Schema(description = "periods (periodsPerYear) or calendar (calendar days / 365.25 between the first and last date)")
        @Pattern(regexp = "periods|calendar", message = "must be periods or calendar")
        String annualisation,

        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "1", inclusive = false, message = "must be less than 1")
        Double confidence,

        @Min(1)
        @Max(252)
        Integer horizon,

        @Min(1)
        @Max(366)
        Integer periodsPerYear,

        @DecimalMin("-0.5")
        @DecimalMax("1")
        Double riskFreeRate) {

    public RiskQuery toQuery() {
        return new RiskQuery(prices, returns, assets, weights, benchmark,
                confidence == null ? 0.95 : confidence,
                horizon == null ? 1 : horizon,
                periodsPerYear == null ? 252 : periodsPerYear,
                riskFreeRate == null ? 0.02 : riskFreeRate,
                dates, "calendar".equals(annualisation));
    }
}
