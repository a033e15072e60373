package com.finagent.plaid.sandbox;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sandbox's made-up but realistic world: Plaid's Sandbox institutions, and for each item a deterministic set
 * of accounts, about six months of transactions and investment holdings, all drawn from one seeded random source.
 */
final class SandboxData {

    private SandboxData() {
    }

    // ---- institutions -------------------------------------------------------------------------------------------

    record Institution(String id, String name, String url, String primaryColor, List<String> routingNumbers) {
    }

    /** Plaid's Sandbox institutions (non-OAuth); all offer the same products here. */
    static final List<Institution> INSTITUTIONS = List.of(
            new Institution("ins_109508", "First Platypus Bank", "https://www.platypus.com", "#1f1f1f",
                    List.of("021000021", "011000138")),
            new Institution("ins_109509", "First Gingham Credit Union", "https://www.gingham.com", "#53b2e3",
                    List.of("021000089", "026009593")),
            new Institution("ins_109510", "Tattersall Federal Credit Union", "https://www.tattersall.com", "#006b3f",
                    List.of("031176110", "071000013")),
            new Institution("ins_109511", "Tartan Bank", "https://www.tartan.com", "#c8102e",
                    List.of("011401533", "011000015")),
            new Institution("ins_109512", "Houndstooth Bank", "https://www.houndstooth.com", "#545454",
                    List.of("011000138", "011200365", "011400495")));

    static final List<String> PRODUCTS = List.of(
            "assets", "auth", "balance", "identity", "investments", "liabilities", "transactions");

    static Optional<Institution> institution(String id) {
        return INSTITUTIONS.stream().filter(institution -> institution.id().equals(id)).findFirst();
    }

    // ---- accounts -----------------------------------------------------------------------------------------------

    enum AccountKind { CHECKING, SAVINGS, CREDIT_CARD, BROKERAGE, RETIREMENT_401K }

    record Account(String accountId, AccountKind kind, String name, String officialName, String mask,
                   long currentCents, Long availableCents, Long limitCents) {
    }

    record Holding(String accountId, Security security, double quantity, double costBasis) {

        double value() {
            return Math.round(quantity * security.price() * 100) / 100.0;
        }
    }

    record Security(String ticker, String name, String type, String subtype, double price, boolean cashEquivalent,
                    String marketIdentifierCode, String sector, String industry, String cfiCode) {

        /** Plaid's security ids are global, so the same ticker has the same id in every item. */
        String securityId() {
            return Ids.base62(new SplittableRandom(ticker.hashCode() * 0x9E3779B97F4A7C15L), 37);
        }
    }

    static final List<Security> SECURITIES = List.of(
            new Security("AAPL", "Apple Inc.", "equity", "common stock", 229.87, false, "XNAS",
                    "Electronic Technology", "Telecommunications Equipment", "ESVUFR"),
            new Security("MSFT", "Microsoft Corporation", "equity", "common stock", 428.15, false, "XNAS",
                    "Technology Services", "Packaged Software", "ESVUFR"),
            new Security("IBM", "International Business Machines Corporation", "equity", "common stock", 251.30, false,
                    "XNYS", "Technology Services", "Information Technology Services", "ESVUFR"),
            new Security("KO", "The Coca-Cola Company", "equity", "common stock", 69.85, false, "XNYS",
                    "Consumer Non-Durables", "Beverages: Non-Alcoholic", "ESVUFR"),
            new Security("SPY", "SPDR S&P 500 ETF Trust", "etf", "etf", 598.42, false, "ARCX", null, null, null),
            new Security("VFIAX", "Vanguard 500 Index Fund Admiral Shares", "mutual fund", "mutual fund", 550.21, false,
                    "XNAS", "Miscellaneous", "Investment Trusts or Mutual Funds", null),
            new Security("VBTLX", "Vanguard Total Bond Market Index Fund Admiral Shares", "mutual fund", "mutual fund",
                    9.86, false, "XNAS", "Miscellaneous", "Investment Trusts or Mutual Funds", null),
            new Security("USD", "U S Dollar", "cash", "cash", 1.0, true, null, null, null, null));

