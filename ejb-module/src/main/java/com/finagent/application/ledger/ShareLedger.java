package com.finagent.application.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The lots of one symbol in first-in, first-out order. A sell consumes the oldest lots first and its realised gain
 * is the proceeds (after the sell's fee) minus the cost of exactly those lots: the FIFO method that brokers report
 * to tax authorities by default. What remains is valued at the cost of the remaining lots, so the average cost
 * shown for a holding is that cost divided by the shares still held.
 */
final class ShareLedger {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final String symbol;
    private final Deque<Lot> lots = new ArrayDeque<>();
    private BigDecimal realisedGain = BigDecimal.ZERO;

    ShareLedger(String symbol) {
        this.symbol = symbol;
    }

    void buy(LocalDate date, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
        BigDecimal unitCost = quantity.multiply(price).add(fee).divide(quantity, PRECISION);
        lots.addLast(new Lot(date, quantity, unitCost));
    }

    /** Sells {@code quantity} shares; refuses to sell more than are held (short positions are not tracked). */
    void sell(LocalDate date, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
        if (quantity.compareTo(quantity()) > 0) {
            throw new IllegalArgumentException("sells " + quantity.stripTrailingZeros().toPlainString() + " "
                    + symbol + " on " + date + " but only " + quantity().stripTrailingZeros().toPlainString()
                    + " are held then");
        }
        BigDecimal left = quantity;
        BigDecimal costOfSold = BigDecimal.ZERO;
        while (left.signum() > 0) {
            Lot oldest = lots.removeFirst();
            BigDecimal taken = oldest.quantity().min(left);
            costOfSold = costOfSold.add(taken.multiply(oldest.unitCost()));
            if (taken.compareTo(oldest.quantity()) < 0) {
                lots.addFirst(new Lot(oldest.acquired(), oldest.quantity().subtract(taken), oldest.unitCost()));
            }
            left = left.subtract(taken);
        }
        BigDecimal proceeds = quantity.multiply(price).subtract(fee);
        realisedGain = realisedGain.add(proceeds.subtract(costOfSold));
    }

    /** Each lot gets {@code ratio} times the shares at 1/ratio of the unit cost: the cost basis is unchanged. */
    void split(BigDecimal ratio) {
        List<Lot> before = List.copyOf(lots);
        lots.clear();
        for (Lot lot : before) {
            lots.addLast(new Lot(lot.acquired(), lot.quantity().multiply(ratio),
                    lot.unitCost().divide(ratio, PRECISION)));
        }
    }

    BigDecimal quantity() {
        return lots.stream().map(Lot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal costBasis() {
        return lots.stream().map(Lot::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    Holding holding() {
        BigDecimal quantity = quantity();
        BigDecimal basis = costBasis();
        BigDecimal averageCost = quantity.signum() == 0 ? BigDecimal.ZERO
                : basis.divide(quantity, 4, RoundingMode.HALF_EVEN);
        return new Holding(symbol, quantity.stripTrailingZeros(), basis.setScale(2, RoundingMode.HALF_EVEN),
                averageCost, realisedGain.setScale(2, RoundingMode.HALF_EVEN), List.copyOf(lots));
    }
}
