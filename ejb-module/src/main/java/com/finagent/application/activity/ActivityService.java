package com.finagent.application.activity;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.ledger.Holding;
import com.finagent.application.ledger.Ledger;
import com.finagent.application.portfolio.PortfolioHoldings;
import com.finagent.application.portfolio.PortfolioService;
import com.finagent.persistence.portfolio.Account;
import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.Position;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The activities of a user's accounts. Recording activities re-states the account's positions from them, so the
 * positions always follow from the activities; symbols without activities (positions entered by hand) are left as
 * they were. Every change first replays the account's activities with it and is refused, with nothing stored,
 * if they would not add up (a sell of shares not held).
 */
@Stateless
public class ActivityService {

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    @EJB
    PortfolioService portfolios;

    @EJB
    PortfolioHoldings holdings;

    /** The activities of every account of the portfolio, oldest first. */
    public List<Activity> list(UUID userId, UUID portfolioId) {
        List<UUID> accountIds = holdings.accounts(userId, portfolioId).stream().map(Account::getId).toList();
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createNamedQuery(Activity.OF_ACCOUNTS, Activity.class)
                .setParameter("accountIds", accountIds).getResultList();
    }

    /**
     * Records {@code added} (activities built for {@code accountId}) in one transaction: all of them or, if any
     * is refused, none. Activities whose source id is already recorded are skipped, so a repeated import adds
     * nothing. Answers the activities stored.
     */
    public List<Activity> record(UUID userId, UUID portfolioId, UUID accountId, List<Activity> added) {
        // One writer per portfolio at a time (a row lock until commit), so two imports cannot each replay the old
        // activities and together sell shares that only one of them may sell.
        entityManager.lock(portfolios.get(userId, portfolioId), LockModeType.PESSIMISTIC_WRITE);
        Account account = manualAccount(userId, portfolioId, accountId);
        List<Activity> existing = ofAccount(account.getId());
        List<String> knownIds = existing.stream().map(Activity::getExternalId).filter(id -> id != null).toList();
        List<Activity> fresh = added.stream()
                .filter(a -> a.getExternalId() == null || !knownIds.contains(a.getExternalId())).toList();
        List<Activity> all = new ArrayList<>(existing);
        all.addAll(fresh);
        Ledger ledger = replayOrRefuse(all);
        fresh.forEach(entityManager::persist);
        restatePositions(account.getId(), ledger);
        entityManager.flush();
        return fresh;
    }

    /**
     * Reads a CSV export into activities of {@code accountId}. With {@code preview}, or when any row cannot be
     * read or the rows would not add up with the account's activities, nothing is stored and the answer says
     * why, row by row; otherwise every row is stored in one transaction.
     */
    public CsvImport importCsv(UUID userId, UUID portfolioId, UUID accountId, String text, CsvLayout layout,
                               boolean preview) {
        Account account = manualAccount(userId, portfolioId, accountId);
        ActivityCsv.Reading reading = ActivityCsv.read(text, layout, account.getId());
        List<ActivityCsv.RowError> errors = new ArrayList<>(reading.errors());
        if (errors.isEmpty()) {
            List<Activity> all = new ArrayList<>(ofAccount(account.getId()));
            all.addAll(reading.activities());
            try {
                Ledger.replay(all);
            } catch (IllegalArgumentException doesNotAddUp) {
                errors.add(new ActivityCsv.RowError(0, "the rows would not add up with the account's activities: "
                        + doesNotAddUp.getMessage()));
            }
        }
        boolean store = !preview && errors.isEmpty();
        List<Activity> stored = store ? record(userId, portfolioId, accountId, reading.activities()) : List.of();
        return new CsvImport(layout.name(), reading.rows(), reading.activities(), errors, store, stored.size());
    }

    /** Deletes one activity; refused if the rest would no longer add up (the sell of a buy that is removed). */
    public void remove(UUID userId, UUID portfolioId, UUID activityId) {
        entityManager.lock(portfolios.get(userId, portfolioId), LockModeType.PESSIMISTIC_WRITE);
        Activity activity = list(userId, portfolioId).stream().filter(a -> a.getId().equals(activityId))
                .findFirst().orElseThrow(() -> FinAgentException.notFound("Activity", activityId));
        List<Activity> rest = new ArrayList<>(ofAccount(activity.getAccountId()));
        rest.removeIf(a -> a.getId().equals(activityId));
        Ledger ledger = replayOrRefuse(rest);
        entityManager.remove(activity);
        restatePositions(activity.getAccountId(), ledger);
        entityManager.flush();
    }

    private Account manualAccount(UUID userId, UUID portfolioId, UUID accountId) {
        Account account = holdings.account(userId, portfolioId, accountId);
        if (account.getPlaidAccountId() != null) {
            throw new FinAgentException(ErrorType.CONFLICT, 409, "Account " + accountId
                    + " is linked to Plaid: its activities come from the institution", List.of(), null);
        }
        return account;
    }

    private List<Activity> ofAccount(UUID accountId) {
        return entityManager.createNamedQuery(Activity.OF_ACCOUNTS, Activity.class)
                .setParameter("accountIds", List.of(accountId)).getResultList();
    }

    private static Ledger replayOrRefuse(List<Activity> activities) {
        try {
            return Ledger.replay(activities);
        } catch (IllegalArgumentException doesNotAddUp) {
            throw FinAgentException.invalidField("activities", "the account's activities would not add up: "
                    + doesNotAddUp.getMessage());
        }
    }

    /** Positions of the symbols the activities trade follow the ledger; a symbol sold out loses its position. */
    private void restatePositions(UUID accountId, Ledger ledger) {
        Map<String, Position> positions = entityManager.createQuery(
                        "SELECT p FROM Position p WHERE p.accountId = :accountId", Position.class)
                .setParameter("accountId", accountId).getResultStream()
                .collect(Collectors.toMap(Position::getSymbol, Function.identity()));
        for (Holding holding : ledger.holdings()) {
            Position position = positions.get(holding.symbol());
            boolean held = holding.quantity().signum() > 0 && holding.averageCost().signum() > 0;
            if (!held) {
                if (position != null) {
                    entityManager.remove(position);
                }
            } else if (position == null) {
                entityManager.persist(new Position(accountId, holding.symbol(), holding.quantity(),
                        holding.averageCost()));
            } else {
                position.restate(holding.quantity(), holding.averageCost());
            }
        }
    }
}