    static final Map<String, Security> SECURITY_BY_TICKER =
            SECURITIES.stream().collect(Collectors.toUnmodifiableMap(Security::ticker, Function.identity()));

    record Portfolio(List<Account> accounts, List<Holding> holdings) {

        Account account(AccountKind kind) {
            return accounts.stream().filter(account -> account.kind() == kind).findFirst().orElseThrow();
        }
    }

    static Portfolio portfolio(SplittableRandom random) {
        String checking = Ids.base62(random, 37);
        String savings = Ids.base62(random, 37);
        String credit = Ids.base62(random, 37);
        String brokerage = Ids.base62(random, 37);
        String retirement = Ids.base62(random, 37);

        List<Holding> holdings = new ArrayList<>();
        holdings.add(holding(random, brokerage, "AAPL", 10, 60));
        holdings.add(holding(random, brokerage, "MSFT", 5, 40));
        holdings.add(holding(random, brokerage, "IBM", 5, 30));
        holdings.add(holding(random, brokerage, "KO", 20, 120));
        holdings.add(holding(random, brokerage, "SPY", 5, 40));
        double cash = cents(random, 50_000, 500_000) / 100.0;
        holdings.add(new Holding(brokerage, SECURITY_BY_TICKER.get("USD"), cash, cash));
        holdings.add(holding(random, retirement, "VFIAX", 20, 150));
        holdings.add(holding(random, retirement, "VBTLX", 300, 2000));

        long brokerageValue = Math.round(holdings.stream().filter(h -> h.accountId().equals(brokerage))
                .mapToDouble(Holding::value).sum() * 100);
        long retirementValue = Math.round(holdings.stream().filter(h -> h.accountId().equals(retirement))
                .mapToDouble(Holding::value).sum() * 100);
        long checkingBalance = cents(random, 150_000, 900_000);
        long savingsBalance = cents(random, 400_000, 4_000_000);
        long creditLimit = List.of(500_000L, 800_000L, 1_000_000L, 1_500_000L).get(random.nextInt(4));
        long creditBalance = cents(random, 30_000, 300_000);

        List<Account> accounts = List.of(
                new Account(checking, AccountKind.CHECKING, "Plaid Checking", "Plaid Gold Standard 0% Interest Checking",
                        mask(random), checkingBalance, checkingBalance, null),
                new Account(savings, AccountKind.SAVINGS, "Plaid Saving", "Plaid Silver Standard 0.1% Interest Saving",
                        mask(random), savingsBalance, savingsBalance, null),
                new Account(credit, AccountKind.CREDIT_CARD, "Plaid Credit Card",
                        "Plaid Diamond 12.5% APR Interest Credit Card", mask(random), creditBalance,
                        creditLimit - creditBalance, creditLimit),
                new Account(brokerage, AccountKind.BROKERAGE, "Plaid Brokerage", "Plaid Self-Directed Brokerage Account",
                        mask(random), brokerageValue, Math.round(cash * 100), null),
                new Account(retirement, AccountKind.RETIREMENT_401K, "Plaid 401k", null, mask(random), retirementValue,
                        null, null));
        return new Portfolio(accounts, List.copyOf(holdings));
    }

    private static Holding holding(SplittableRandom random, String accountId, String ticker, int minShares,
                                   int maxShares) {
        Security security = SECURITY_BY_TICKER.get(ticker);
        double quantity = minShares + random.nextInt(maxShares - minShares + 1);
        if (security.type().equals("mutual fund")) {
            quantity += random.nextInt(1000) / 1000.0;
        }
        double costBasis = Math.round(quantity * security.price() * (0.55 + random.nextDouble() * 0.5) * 100) / 100.0;
        return new Holding(accountId, security, quantity, costBasis);
    }

    private static String mask(SplittableRandom random) {
        return String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
    }

