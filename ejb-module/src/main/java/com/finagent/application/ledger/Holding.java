package com.finagent.application.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the activities of one symbol add up to: shares held, the cost of the lots still held (FIFO), their average
 * cost, and the gain realised by the sells so far.
 */
public record Holding(String symbol, BigDecimal quantity, BigDecimal costBasis, BigDecimal averageCost,
                      BigDecimal realisedGain, List<Lot> lots) {
}
