package com.finagent.application.ledger;

import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.ActivityType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of a portfolio's accounts after replaying their activities in date order: the lots of every symbol,
 * the income and fees, and the cash moved in and out.
 *
 * <p>Which money counts as coming from outside (the flows that performance measures must not mistake for
 * returns) depends on whether the activities record cash. When they contain deposits or withdrawals, the
 * portfolio's value is its holdings plus its cash and only deposits and withdrawals are flows. When they do
 * not (a list of trades imported from a broker), the value is the holdings alone: a buy is money put in, a sell
 * money taken out, income is paid out to the owner and a fee is paid in from outside.
 */
public final class Ledger {

    private final Map<String, ShareLedger> shares = new TreeMap<>();
    private final Set<String> currencies = new TreeSet<>();
    private final boolean tracksCash;
    private BigDecimal cash = BigDecimal.ZERO;
    private BigDecimal dividends = BigDecimal.ZERO;
    private BigDecimal interest = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;

    private Ledger(boolean tracksCash) {
        this.tracksCash = tracksCash;
    }

    /** Replays {@code activities}; a sell of more shares than held names the activity and the date. */
    public static Ledger replay(List<Activity> activities) {
        Ledger ledger = new Ledger(recordsCash(activities));
        inDateOrder(activities).forEach(ledger::apply);
        return ledger;
    }

    public static boolean recordsCash(List<Activity> activities) {
        return activities.stream().anyMatch(a -> a.getType() == ActivityType.DEPOSIT
                || a.getType() == ActivityType.WITHDRAWAL);
    }

    public static List<Activity> inDateOrder(List<Activity> activities) {
        return activities.stream().sorted(Comparator.comparing(Activity::getTradeDate)).toList();
    }

    /** A ledger with nothing in it yet, to replay activities one by one. */
    public static Ledger empty(boolean tracksCash) {
        return new Ledger(tracksCash);
    }

    /** Applies one activity and answers the money it brought in from outside (negative when taken out). */
    public BigDecimal apply(Activity activity) {
        currencies.add(activity.getCurrency());
        BigDecimal fee = activity.getFee();
        return switch (activity.getType()) {
            case BUY -> {
                BigDecimal paid = activity.getQuantity().multiply(activity.getPrice()).add(fee);
                ledgerOf(activity.getSymbol()).buy(activity.getTradeDate(), activity.getQuantity(),
                        activity.getPrice(), fee);
                fees = fees.add(fee);
                yield moveCash(paid.negate());
            }
            case SELL -> {
                BigDecimal received = activity.getQuantity().multiply(activity.getPrice()).subtract(fee);
                ShareLedger ledger = shares.get(activity.getSymbol());
                if (ledger == null) {
                    throw new IllegalArgumentException("sells " + activity.getSymbol() + " on "
                            + activity.getTradeDate() + " but none are held then");
                }
                ledger.sell(activity.getTradeDate(), activity.getQuantity(), activity.getPrice(), fee);
                fees = fees.add(fee);
                yield moveCash(received);
            }
            case SPLIT -> {
                ShareLedger ledger = shares.get(activity.getSymbol());
                if (ledger != null) {
                    ledger.split(activity.getQuantity());
                }
                yield BigDecimal.ZERO;
            }
            case DIVIDEND -> {
                dividends = dividends.add(activity.getAmount());
                yield moveCash(activity.getAmount());
            }
            case INTEREST -> {
                interest = interest.add(activity.getAmount());
                yield moveCash(activity.getAmount());
            }
            case FEE -> {
                fees = fees.add(activity.getAmount());
                yield moveCash(activity.getAmount().negate());
            }
            case DEPOSIT -> {
                cash = cash.add(activity.getAmount());
                yield activity.getAmount();
            }
            case WITHDRAWAL -> {
                cash = cash.subtract(activity.getAmount());
                yield activity.getAmount().negate();
            }
        };
    }

    /**
     * Moves {@code change} through the account's cash: kept in the account when cash is recorded, otherwise it
     * crosses the portfolio's boundary and is a flow (money out of the account is money the owner put in).
     */
    private BigDecimal moveCash(BigDecimal change) {
        if (tracksCash) {
            cash = cash.add(change);
            return BigDecimal.ZERO;
        }
        return change.negate();
    }

    private ShareLedger ledgerOf(String symbol) {
        return shares.computeIfAbsent(symbol, ShareLedger::new);
    }

    /** Every symbol ever traded, with what is still held and what was realised. */
    public List<Holding> holdings() {
        return shares.values().stream().map(ShareLedger::holding).toList();
    }

    /** Shares held now, by symbol; symbols sold out are left out. */
    public Map<String, BigDecimal> quantities() {
        Map<String, BigDecimal> held = new TreeMap<>();
        shares.forEach((symbol, ledger) -> {
            BigDecimal quantity = ledger.quantity();
            if (quantity.signum() > 0) {
                held.put(symbol, quantity);
            }
        });
        return held;
    }

    public boolean tracksCash() {
        return tracksCash;
    }

    public BigDecimal cash() {
        return cash;
    }

    public BigDecimal dividends() {
        return dividends;
    }

    public BigDecimal interest() {
        return interest;
    }

    public BigDecimal fees() {
        return fees;
    }

    public Set<String> currencies() {
        return Set.copyOf(currencies);
    }
}