    private static long cents(SplittableRandom random, long min, long max) {
        return min + random.nextLong(max - min + 1);
    }

    // ---- transactions -------------------------------------------------------------------------------------------

    enum Channel { IN_STORE, ONLINE, OTHER }

    /** A merchant or counterparty with Plaid's enrichment (personal finance category v1, website, entity id). */
    record Merchant(String key, String merchantName, String descriptor, String primary, String detailed,
                    Channel channel, String website, long minCents, long maxCents, int weight) {

        String entityId() {
            return Ids.base62(new SplittableRandom(key.hashCode() * 0xBF58476D1CE4E5B9L), 37);
        }
    }

    private static Merchant spend(String key, String merchantName, String descriptor, String detailed, Channel channel,
                                  String website, double min, double max, int weight) {
        return new Merchant(key, merchantName, descriptor, detailed.substring(0, primaryLength(detailed)), detailed,
                channel, website, Math.round(min * 100), Math.round(max * 100), weight);
    }

    /** Detailed categories start with their primary one (FOOD_AND_DRINK_COFFEE → FOOD_AND_DRINK). */
    private static int primaryLength(String detailed) {
        for (String primary : List.of("FOOD_AND_DRINK", "GENERAL_MERCHANDISE", "TRANSPORTATION", "TRAVEL",
                "ENTERTAINMENT", "PERSONAL_CARE", "MEDICAL", "RENT_AND_UTILITIES", "INCOME", "TRANSFER_IN",
                "TRANSFER_OUT", "LOAN_PAYMENTS", "GENERAL_SERVICES")) {
            if (detailed.startsWith(primary + "_")) {
                return primary.length();
            }
        }
        throw new IllegalArgumentException(detailed);
    }

    /** Everyday spending, picked by weight. */
    static final List<Merchant> SPENDING = List.of(
            spend("starbucks", "Starbucks", "STARBUCKS STORE 08261", "FOOD_AND_DRINK_COFFEE", Channel.IN_STORE,
                    "starbucks.com", 3.45, 9.80, 14),
            spend("mcdonalds", "McDonald's", "MCDONALD'S F2385", "FOOD_AND_DRINK_FAST_FOOD", Channel.IN_STORE,
                    "mcdonalds.com", 5.60, 16.50, 6),
            spend("chipotle", "Chipotle Mexican Grill", "CHIPOTLE 1184", "FOOD_AND_DRINK_FAST_FOOD", Channel.IN_STORE,
                    "chipotle.com", 9.25, 18.40, 6),
            spend("cheesecake", "The Cheesecake Factory", "THE CHEESECAKE FACTORY 0112", "FOOD_AND_DRINK_RESTAURANT",
                    Channel.IN_STORE, "thecheesecakefactory.com", 38.00, 145.00, 3),
            spend("wholefoods", "Whole Foods Market", "WHOLEFDS MKT 10234", "FOOD_AND_DRINK_GROCERIES",
                    Channel.IN_STORE, "wholefoodsmarket.com", 24.00, 165.00, 8),
            spend("traderjoes", "Trader Joe's", "TRADER JOE S #552", "FOOD_AND_DRINK_GROCERIES", Channel.IN_STORE,
                    "traderjoes.com", 18.00, 110.00, 8),
            spend("safeway", "Safeway", "SAFEWAY #1711", "FOOD_AND_DRINK_GROCERIES", Channel.IN_STORE,
                    "safeway.com", 12.00, 120.00, 5),
            spend("amazon", "Amazon", "AMAZON MKTPL*2K4T81JL2", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES",
                    Channel.ONLINE, "amazon.com", 7.99, 189.00, 10),
            spend("target", "Target", "TARGET 00027573", "GENERAL_MERCHANDISE_SUPERSTORES", Channel.IN_STORE,
                    "target.com", 11.00, 150.00, 5),
            spend("walmart", "Walmart", "WM SUPERCENTER #1700", "GENERAL_MERCHANDISE_SUPERSTORES", Channel.IN_STORE,
                    "walmart.com", 9.00, 140.00, 4),
            spend("bestbuy", "Best Buy", "BEST BUY 00015", "GENERAL_MERCHANDISE_ELECTRONICS", Channel.IN_STORE,
                    "bestbuy.com", 24.99, 649.00, 1),
            spend("uniqlo", "Uniqlo", "UNIQLO USA LLC", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
                    Channel.IN_STORE, "uniqlo.com", 19.90, 129.00, 2),
            spend("uber", "Uber", "UBER *TRIP HELP.UBER.COM", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", Channel.ONLINE,
                    "uber.com", 8.00, 46.00, 6),
            spend("lyft", "Lyft", "LYFT *RIDE THU 8PM", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", Channel.ONLINE,
                    "lyft.com", 7.00, 41.00, 3),
            spend("shell", "Shell", "SHELL OIL 57444660207", "TRANSPORTATION_GAS", Channel.IN_STORE, "shell.com",
                    28.00, 74.00, 4),
            spend("chevron", "Chevron", "CHEVRON 0306285", "TRANSPORTATION_GAS", Channel.IN_STORE, "chevron.com",
                    30.00, 79.00, 3),
            spend("united", "United Airlines", "UNITED 0162345678901", "TRAVEL_FLIGHTS", Channel.ONLINE, "united.com",
                    148.00, 689.00, 1),
            spend("marriott", "Marriott", "MARRIOTT SF MARQUIS", "TRAVEL_LODGING", Channel.IN_STORE, "marriott.com",
                    179.00, 720.00, 1),
            spend("cvs", "CVS", "CVS/PHARMACY #09834", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", Channel.IN_STORE,
                    "cvs.com", 5.49, 62.00, 3),
            spend("walgreens", "Walgreens", "WALGREENS #7114", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", Channel.IN_STORE,
                    "walgreens.com", 4.99, 48.00, 2),
            spend("amc", "AMC Theatres", "AMC 6112 ONLINE", "ENTERTAINMENT_TV_AND_MOVIES", Channel.ONLINE,
                    "amctheatres.com", 14.50, 52.00, 1));

