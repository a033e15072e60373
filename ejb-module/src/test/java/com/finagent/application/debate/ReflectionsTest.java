package com.finagent.application.debate;

import com.finagent.agents.debate.Stance;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ReflectionsTest {

    @Test
    void aBuyIsJudgedByItsExcessOverTheMarket() {
        String right = Reflections.lesson("AAPL", Stance.BUY, 0.08, 0.02);
        assertTrue(right.contains("+8.0 %") && right.contains("+2.0 %") && right.contains("excess +6.0 %"), right);
        assertTrue(right.endsWith("the call was right."), right);
        assertTrue(Reflections.lesson("AAPL", Stance.STRONG_BUY, 0.01, 0.05).endsWith("the call was wrong."));
    }

    @Test
    void aSellIsRightWhenTheSymbolLagsTheMarket() {
        assertTrue(Reflections.lesson("KO", Stance.SELL, -0.04, 0.01).endsWith("the call was right."));
        assertTrue(Reflections.lesson("KO", Stance.STRONG_SELL, 0.09, 0.01).endsWith("the call was wrong."));
    }

    @Test
    void aHoldIsRightWhenTheSymbolMovesWithTheMarket() {
        assertTrue(Reflections.lesson("SPY", Stance.HOLD, 0.021, 0.02).contains("the hold was right"));
        assertTrue(Reflections.lesson("TSLA", Stance.HOLD, 0.25, 0.02).contains("missed a gain"));
    }
}
