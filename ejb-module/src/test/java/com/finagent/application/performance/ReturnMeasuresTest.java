package com.finagent.application.performance;

import com.finagent.application.performance.MoneyWeightedReturn.DatedAmount;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReturnMeasuresTest {

    /**
     * Microsoft's documentation of Excel's XIRR function ("XIRR function", Microsoft Support): -10,000 on
     * 1 Jan 2008, 2,750 on 1 Mar 2008, 4,250 on 30 Oct 2008, 3,250 on 15 Feb 2009 and 2,750 on 1 Apr 2009
     * return 0.373362535. Excel stops iterating once its result is accurate to 0.000001 %, so the published
     * figure is good to 1e-8.
     */
    @Test
    void xirrMatchesExcelsDocumentedExample() {
        List<DatedAmount> flows = List.of(
                new DatedAmount(LocalDate.of(2008, 1, 1), -10_000),
                new DatedAmount(LocalDate.of(2008, 3, 1), 2_750),
                new DatedAmount(LocalDate.of(2008, 10, 30), 4_250),
                new DatedAmount(LocalDate.of(2009, 2, 15), 3_250),
                new DatedAmount(LocalDate.of(2009, 4, 1), 2_750));

        assertEquals(0.373362535, MoneyWeightedReturn.xirr(flows).orElseThrow(), 1e-8);
    }

    @Test
    void xirrOfALossIsNegativeAndFlowsOfOneSignHaveNone() {
        List<DatedAmount> halved = List.of(new DatedAmount(LocalDate.of(2020, 1, 1), -1_000),
                new DatedAmount(LocalDate.of(2021, 1, 1), 500));
        // 366 days in 2020: (0.5)^(365/366) - 1
        assertEquals(Math.pow(0.5, 365.0 / 366.0) - 1, MoneyWeightedReturn.xirr(halved).orElseThrow(), 1e-9);
        assertTrue(MoneyWeightedReturn.xirr(List.of(new DatedAmount(LocalDate.of(2020, 1, 1), -1_000),
                new DatedAmount(LocalDate.of(2021, 1, 1), -500))).isEmpty());
    }

    /**
     * Investopedia, "Time-Weighted Rate of Return (TWR)": $1,000,000 invested on 31 December is worth
     * $1,162,484 on 15 August, when $100,000 is added; the year ends at $1,192,328. Sub-period returns 16.25 %
     * and -5.56 % chain to a TWR of 9.79 %.
     */
    @Test
    void timeWeightedReturnMatchesInvestopediasWorkedExample() {
        List<ValuationDay> days = List.of(
                new ValuationDay(LocalDate.of(2020, 12, 31), 1_000_000, 1_000_000),
                new ValuationDay(LocalDate.of(2021, 8, 15), 1_162_484, 0),
                new ValuationDay(LocalDate.of(2021, 12, 31), 1_192_328, 100_000));

        double[] index = TimeWeightedReturn.index(days);

        assertEquals(1.162484, index[1], 1e-12);
        assertEquals(-0.0556, days.get(2).value() / (1_162_484 + 100_000.0) - 1, 5e-5);
        assertEquals(0.0979, TimeWeightedReturn.over(days), 5e-5);
    }

    @Test
    void aDepositIsNotAGainButAnInvestmentLossIs() {
        List<ValuationDay> days = List.of(
                new ValuationDay(LocalDate.of(2021, 1, 4), 1_000, 1_000),
                new ValuationDay(LocalDate.of(2021, 1, 5), 3_000, 2_000),
                new ValuationDay(LocalDate.of(2021, 1, 6), 2_700, 0));

        assertEquals(-0.10, TimeWeightedReturn.over(days), 1e-12);
    }

    @Test
    void maximumDrawdownIsTheDeepestFallFromAPeak() {
        double[] index = {1.0, 1.2, 0.9, 1.1, 1.3, 0.65, 0.8};

        assertEquals(-0.5, Drawdown.maximum(index), 1e-12);
        assertEquals(-0.25, Drawdown.series(index)[2], 1e-12);
        assertEquals(0.0, Drawdown.series(index)[4], 1e-12);
    }
}