    private static final int SPENDING_WEIGHT = SPENDING.stream().mapToInt(Merchant::weight).sum();

    // Recurring bills and transfers; amounts of fixed bills are drawn once per item.
    static final Merchant NETFLIX = spend("netflix", "Netflix", "NETFLIX.COM", "ENTERTAINMENT_TV_AND_MOVIES",
            Channel.ONLINE, "netflix.com", 15.49, 15.49, 0);
    static final Merchant SPOTIFY = spend("spotify", "Spotify", "SPOTIFY USA", "ENTERTAINMENT_MUSIC_AND_AUDIO",
            Channel.ONLINE, "spotify.com", 11.99, 11.99, 0);
    static final Merchant GYM = spend("planetfitness", "Planet Fitness", "PLANET FITNESS CLUB FEES",
            "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", Channel.OTHER, "planetfitness.com", 24.99, 24.99, 0);
    static final Merchant VERIZON = spend("verizon", "Verizon", "VERIZON WIRELESS PAYMENTS",
            "RENT_AND_UTILITIES_TELEPHONE", Channel.ONLINE, "verizon.com", 65.00, 110.00, 0);
    static final Merchant PGE = bill("pge", "PG&E", "PGANDE WEB ONLINE", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY",
            "pge.com", 58.00, 184.00);
    static final Merchant XFINITY = bill("xfinity", "Xfinity", "COMCAST XFINITY",
            "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "xfinity.com", 79.99, 79.99);
    static final Merchant GEICO = bill("geico", "GEICO", "GEICO *AUTO", "GENERAL_SERVICES_INSURANCE", "geico.com",
            108.00, 164.00);
    static final Merchant RENT = bill("rent", null, "AVALON COMMUNITIES RENT PPD ID: 9216843110",
            "RENT_AND_UTILITIES_RENT", null, 1800.00, 2650.00);
    static final Merchant PAYROLL = bill("payroll", null, "ACME CORP PAYROLL PPD ID: 1234567890", "INCOME_WAGES", null,
            2400.00, 3600.00);
    static final Merchant CARD_PAYMENT_OUT = bill("cardpaymentout", null, "PAYMENT TO PLAID CREDIT CARD",
            "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", null, 300.00, 1800.00);
    static final Merchant CARD_PAYMENT_IN = bill("cardpaymentin", null, "PAYMENT - THANK YOU",
            "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", null, 300.00, 1800.00);
    static final Merchant TO_SAVINGS = bill("tosavings", null, "ONLINE TRANSFER TO SAVINGS",
            "TRANSFER_OUT_ACCOUNT_TRANSFER", null, 250.00, 800.00);
    static final Merchant FROM_CHECKING = bill("fromchecking", null, "ONLINE TRANSFER FROM CHECKING",
            "TRANSFER_IN_ACCOUNT_TRANSFER", null, 250.00, 800.00);
    static final Merchant INTEREST = bill("interest", null, "INTEREST PAYMENT", "INCOME_INTEREST_EARNED", null,
            0.40, 6.50);
    /** Descriptions sent to /sandbox/transactions/create that match no known merchant. */
    static final Merchant UNKNOWN = bill("custom", null, "", "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE", null,
            0, 0);

    private static Merchant bill(String key, String merchantName, String descriptor, String detailed, String website,
                                 double min, double max) {
        return new Merchant(key, merchantName, descriptor, detailed.substring(0, primaryLength(detailed)), detailed,
                merchantName == null ? Channel.OTHER : Channel.ONLINE, website, Math.round(min * 100),
                Math.round(max * 100), 0);
    }

    static final Map<String, Merchant> MERCHANT_BY_KEY;

    static {
        List<Merchant> all = new ArrayList<>(SPENDING);
        all.addAll(List.of(NETFLIX, SPOTIFY, GYM, VERIZON, PGE, XFINITY, GEICO, RENT, PAYROLL, CARD_PAYMENT_OUT,
                CARD_PAYMENT_IN, TO_SAVINGS, FROM_CHECKING, INTEREST, UNKNOWN));
        MERCHANT_BY_KEY = all.stream().collect(Collectors.toUnmodifiableMap(Merchant::key, Function.identity()));
    }

    /** The merchant a free-text description names, for transactions created through the sandbox endpoint. */
    static Merchant recognise(String description) {
        String lower = description.toLowerCase(Locale.ROOT);
        return MERCHANT_BY_KEY.values().stream()
                .filter(merchant -> merchant.merchantName() != null)
                .filter(merchant -> lower.contains(merchant.merchantName().toLowerCase(Locale.ROOT))
                        || lower.contains(merchant.descriptor().toLowerCase(Locale.ROOT)))
                .min(Comparator.comparing(Merchant::key))
                .orElse(UNKNOWN);
    }

    /**
     * The item's history between {@code start} and {@code end} (inclusive), oldest first. With {@code count < 0}
     * it is a plausible household: pay every two weeks, rent, bills, subscriptions, card payments and about
     * 1.4 purchases a day (a few hundred over six months). With {@code count >= 0} it has exactly that many.
     */
    static List<SandboxTransaction> history(SplittableRandom random, Portfolio portfolio, LocalDate start, LocalDate end,
                                           int count) {
        Account checking = portfolio.account(AccountKind.CHECKING);
        Account savings = portfolio.account(AccountKind.SAVINGS);
        Account card = portfolio.account(AccountKind.CREDIT_CARD);
        long pay = amount(random, PAYROLL);
        long rent = amount(random, RENT);
        long insurance = amount(random, GEICO);
        long phone = amount(random, VERIZON);
        long saving = amount(random, TO_SAVINGS) / 5000 * 5000;
        // Payday is every other Friday.
        int payOffset = (DayOfWeek.FRIDAY.getValue() - start.getDayOfWeek().getValue() + 7) % 7 + 7 * random.nextInt(2);
        int billDay = 3 + random.nextInt(10);

        List<SandboxTransaction> recurring = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            long sinceStart = ChronoUnit.DAYS.between(start, day);
            if (sinceStart % 14 == payOffset) {
                recurring.add(posted(random, checking, PAYROLL, -pay, day, 0));
            }
            int dayOfMonth = day.getDayOfMonth();
            if (dayOfMonth == 1) {
                recurring.add(posted(random, checking, RENT, rent, day, 0));
            }
            if (dayOfMonth == 2) {
                recurring.add(posted(random, checking, TO_SAVINGS, saving, day, 0));
                recurring.add(posted(random, savings, FROM_CHECKING, -saving, day, 0));
            }
            if (dayOfMonth == billDay) {
                recurring.add(posted(random, checking, PGE, amount(random, PGE), day, 0));
                recurring.add(posted(random, checking, XFINITY, amount(random, XFINITY), day, 0));
                recurring.add(posted(random, checking, GEICO, insurance, day, 0));
            }
            if (dayOfMonth == billDay + 4) {
                recurring.add(posted(random, card, NETFLIX, NETFLIX.minCents(), day, 1));
                recurring.add(posted(random, card, SPOTIFY, SPOTIFY.minCents(), day, 1));
                recurring.add(posted(random, card, GYM, GYM.minCents(), day, 1));
                recurring.add(posted(random, card, VERIZON, phone, day, 1));
            }
            if (dayOfMonth == 20) {
                long payment = amount(random, CARD_PAYMENT_OUT);
                recurring.add(posted(random, checking, CARD_PAYMENT_OUT, payment, day, 0));
                recurring.add(posted(random, card, CARD_PAYMENT_IN, -payment, day, 0));
            }
            if (day.equals(day.withDayOfMonth(day.lengthOfMonth()))) {
                recurring.add(posted(random, savings, INTEREST, -amount(random, INTEREST), day, 0));
            }
        }
        int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
        int purchases = count < 0 ? Math.round(days * 1.4f) : Math.max(0, count - recurring.size());
        if (count >= 0 && recurring.size() > count) {
            recurring = new ArrayList<>(recurring.subList(recurring.size() - count, recurring.size()));
        }
        List<SandboxTransaction> all = new ArrayList<>(recurring);
        for (int i = 0; i < purchases; i++) {
            LocalDate day = start.plusDays(random.nextInt(days));
            all.add(purchase(random, random.nextInt(10) < 7 ? card : checking, day));
        }
        all.sort(Comparator.comparing(SandboxTransaction::date));
        return all;
    }

