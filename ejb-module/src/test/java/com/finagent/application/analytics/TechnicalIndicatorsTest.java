package com.finagent.application.analytics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TechnicalIndicatorsTest {

    private static final double[] CLOSES = {44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08,
            45.89, 46.03, 45.61, 46.28, 46.28, 46.00, 46.03, 46.41, 46.22, 45.64};

    @Test
    void simpleAndExponentialAveragesByHand() {
        double[] sma = TechnicalIndicators.sma(new double[]{1, 2, 3, 4, 5}, 3);
        assertArrayEquals(new double[]{Double.NaN, Double.NaN, 2, 3, 4}, sma, 1e-12);
        double[] ema = TechnicalIndicators.ema(new double[]{1, 2, 3, 4, 5}, 3);
        // Seed 2 (SMA of 1,2,3), then alpha = 0.5: 3, 4.
        assertArrayEquals(new double[]{Double.NaN, Double.NaN, 2, 3, 4}, ema, 1e-12);
    }

    @Test
    void rsiFollowsWildersDefinition() {
        double[] rsi = TechnicalIndicators.rsi(CLOSES, 14);
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= 14; i++) {
            double change = CLOSES[i] - CLOSES[i - 1];
            gain += Math.max(change, 0) / 14;
            loss += Math.max(-change, 0) / 14;
        }
        assertEquals(100 - 100 / (1 + gain / loss), rsi[14], 1e-9);
        double nextGain = (gain * 13 + Math.max(CLOSES[15] - CLOSES[14], 0)) / 14;
        double nextLoss = (loss * 13 + Math.max(CLOSES[14] - CLOSES[15], 0)) / 14;
        assertEquals(100 - 100 / (1 + nextGain / nextLoss), rsi[15], 1e-9);
        assertTrue(Double.isNaN(rsi[13]));
        assertEquals(100, TechnicalIndicators.rsi(new double[]{1, 2, 3, 4}, 3)[3], 1e-12, "only gains");
    }

    @Test
    void macdIsTheDifferenceOfEmasAndItsSignal() {
        TechnicalIndicators.Macd macd = TechnicalIndicators.macd(CLOSES, 3, 6, 4);
        double[] fast = TechnicalIndicators.ema(CLOSES, 3);
        double[] slow = TechnicalIndicators.ema(CLOSES, 6);
        for (int i = 5; i < CLOSES.length; i++) {
            assertEquals(fast[i] - slow[i], macd.macd()[i], 1e-12);
        }
        assertTrue(Double.isNaN(macd.signal()[7]) && !Double.isNaN(macd.signal()[8]), "signal starts after 4 MACD values");
        assertEquals(macd.macd()[12] - macd.signal()[12], macd.histogram()[12], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> TechnicalIndicators.macd(CLOSES, 26, 12, 9));
    }

    @Test
    void bollingerBandsAreSymmetricAroundTheAverage() {
        TechnicalIndicators.Bands bands = TechnicalIndicators.bollinger(new double[]{2, 4, 4, 4, 5, 5, 7, 9}, 8, 2);
        // The population standard deviation of 2,4,4,4,5,5,7,9 is exactly 2.
        assertEquals(5, bands.middle()[7], 1e-12);
        assertEquals(9, bands.upper()[7], 1e-12);
        assertEquals(1, bands.lower()[7], 1e-12);
    }

    @Test
    void kdjAndAtrByHand() {
        double[] highs = {10, 11, 12, 13};
        double[] lows = {8, 9, 10, 11};
        double[] closes = {9, 10, 11, 12};
        TechnicalIndicators.Kdj kdj = TechnicalIndicators.kdj(highs, lows, closes, 3, 3, 3);
        double rsv = (11 - 8) / (12.0 - 8) * 100;
        double k = (2 * 50 + rsv) / 3;
        double d = (2 * 50 + k) / 3;
        assertEquals(k, kdj.k()[2], 1e-12);
        assertEquals(d, kdj.d()[2], 1e-12);
        assertEquals(3 * k - 2 * d, kdj.j()[2], 1e-12);

        double[] atr = TechnicalIndicators.atr(highs, lows, closes, 2);
        // True ranges: bar1 max(2, |11-9|, |9-9|) = 2; bar2 = 2; bar3 = 2.
        assertEquals(2, atr[2], 1e-12);
        assertEquals(2, atr[3], 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> TechnicalIndicators.atr(new double[]{1, 2}, new double[]{3, 1}, new double[]{1, 1}, 1));
    }
}
