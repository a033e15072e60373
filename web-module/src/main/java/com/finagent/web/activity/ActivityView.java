package com.finagent.web.activity;

import com.finagent.persistence.portfolio.Activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An activity as the API shows it; {@code id} is null for one read by a preview and not stored. */
public record ActivityView(UUID id, UUID accountId, LocalDate date, String type, String symbol, BigDecimal quantity,
                           BigDecimal price, BigDecimal amount, BigDecimal fee, String currency, String source) {

    static ActivityView of(Activity activity, boolean stored) {
        return new ActivityView(stored ? activity.getId() : null, activity.getAccountId(), activity.getTradeDate(),
                activity.getType().name(), activity.getSymbol(), activity.getQuantity(), activity.getPrice(),
                activity.getAmount(), activity.getFee(), activity.getCurrency(), activity.getSource().name());
    }
}
