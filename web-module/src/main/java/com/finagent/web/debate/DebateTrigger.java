package com.finagent.web.debate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The design's debate trigger: a question for one assistant, optionally about some symbols. */
public class DebateTrigger {

    @NotBlank
    @Size(max = 2000)
    private String query;

    @NotNull
    @Pattern(regexp = "general|analyst|trader|advisor|riskManager|economist",
            message = "must be one of general, analyst, trader, advisor, riskManager, economist")
    private String assistantType;

    /** Up to 10 ticker symbols (checked by the debate service). */
    private List<String> symbols;

    /** Debate rounds at most (default 3). */
    @Min(0)
    @Max(3)
    private Integer maxRounds;

    /** Stop cleanly once this many tokens are used (default: configured budget). */
    @Min(1)
    private Long tokenBudget;

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getAssistantType() {
        return assistantType;
    }

    public void setAssistantType(String assistantType) {
        this.assistantType = assistantType;
    }

    public List<String> getSymbols() {
        return symbols;
    }

    public void setSymbols(List<String> symbols) {
        this.symbols = symbols;
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
}
