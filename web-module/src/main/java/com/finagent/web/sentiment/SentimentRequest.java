package com.finagent.web.sentiment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Texts to score, in order; optionally the symbol they are about (a class: see the auth requests). */
public class SentimentRequest {

    @NotNull
    @Size(min = 1, max = 500, message = "give 1 to 500 texts")
    private List<@NotNull String> texts;

    @Pattern(regexp = "[A-Za-z0-9.\\-]{1,10}", message = "must be a ticker symbol")
    private String symbol;

    public List<String> getTexts() {
        return texts;
    }

    public void setTexts(List<String> texts) {
        this.texts = texts;
    }

    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }
}
