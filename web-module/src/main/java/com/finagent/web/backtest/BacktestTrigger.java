package com.finagent.web.backtest;

import com.finagent.application.backtest.BacktestQuery;
import com.finagent.application.backtest.RebalanceFrequency;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A backtest to run: symbols, a period, how often to rebalance, whose debate rates, with what cash and costs. */
public class BacktestTrigger {

    @NotEmpty
    @Size(max = 5)
    private List<@NotNull @Pattern(regexp = "[A-Za-z0-9.\\-]{1,10}", message = "must be a ticker symbol") String> symbols;

    @NotNull
    private LocalDate from;

    @NotNull
    private LocalDate to;

    /** weekly (default) or monthly. */
    @Pattern(regexp = "weekly|monthly", message = "must be weekly or monthly")
    private String frequency;

    @NotNull
    @Pattern(regexp = "general|analyst|trader|advisor|riskManager|economist",
            message = "must be one of general, analyst, trader, advisor, riskManager, economist")
    private String assistantType;

    /** Debate rounds at most (default 1: hundreds of debates). */
    @Min(0)
    @Max(3)
    private Integer maxRounds;

    /** Tokens all the debates may use together (default: no limit). */
    @Min(0)
    private Long tokenBudget;

    /** Cash each symbol starts with (default 10,000). */
    @Positive
    @DecimalMax("1000000000000")
    private Double startingCash;

    /** Cost of each trade in basis points of its value (default 10). */
    @DecimalMin("0")
    @DecimalMax("1000")
    private Double costBasisPoints;

    /** Model per participant id ({@code provider:model}, {@code model} or {@code offline}); default: configured. */
    @Size(max = 20)
    private Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,39}", message = "must be a participant id") String,
            @NotNull @Pattern(regexp = "[A-Za-z0-9:._/\\-]{1,100}", message = "must be a model name") String>
            participantModels;

    /** The request as the backtest service takes it, with the defaults filled in. */
    BacktestQuery toQuery() {
        return new BacktestQuery(symbols.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).distinct().toList(),
                from, to, frequency == null ? RebalanceFrequency.WEEKLY
                : RebalanceFrequency.valueOf(frequency.toUpperCase(Locale.ROOT)), assistantType,
                maxRounds == null ? 1 : maxRounds, tokenBudget == null ? 0 : tokenBudget,
                startingCash == null ? 10_000 : startingCash, costBasisPoints == null ? 10 : costBasisPoints,
                participantModels);
    }

    public Map<String, String> getParticipantModels() {
        return participantModels;
    }

    public void setParticipantModels(Map<String, String> participantModels) {
        this.participantModels = participantModels;
    }

    public List<String> getSymbols() {
        return symbols;
    }

    public void setSymbols(List<String> symbols) {
        this.symbols = symbols;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public String getAssistantType() {
        return assistantType;
    }

    public void setAssistantType(String assistantType) {
        this.assistantType = assistantType;
    }

    public Integer getMaxRounds() {
        return maxRounds;
    }

    public void setMaxRounds(Integer maxRounds) {
        this.maxRounds = maxRounds;
    }

    public Long getTokenBudget() {
        return tokenBudget;
    }

    public void setTokenBudget(Long tokenBudget) {
        this.tokenBudget = tokenBudget;
    }

    public Double getStartingCash() {
        return startingCash;
    }

    public void setStartingCash(Double startingCash) {
        this.startingCash = startingCash;
    }

    public Double getCostBasisPoints() {
        return costBasisPoints;
    }

    public void setCostBasisPoints(Double costBasisPoints) {
        this.costBasisPoints = costBasisPoints;
    }
}
