package com.finagent.application.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Shares bought together: how many are still held and what each cost, the buy's fee included. */
public record Lot(LocalDate acquired, BigDecimal quantity, BigDecimal unitCost) {

    public BigDecimal cost() {
        return quantity.multiply(unitCost);
    }
}
