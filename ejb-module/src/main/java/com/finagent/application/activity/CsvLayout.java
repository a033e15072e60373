package com.finagent.application.activity;

import com.finagent.persistence.portfolio.ActivityType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a CSV export keeps each field of an activity, and how its action names map to activity types.
 * {@link #GENERIC} reads our own columns; the presets read two brokers' transaction exports as they download
 * them. A request may also name its own columns on top of the generic layout.
 *
 * @param feeColumns  columns whose values add up to the fee (Fidelity splits commission and fees)
 * @param actions     action names (matched case-insensitively at the start of the cell) and the type each means;
 *                    a null type is a cash transfer, a deposit or a withdrawal by the sign of its amount
 */
public record CsvLayout(String name, String dateColumn, List<String> dateFormats, String actionColumn,
                        String symbolColumn, String quantityColumn, String priceColumn, List<String> feeColumns,
                        String amountColumn, String currencyColumn, String defaultCurrency,
                        List<ActionRule> actions) {

    /** An action name prefix and the activity type it means (null: a transfer, by the amount's sign). */
    public record ActionRule(String prefix, ActivityType type) {
    }

    /** Our own format: ISO dates and our type names, one column per field. */
    public static final CsvLayout GENERIC = new CsvLayout("generic", "date", List.of("yyyy-MM-dd"), "type", "symbol",
            "quantity", "price", List.of("fee"), "amount", "currency", "USD",
            Arrays.stream(ActivityType.values()).map(t -> new ActionRule(t.name(), t)).toList());

    /** Charles Schwab's brokerage "Transactions" export. */
    public static final CsvLayout SCHWAB = new CsvLayout("schwab", "Date", List.of("MM/dd/yyyy"), "Action",
            "Symbol", "Quantity", "Price", List.of("Fees & Comm"), "Amount", null, "USD", List.of(
            new ActionRule("Buy", ActivityType.BUY),
            new ActionRule("Reinvest Shares", ActivityType.BUY),
            new ActionRule("Sell", ActivityType.SELL),
            new ActionRule("Qualified Dividend", ActivityType.DIVIDEND),
            new ActionRule("Cash Dividend", ActivityType.DIVIDEND),
            new ActionRule("Non-Qualified Div", ActivityType.DIVIDEND),
            new ActionRule("Reinvest Dividend", ActivityType.DIVIDEND),
            new ActionRule("Bank Interest", ActivityType.INTEREST),
            new ActionRule("Credit Interest", ActivityType.INTEREST),
            new ActionRule("Stock Split", ActivityType.SPLIT),
            new ActionRule("Service Fee", ActivityType.FEE),
            new ActionRule("ADR Mgmt Fee", ActivityType.FEE),
            new ActionRule("MoneyLink Transfer", null),
            new ActionRule("Wire Funds", null),
            new ActionRule("Journal", null)));

    /** Fidelity's "Accounts history" export (the action cell reads like "YOU BOUGHT APPLE INC (AAPL) (Cash)"). */
    public static final CsvLayout FIDELITY = new CsvLayout("fidelity", "Run Date", List.of("MM/dd/yyyy"), "Action",
            "Symbol", "Quantity", "Price ($)", List.of("Commission ($)", "Fees ($)"), "Amount ($)", null, "USD",
            List.of(
                    new ActionRule("YOU BOUGHT", ActivityType.BUY),
                    new ActionRule("REINVESTMENT", ActivityType.BUY),
                    new ActionRule("YOU SOLD", ActivityType.SELL),
                    new ActionRule("DIVIDEND RECEIVED", ActivityType.DIVIDEND),
                    new ActionRule("INTEREST EARNED", ActivityType.INTEREST),
                    new ActionRule("FEE CHARGED", ActivityType.FEE),
                    new ActionRule("Electronic Funds Transfer", null),
                    new ActionRule("TRANSFER OF ASSETS", null),
                    new ActionRule("CASH CONTRIBUTION", ActivityType.DEPOSIT)));

    private static final Map<String, CsvLayout> PRESETS = Map.of("generic", GENERIC, "schwab", SCHWAB,
            "fidelity", FIDELITY);

    /** The preset called {@code name}, if there is one. */
    public static Optional<CsvLayout> preset(String name) {
        return Optional.ofNullable(PRESETS.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    public static List<String> presetNames() {
        return List.of("generic", "schwab", "fidelity");
    }

    /** The generic layout with the columns a request names in place of ours (null keeps ours). */
    public CsvLayout withColumns(Map<String, String> columns) {
        return new CsvLayout("custom",
                columns.getOrDefault("date", dateColumn),
                columns.containsKey("dateFormat") ? List.of(columns.get("dateFormat")) : dateFormats,
                columns.getOrDefault("type", actionColumn),
                columns.getOrDefault("symbol", symbolColumn),
                columns.getOrDefault("quantity", quantityColumn),
                columns.getOrDefault("price", priceColumn),
                columns.containsKey("fee") ? List.of(columns.get("fee")) : feeColumns,
                columns.getOrDefault("amount", amountColumn),
                columns.getOrDefault("currency", currencyColumn),
                columns.getOrDefault("defaultCurrency", defaultCurrency),
                actions);
    }

    Optional<ActionRule> ruleFor(String action) {
        String cell = action.strip().toUpperCase(Locale.ROOT);
        return actions.stream().filter(rule -> cell.startsWith(rule.prefix().toUpperCase(Locale.ROOT))).findFirst();
    }
}
