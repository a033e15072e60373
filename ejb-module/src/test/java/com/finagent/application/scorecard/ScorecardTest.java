package com.finagent.application.scorecard;

import com.finagent.agents.debate.Stance;
import com.finagent.application.scorecard.Scorecard.Bucket;
import com.finagent.application.scorecard.Scorecard.Group;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScorecardTest {

    private static ScoredCall call(String assistant, String participant, String model, Stance stance,
                                   double confidence, double symbolReturn, double spyReturn) {
        return new ScoredCall(assistant, participant, model, stance, confidence, symbolReturn, spyReturn, false);
    }

    /**
     * Worked by hand. The analyst bought at 0.9 confidence and the symbol beat SPY by 5 % (right), sold at 0.7 and
     * it beat SPY by 2 % (wrong), held at 0.5 and it moved 1 % from SPY (right). Hit rate 2 of 3; mean excess of
     * the buy and sell calls (+5 % and -2 %) is +1.5 %. The trader's buy lagged SPY by 4 %: 0 of 1, -4 %.
     */
    @Test
    void groupsCallsAndJudgesThemByTheReflectionsRule() {
        List<ScoredCall> recommendations = List.of(
                call("analyst", null, "offline", Stance.BUY, 0.9, 0.10, 0.05),
                call("analyst", null, "offline", Stance.SELL, 0.7, 0.07, 0.05),
                call("analyst", null, "offline", Stance.HOLD, 0.5, 0.06, 0.05),
                call("trader", null, "gpt", Stance.STRONG_BUY, 0.85, 0.01, 0.05));

        Scorecard scorecard = Scorecard.of(recommendations, List.of());

        Group analyst = scorecard.byAssistant().get(0);
        assertEquals("analyst", analyst.key());
        assertEquals(3, analyst.calls());
        assertEquals(2, analyst.hits());
        assertEquals(2.0 / 3, analyst.hitRate(), 1e-12);
        assertEquals(0.015, analyst.meanExcessReturn(), 1e-12);
        Group trader = scorecard.byAssistant().get(1);
        assertEquals(0.0, trader.hitRate(), 0.0);
        assertEquals(-0.04, trader.meanExcessReturn(), 1e-12);

        List<Bucket> calibration = scorecard.calibration();
        assertEquals(5, calibration.size());
        Bucket high = calibration.get(4);
        assertEquals(2, high.calls(), "0.9 and 0.85 fall in [0.8, 1.0]");
        assertEquals(0.875, high.meanConfidence(), 1e-12);
        assertEquals(0.5, high.hitRate(), 1e-12);
        assertNull(calibration.get(0).hitRate(), "no calls below 0.2");
    }

    @Test
    void participantsAndModelsAreScoredFromTheirOwnStances() {
        List<ScoredCall> participants = List.of(
                call("analyst", "technical", "offline", Stance.BUY, 0.6, 0.10, 0.05),
                call("analyst", "fundamental", "gpt", Stance.SELL, 0.6, 0.10, 0.05),
                call("analyst", "technical", "offline", Stance.HOLD, 0.6, 0.10, 0.05));

        Scorecard scorecard = Scorecard.of(List.of(), participants);

        assertEquals(List.of("fundamental", "technical"), scorecard.byParticipant().stream().map(Group::key).toList());
        Group technical = scorecard.byParticipant().get(1);
        assertEquals(1, technical.hits(), "the hold missed a 5 % move");
        assertEquals(List.of("gpt", "offline"), scorecard.byModel().stream().map(Group::key).toList());
        assertFalse(scorecard.rule().isBlank());
    }
}
