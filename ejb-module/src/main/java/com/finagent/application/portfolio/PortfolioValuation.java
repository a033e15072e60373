package com.finagent.application.portfolio;

import com.finagent.application.analytics.MonteCarloService;
import com.finagent.application.analytics.RiskQuery;
import com.finagent.application.analytics.RiskReport;
import com.finagent.application.analytics.RiskService;
import com.finagent.application.analytics.SimulationQuery;
import com.finagent.application.analytics.SimulationReport;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataService;
import com.finagent.application.market.OfflineMarketData;
import com.finagent.application.market.Quote;
import com.finagent.persistence.market.Ticker;
import com.finagent.persistence.plaid.PlaidHolding;
import com.finagent.persistence.portfolio.Account;
import com.finagent.persistence.portfolio.Portfolio;
import com.finagent.persistence.portfolio.Position;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a portfolio is worth now: each position priced by the market-data service (the source is shown), its
 * market value, unrealised P&L and day change, the totals, and the allocation by asset, sector and account;
 * and the portfolio's risk, measured by the analytics service on its own holdings and weights.
 */
@Stateless
public class PortfolioValuation {

    static final String UNCLASSIFIED = "Unclassified";

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    @EJB
    PortfolioService portfolios;

    @EJB
    PortfolioHoldings holdings;

    @EJB
    MarketDataService market;

    @EJB
    RiskService risk;

    @EJB
    MonteCarloService monteCarlo;

    public record PositionValue(UUID id, UUID accountId, String accountName, String symbol, String name, String sector,
                                BigDecimal quantity, BigDecimal averageCost, BigDecimal costBasis, BigDecimal price,
                                BigDecimal marketValue, BigDecimal unrealizedPnl, Double unrealizedPnlPercent,
                                BigDecimal dayChange, String priceSource, boolean linked) {
    }

    public record Allocation(String key, BigDecimal value, double weight) {
    }

    public record Summary(UUID portfolioId, String name, List<PositionValue> positions, BigDecimal costBasis,
                          BigDecimal marketValue, BigDecimal unrealizedPnl, Double unrealizedPnlPercent,
                          BigDecimal dayChange, Double dayChangePercent, List<Allocation> byAsset,
                          List<Allocation> bySector, List<Allocation> byAccount, OffsetDateTime asOf) {
    }

    /** The measures and simulation of the portfolio, and which holdings they could cover. */
    public record Risk(UUID portfolioId, Map<String, Double> weights, List<String> excluded, LocalDate from,
                       LocalDate to, RiskReport measures, SimulationReport simulation, String source) {
    }

