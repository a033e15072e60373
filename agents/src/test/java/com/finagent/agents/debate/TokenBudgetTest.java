package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBudgetTest {

    @Test
    void estimatesTurnWordsIntoTokensAtTheRateTheModelsReported() {
        TokenBudget budget = new TokenBudget(10_000);
        assertEquals(300, budget.tokensForWords(300), "one token a word before any call");
        assertEquals(0, budget.outputPerCall(), "no output estimate before any call");

        // Two calls sent 1,000 words, which the models counted as 1,300 input tokens, and answered with 400 tokens.
        budget.countTurn(1_000, 2);
        budget.countStep(new TokenCount(1_300, 400));
        assertEquals(390, budget.tokensForWords(300), "1.3 tokens a word: 300 words are 390 tokens");
        assertEquals(200, budget.outputPerCall(), "400 output tokens over 2 calls");
        assertEquals(new TokenCount(1_300, 400), budget.used());
    }

    @Test
    void aStepFitsUntilTheLimitAndTheBudgetIsSpentAtIt() {
        TokenBudget budget = new TokenBudget(2_000);
        budget.countTurn(1_000, 2);
        budget.countStep(new TokenCount(1_300, 400));
        assertTrue(budget.affords(300), "1,700 + 300 is the limit exactly");
        assertFalse(budget.affords(301));
        assertFalse(budget.spent());
        budget.countStep(new TokenCount(250, 50));
        assertTrue(budget.spent(), "2,000 of 2,000 used");
    }

    @Test
    void aLimitOfZeroIsNoLimit() {
        TokenBudget budget = new TokenBudget(0);
        budget.countStep(new TokenCount(1_000_000, 1_000_000));
        assertTrue(budget.affords(Long.MAX_VALUE / 2));
        assertFalse(budget.spent());
    }

    @Test
    void aModelThatCountsFewerTokensThanWordsIsStillEstimatedAtOneAWord() {
        TokenBudget budget = new TokenBudget(10_000);
        budget.countTurn(1_000, 1);
        budget.countStep(new TokenCount(500, 100));
        assertEquals(300, budget.tokensForWords(300), "estimates never drop below a token a word");
    }
}
