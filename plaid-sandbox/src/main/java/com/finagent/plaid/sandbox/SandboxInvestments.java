package com.finagent.plaid.sandbox;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The investment transactions behind an item's holdings: about a year of history per investment account that adds
 * up to what {@code /investments/holdings/get} shows. Every security held is bought in one to three lots whose
 * shares sum to the quantity held; the first security is also bought once more and that lot sold again later; a
 * few dividends and an account fee follow. Cash adds up too: a deposit on the first day funds everything, the sell's
 * proceeds and the dividends are withdrawn on the last, so the account's cash ends at its cash holding (and never
 * runs below it on the way).
 */
final class SandboxInvestments {

    /** Days of history before the item's last day. */
    static final int HISTORY_DAYS = 365;

    /** Quarterly dividend per share of the securities that pay one. */
    private static final Map<String, Long> DIVIDEND_CENTS = Map.of("AAPL", 25L, "MSFT", 83L, "KO", 51L,
            "SPY", 176L, "VBTLX", 3L);

    private SandboxInvestments() {
    }

    private record Draft(SandboxData.Security security, int day, String name, double quantity, long amountCents,
                         long priceCents, long feeCents, String type, String subtype) {
    }

    /**
     * Newest first, as Plaid returns them; ties keep a fixed order. Seeded by the item seed alone, so the same item
     * always gets the same history, ids included, however its transactions change.
     */
    static List<SandboxInvestmentTransaction> history(long seed, SandboxData.Portfolio portfolio, LocalDate lastDay) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        LocalDate first = lastDay.minusDays(HISTORY_DAYS);
        List<SandboxInvestmentTransaction> all = new ArrayList<>();
        for (SandboxData.Account account : portfolio.accounts()) {
            if (account.kind() != SandboxData.AccountKind.BROKERAGE
                    && account.kind() != SandboxData.AccountKind.RETIREMENT_401K) {
                continue;
            }
            List<SandboxData.Holding> held = portfolio.holdings().stream()
                    .filter(h -> h.accountId().equals(account.accountId())).toList();
            for (Draft draft : drafts(random, held)) {
                LocalDate date = tradingDayOnOrBefore(first.plusDays(draft.day()));
                all.add(new SandboxInvestmentTransaction(Ids.base62(random, 37), account.accountId(),
                        draft.security(), date, draft.name(), draft.quantity(), draft.amountCents(),
                        draft.priceCents(), draft.feeCents(), draft.type(), draft.subtype()));
            }
        }
        Collections.reverse(all);
        all.sort(Comparator.comparing(SandboxInvestmentTransaction::date).reversed());
        return List.copyOf(all);
    }

    /** One account's history, oldest first. */
    private static List<Draft> drafts(SplittableRandom random, List<SandboxData.Holding> held) {
        List<Draft> trades = new ArrayList<>();
        long cashHeldCents = 0;
        boolean sold = false;
        for (SandboxData.Holding holding : held) {
            SandboxData.Security security = holding.security();
            if (security.cashEquivalent()) {
                cashHeldCents = Math.round(holding.quantity() * 100);
                continue;
            }
            long averageCents = Math.max(1, Math.round(holding.costBasis() / holding.quantity() * 100));
            long milliShares = Math.round(holding.quantity() * 1000);
            // Whole shares in every lot but the last, which also takes a fund's fraction of a share.
            int lots = (int) Math.max(1, Math.min(1 + random.nextInt(3), milliShares / 1000));
            long left = milliShares;
            for (int lot = 0; lot < lots; lot++) {
                long shares = lot == lots - 1 ? left : left / (lots - lot) / 1000 * 1000;
                left -= shares;
                trades.add(buy(security, 5 + random.nextInt(200), shares, vary(random, averageCents), 0));
            }
            if (!sold) {
                // A round trip: shares bought early and sold at a gain later, with the broker's commission.
                long price = vary(random, averageCents);
                int bought = 10 + random.nextInt(60);
                trades.add(buy(security, bought, 2000, price, 0));
                trades.add(sell(security, bought + 60 + random.nextInt(120), 2000, price + price / 8, 495));
                sold = true;
            }
        }
        trades.sort(Comparator.comparingInt(Draft::day));

        List<Draft> income = new ArrayList<>();
        long dividendsCents = 0;
        for (SandboxData.Holding holding : held) {
            Long perShare = DIVIDEND_CENTS.get(holding.security().ticker());
            if (perShare != null) {
                long cents = Math.round(holding.quantity() * perShare);
                income.add(new Draft(holding.security(), 270 + random.nextInt(80),
                        "DIVIDEND RECEIVED " + holding.security().name(), 0, -cents, 0, 0, "cash", "dividend"));
                dividendsCents += cents;
            }
        }
        long feeCents = 2500;
        income.add(new Draft(null, 300, "ACCOUNT MAINTENANCE FEE", 0, feeCents, 0, 0, "fee", "account fee"));

        long boughtCents = 0;
        long soldCents = 0;
        for (Draft trade : trades) {
            if (trade.amountCents() > 0) {
                boughtCents += trade.amountCents();
            } else {
                soldCents -= trade.amountCents();
            }
        }
        long withdrawnCents = soldCents + dividendsCents;
        long depositCents = cashHeldCents + boughtCents + feeCents;

        List<Draft> all = new ArrayList<>();
        all.add(new Draft(null, 0, "ACH DEPOSIT FROM CHECKING", 0, -depositCents, 0, 0, "cash", "deposit"));
        all.addAll(trades);
        all.addAll(income);
        all.add(new Draft(null, HISTORY_DAYS, "ACH WITHDRAWAL TO CHECKING", 0, withdrawnCents, 0, 0, "cash",
                "withdrawal"));
        all.sort(Comparator.comparingInt(Draft::day));
        return all;
    }

    private static Draft buy(SandboxData.Security security, int day, long milliShares, long priceCents,
                             long feeCents) {
        double quantity = milliShares / 1000.0;
        long amount = Math.round(milliShares * priceCents / 1000.0) + feeCents;
        return new Draft(security, day, "BUY " + security.name(), quantity, amount, priceCents, feeCents, "buy",
                "buy");
    }

    private static Draft sell(SandboxData.Security security, int day, long milliShares, long priceCents,
                              long feeCents) {
        double quantity = milliShares / 1000.0;
        long amount = -(Math.round(milliShares * priceCents / 1000.0) - feeCents);
        return new Draft(security, day, "SELL " + security.name(), -quantity, amount, priceCents, feeCents, "sell",
                "sell");
    }

    /** A price within 10 % of {@code cents}. */
    private static long vary(SplittableRandom random, long cents) {
        return Math.max(1, Math.round(cents * (0.9 + random.nextDouble() * 0.2)));
    }

    private static LocalDate tradingDayOnOrBefore(LocalDate day) {
        LocalDate date = day;
        while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.minusDays(1);
        }
        return date;
    }
}
