package com.finagent.web.chat;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A message to one assistant (a class: see the auth requests). */
public class ChatRequest {

    @NotBlank
    private String assistantId;

    @NotBlank
    @Size(max = 4000)
    private String message;

    /** Tickers the user is looking at; tickers named in the message count too. */
    @Size(max = 10)
    private List<@NotNull String> symbols;

    public String getAssistantId() {
        return assistantId;
    }

    public void setAssistantId(String assistantId) {
        this.assistantId = assistantId;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<String> getSymbols() {
        return symbols;
    }

    public void setSymbols(List<String> symbols) {
        this.symbols = symbols;
    }
}