    public Summary summary(UUID userId, UUID portfolioId) {
        Portfolio portfolio = portfolios.get(userId, portfolioId);
        Map<UUID, Account> accounts = holdings.accounts(userId, portfolioId).stream()
                .collect(Collectors.toMap(Account::getId, Function.identity()));
        Map<String, Quote> quotes = new LinkedHashMap<>();
        List<PositionValue> values = new ArrayList<>();
        for (Position position : holdings.positions(userId, portfolioId)) {
            Quote quote = quotes.computeIfAbsent(position.getSymbol(), this::quoteOrNull);
            BigDecimal price;
            String source;
            BigDecimal dayChange = null;
            if (quote != null) {
                price = BigDecimal.valueOf(quote.price()).setScale(4, RoundingMode.HALF_EVEN);
                source = quote.source();
                if (quote.change() != null) {
                    dayChange = position.getQuantity().multiply(BigDecimal.valueOf(quote.change()))
                            .setScale(2, RoundingMode.HALF_EVEN);
                }
            } else {
                BigDecimal institutionPrice = institutionPrice(position);
                price = institutionPrice != null ? institutionPrice : position.getAverageCost();
                source = institutionPrice != null ? "institution price (Plaid)" : "no market price: valued at cost";
            }
            position.markToMarket(price);
            Account account = accounts.get(position.getAccountId());
            Ticker ticker = entityManager.find(Ticker.class, position.getSymbol());
            BigDecimal cost = position.getAverageCost().multiply(position.getQuantity()).setScale(2, RoundingMode.HALF_EVEN);
            values.add(new PositionValue(position.getId(), position.getAccountId(), account.getBrokerName() + " · "
                    + account.getAccountNumber(), position.getSymbol(), ticker == null ? null : ticker.getCompanyName(),
                    ticker == null || ticker.getSector() == null ? UNCLASSIFIED : ticker.getSector(),
                    position.getQuantity(), position.getAverageCost(), cost, price, position.getMarketValue(),
                    position.getUnrealizedPnl(), percent(position.getUnrealizedPnl(), cost), dayChange, source,
                    position.getPlaidSecurityId() != null));
        }
        BigDecimal marketValue = sum(values, PositionValue::marketValue);
        BigDecimal cost = sum(values, PositionValue::costBasis);
        BigDecimal pnl = sum(values, PositionValue::unrealizedPnl);
        BigDecimal dayChange = sum(values, PositionValue::dayChange);
        return new Summary(portfolioId, portfolio.getName(), values, cost, marketValue, pnl, percent(pnl, cost),
                dayChange, percent(dayChange, marketValue.subtract(dayChange)),
                allocation(values, PositionValue::symbol, marketValue),
                allocation(values, PositionValue::sector, marketValue),
                allocation(values, PositionValue::accountName, marketValue),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Risk measures and a Monte Carlo simulation of the portfolio as it is now: weights by market value, over
     * the daily history its priced holdings share (holdings without history are listed as excluded).
     */
    public Risk risk(UUID userId, UUID portfolioId, double confidence, int horizon, int paths, int steps, long seed) {
        Summary summary = summary(userId, portfolioId);
        Map<String, BigDecimal> bySymbol = new TreeMap<>();
        summary.positions().forEach(p -> bySymbol.merge(p.symbol(), p.marketValue(), BigDecimal::add));
        List<String> measurable = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String symbol : bySymbol.keySet()) {
            (market.hasHistory(symbol) ? measurable : excluded).add(symbol);
        }
        if (measurable.isEmpty()) {
            throw new FinAgentException(ErrorType.VALIDATION, 422, "The portfolio has no position with price history"
                    + " to measure", List.of(), null);
        }
        MarketDataService.ClosePanel panel = market.closePanel(measurable, null, null);
        if (panel.dates().size() < 30) {
            throw new FinAgentException(ErrorType.VALIDATION, 422, "The holdings " + measurable
                    + " share only " + panel.dates().size() + " trading days of history; at least 30 are needed",
                    List.of(), null);
        }
        int keep = Math.min(panel.dates().size(), 504);
        int first = panel.dates().size() - keep;
        Map<String, List<Double>> assets = new LinkedHashMap<>();
        panel.closes().forEach((symbol, closes) -> assets.put(symbol, closes.subList(first, closes.size())));
        BigDecimal covered = assets.keySet().stream().map(bySymbol::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (covered.signum() <= 0) {
            throw new FinAgentException(ErrorType.VALIDATION, 422, "The measurable holdings have no market value",
                    List.of(), null);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        assets.keySet().forEach(symbol -> weights.put(symbol, bySymbol.get(symbol).doubleValue() / covered.doubleValue()));
        RiskReport measures = risk.analyse(new RiskQuery(null, null, assets, weights, null, confidence, horizon, 252,
                0.02));
        SimulationReport simulation = monteCarlo.simulate(new SimulationQuery(assets, weights, covered.doubleValue(),
                paths, steps, 252, Math.min(steps, 21), seed, confidence));
        return new Risk(portfolioId, weights, excluded, panel.dates().get(first), panel.dates().get(panel.dates().size() - 1),
                measures, simulation, OfflineMarketData.SOURCE);
    }

    private Quote quoteOrNull(String symbol) {
        try {
            return market.quote(symbol);
        } catch (FinAgentException unknown) {
            return null;
        }
    }

    private BigDecimal institutionPrice(Position position) {
        if (position.getPlaidSecurityId() == null) {
            return null;
        }
        return entityManager.createQuery("SELECT h FROM PlaidHolding h, Account a WHERE a.id = :accountId"
                        + " AND h.plaidAccountId = a.plaidAccountId AND h.securityId = :securityId", PlaidHolding.class)
                .setParameter("accountId", position.getAccountId())
                .setParameter("securityId", position.getPlaidSecurityId())
                .getResultStream().map(PlaidHolding::getInstitutionPrice).findFirst().orElse(null);
    }

    private static List<Allocation> allocation(List<PositionValue> values, Function<PositionValue, String> key,
                                               BigDecimal total) {
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        values.forEach(v -> groups.merge(key.apply(v), v.marketValue(), BigDecimal::add));
        return groups.entrySet().stream()
                .map(e -> new Allocation(e.getKey(), e.getValue(), total.signum() == 0 ? 0
                        : e.getValue().doubleValue() / total.doubleValue()))
                .sorted(Comparator.comparing(Allocation::value).reversed())
                .toList();
    }

    private static BigDecimal sum(List<PositionValue> values, Function<PositionValue, BigDecimal> field) {
        return values.stream().map(field).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Double percent(BigDecimal part, BigDecimal whole) {
        return part == null || whole == null || whole.signum() == 0 ? null
                : part.doubleValue() / whole.doubleValue() * 100;
    }
}