    /** A purchase at a merchant picked by weight, on the given day. */
    static SandboxTransaction purchase(SplittableRandom random, Account account, LocalDate day) {
        int pick = random.nextInt(SPENDING_WEIGHT);
        Merchant merchant = SPENDING.get(0);
        for (Merchant candidate : SPENDING) {
            pick -= candidate.weight();
            if (pick < 0) {
                merchant = candidate;
                break;
            }
        }
        return posted(random, account, merchant, amount(random, merchant), day, random.nextInt(3));
    }

    private static SandboxTransaction posted(SplittableRandom random, Account account, Merchant merchant, long cents,
                                             LocalDate day, int authorisedDaysBefore) {
        return new SandboxTransaction(Ids.base62(random, 37), account.accountId(), cents, day,
                day.minusDays(authorisedDaysBefore), merchant.descriptor(), merchant.key());
    }

    /** Log-uniform between the merchant's bounds: many small purchases, few large ones. */
    private static long amount(SplittableRandom random, Merchant merchant) {
        if (merchant.minCents() == merchant.maxCents()) {
            return merchant.minCents();
        }
        double low = Math.log(merchant.minCents());
        double high = Math.log(merchant.maxCents());
        return Math.round(Math.exp(low + random.nextDouble() * (high - low)));
    }
}
