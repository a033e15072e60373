package com.finagent.application.scorecard;

import com.finagent.agents.debate.Stance;

/**
 * One call whose horizon has passed: who made it (the assistant's debate as a whole, or one participant of it),
 * with which model and confidence, and what the symbol and SPY returned since.
 */
public record ScoredCall(String assistant, String participant, String model, Stance stance, double confidence,
                         double symbolReturn, double spyReturn, boolean backtest) {

    public double excess() {
        return symbolReturn - spyReturn;
    }
}
