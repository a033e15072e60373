package com.finagent.application.portfolio;

import com.finagent.application.audit.AuditActions;
import com.finagent.application.audit.AuditEvent;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.Outcome;
import com.finagent.application.database.RowLevelSecurity;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.plaid.PlaidItems;
import com.finagent.application.plaid.PlaidStore;
import com.finagent.persistence.plaid.PlaidAccount;
import com.finagent.persistence.plaid.PlaidItem;
import com.finagent.persistence.portfolio.Account;
import com.finagent.persistence.portfolio.Position;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The accounts of a portfolio and their positions. An account is entered by hand (its positions too) or linked
 * to one of the caller's Plaid accounts (its positions then mirror the synced holdings and cannot be edited).
 * Everything is looked up through the caller's own portfolio, so another user's ids read as not found.
 */
@Stateless
public class PortfolioHoldings {

    /** The name of the account that manual positions go to when none is named. */
    static final String MANUAL_ACCOUNT = "Manual";

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    @Inject
    RowLevelSecurity rowLevelSecurity;

    @EJB
    PortfolioService portfolios;

    @EJB
    AuditLog audit;

    @EJB
    PlaidItems plaidItems;

    public List<Account> accounts(UUID userId, UUID portfolioId) {
        portfolios.get(userId, portfolioId);
        return entityManager.createQuery("SELECT a FROM Account a WHERE a.portfolioId = :portfolioId"
                + " ORDER BY a.createdAt", Account.class).setParameter("portfolioId", portfolioId).getResultList();
    }

    public Account addManualAccount(UUID userId, UUID portfolioId, String brokerName, String accountNumber,
                                    String accountType) {
        portfolios.get(userId, portfolioId);
        Account account = new Account(portfolioId, brokerName, accountNumber, accountType);
        entityManager.persist(account);
        entityManager.flush();
        return account;
    }

    /** Adds one of the caller's Plaid accounts to the portfolio; its holdings become positions at once. */
    public Account linkPlaidAccount(UUID userId, UUID portfolioId, String plaidAccountId) {
        portfolios.get(userId, portfolioId);
        PlaidAccount linked = plaidItems.account(userId, plaidAccountId);
        PlaidItem item = plaidItems.list(userId).stream()
                .filter(i -> i.getPlaidItemId().equals(linked.getPlaidItemId())).findFirst().orElseThrow();
        boolean taken = !entityManager.createQuery("SELECT a FROM Account a WHERE a.plaidAccountId = :id", Account.class)
                .setParameter("id", plaidAccountId).getResultList().isEmpty();
        if (taken) {
            throw new FinAgentException(ErrorType.VALIDATION, 409, "Linked account " + plaidAccountId
                    + " is already in a portfolio", List.of(), null);
        }
        Account account = new Account(portfolioId, item.getInstitutionName(), linked.getAccountName(),
                linked.getAccountType().databaseValue());
        account.linkToPlaid(item.getPlaidItemId(), plaidAccountId);
        account.markSynced();
        entityManager.persist(account);
        entityManager.flush();
        for (String statement : PlaidStore.LINKED_POSITIONS_REFRESH) {
            Query refresh = entityManager.createNativeQuery(statement);
            for (int parameter = 1; parameter <= PlaidStore.parameterCount(statement); parameter++) {
                refresh.setParameter(parameter, item.getPlaidItemId());
            }
            refresh.executeUpdate();
        }
        return account;
    }

    public void removeAccount(UUID userId, UUID portfolioId, UUID accountId) {
        entityManager.remove(account(userId, portfolioId, accountId));
        entityManager.flush();
        audit.record(AuditEvent.byUser(userId, AuditActions.ACCOUNT_DELETED, Outcome.SUCCESS, accountId.toString(),
                "account and its positions, portfolio " + portfolioId));
    }

    /** The positions of the portfolio's active accounts. */
    public List<Position> positions(UUID userId, UUID portfolioId) {
        portfolios.get(userId, portfolioId);
        return entityManager.createQuery("SELECT p FROM Position p, Account a WHERE p.accountId = a.id"
                        + " AND a.portfolioId = :portfolioId AND a.active = TRUE ORDER BY p.symbol", Position.class)
                .setParameter("portfolioId", portfolioId).getResultList();
    }

    /**
     * Adds a position to a manual account of the portfolio ({@code accountId}, or the portfolio's "Manual"
     * account, created on first use). A second buy of the same symbol in the same account is merged into one
     * position at the quantity-weighted average cost.
     */
    public Position addPosition(UUID userId, UUID portfolioId, UUID accountId, String rawSymbol, BigDecimal quantity,
                                BigDecimal averageCost) {
        String symbol = rawSymbol.strip().toUpperCase(Locale.ROOT);
        // Adds to one portfolio run one at a time (a row lock on the portfolio until commit): concurrent buys of a
        // symbol then merge into one position instead of each reading the old quantity, and the "Manual" account
        // is created once. The unique index of V6 backs this up.
        entityManager.lock(portfolios.get(userId, portfolioId), LockModeType.PESSIMISTIC_WRITE);
        Account account = accountId != null ? account(userId, portfolioId, accountId) : manualAccount(userId, portfolioId);
        if (account.getPlaidAccountId() != null) {
            throw new FinAgentException(ErrorType.VALIDATION, 409, "Account " + account.getId()
                    + " is linked to Plaid: its positions come from the institution", List.of(), null);
        }
        List<Position> existing = entityManager.createQuery("SELECT p FROM Position p WHERE p.accountId = :accountId"
                        + " AND p.symbol = :symbol", Position.class)
                .setParameter("accountId", account.getId()).setParameter("symbol", symbol).getResultList();
        if (!existing.isEmpty()) {
            Position position = existing.get(0);
            position.add(quantity, averageCost);
            entityManager.flush();
            return position;
        }
        Position position = new Position(account.getId(), symbol, quantity, averageCost);
        entityManager.persist(position);
        entityManager.flush();
        return position;
    }

    public void removePosition(UUID userId, UUID portfolioId, UUID positionId) {
        Position position = positions(userId, portfolioId).stream().filter(p -> p.getId().equals(positionId))
                .findFirst().orElseThrow(() -> FinAgentException.notFound("Position", positionId));
        if (position.getPlaidSecurityId() != null) {
            throw new FinAgentException(ErrorType.VALIDATION, 409, "Position " + positionId
                    + " mirrors a linked holding; unlink the account instead", List.of(), null);
        }
        entityManager.remove(position);
        entityManager.flush();
        audit.record(AuditEvent.byUser(userId, AuditActions.POSITION_DELETED, Outcome.SUCCESS, positionId.toString(),
                position.getSymbol() + " in portfolio " + portfolioId));
    }

    /** One of the portfolio's accounts; another user's reads as not found. */
    public Account account(UUID userId, UUID portfolioId, UUID accountId) {
        return accounts(userId, portfolioId).stream().filter(a -> a.getId().equals(accountId)).findFirst()
                .orElseThrow(() -> FinAgentException.notFound("Account", accountId));
    }

    private Account manualAccount(UUID userId, UUID portfolioId) {
        return accounts(userId, portfolioId).stream()
                .filter(a -> a.getPlaidAccountId() == null && MANUAL_ACCOUNT.equals(a.getBrokerName()))
                .findFirst()
                .orElseGet(() -> addManualAccount(userId, portfolioId, MANUAL_ACCOUNT, "manual", "brokerage"));
    }
}
