package com.finagent.application.plaid;

import com.finagent.application.database.RowLevelSecurity;
import com.finagent.application.error.FinAgentException;
import com.finagent.persistence.plaid.PlaidAccount;
import com.finagent.persistence.plaid.PlaidHolding;
import com.finagent.persistence.plaid.PlaidItem;
import com.finagent.persistence.plaid.PlaidTransaction;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The caller's linked items and what was synced for them. Every query names the owner explicitly (row-level
 * security backs it up), so another user's item, account, transaction or holding reads as not found.
 */
@Stateless
public class PlaidItems {

    /** One page of transactions, newest first. */
    public record TransactionPage(List<PlaidTransaction> transactions, int page, int size, long total) {
    }

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    @Inject
    RowLevelSecurity rowLevelSecurity;

    public List<PlaidItem> list(UUID userId) {
        rowLevelSecurity.actAs(entityManager, userId);
        return entityManager.createNamedQuery(PlaidItem.OWNED_BY, PlaidItem.class).setParameter("userId", userId)
                .getResultList();
    }

    public PlaidItem get(UUID userId, UUID itemId) {
        rowLevelSecurity.actAs(entityManager, userId);
        return entityManager.createNamedQuery(PlaidItem.BY_ID_AND_OWNER, PlaidItem.class)
                .setParameter("id", itemId).setParameter("userId", userId)
                .getResultStream().findFirst()
                .orElseThrow(() -> FinAgentException.notFound("Linked item", itemId));
    }

    public PlaidItem create(PlaidItem item) {
        rowLevelSecurity.actAs(entityManager, item.getUserId());
        entityManager.persist(item);
        entityManager.flush();
        return item;
    }

    public void delete(UUID userId, UUID itemId) {
        PlaidItem item = get(userId, itemId);
        // Portfolio accounts linked to the item stay (with their manual positions) but stop mirroring it.
        entityManager.createNativeQuery("DELETE FROM positions WHERE plaid_security_id IS NOT NULL"
                + " AND account_id IN (SELECT id FROM accounts WHERE plaid_item_id = ?1)")
                .setParameter(1, item.getPlaidItemId()).executeUpdate();
        entityManager.createNativeQuery("UPDATE accounts SET is_active = FALSE, updated_at = NOW()"
                + " WHERE plaid_item_id = ?1").setParameter(1, item.getPlaidItemId()).executeUpdate();
        entityManager.remove(item);
    }

    public List<PlaidAccount> accounts(UUID userId) {
        rowLevelSecurity.actAs(entityManager, userId);
        return entityManager.createQuery("SELECT a FROM PlaidAccount a, PlaidItem i WHERE a.plaidItemId = i.plaidItemId"
                        + " AND i.userId = :userId ORDER BY i.createdAt, a.accountName", PlaidAccount.class)
                .setParameter("userId", userId).getResultList();
    }

    /** The caller's account with this Plaid account id, or not found. */
    public PlaidAccount account(UUID userId, String plaidAccountId) {
        return accounts(userId).stream().filter(a -> a.getPlaidAccountId().equals(plaidAccountId)).findFirst()
                .orElseThrow(() -> FinAgentException.notFound("Linked account", plaidAccountId));
    }

    public TransactionPage transactions(UUID userId, String plaidAccountId, LocalDate from, LocalDate to, int page,
                                        int size) {
        if (plaidAccountId != null) {
            account(userId, plaidAccountId);
        }
        rowLevelSecurity.actAs(entityManager, userId);
        String where = " FROM PlaidTransaction t, PlaidAccount a, PlaidItem i WHERE t.plaidAccountId = a.plaidAccountId"
                + " AND a.plaidItemId = i.plaidItemId AND i.userId = :userId"
                + (plaidAccountId != null ? " AND t.plaidAccountId = :accountId" : "")
                + (from != null ? " AND t.date >= :from" : "")
                + (to != null ? " AND t.date <= :to" : "");
        TypedQuery<PlaidTransaction> rows = entityManager.createQuery("SELECT t" + where
                + " ORDER BY t.date DESC, t.plaidTransactionId", PlaidTransaction.class);
        TypedQuery<Long> count = entityManager.createQuery("SELECT COUNT(t)" + where, Long.class);
        for (TypedQuery<?> query : List.of(rows, count)) {
            query.setParameter("userId", userId);
            if (plaidAccountId != null) {
                query.setParameter("accountId", plaidAccountId);
            }
            if (from != null) {
                query.setParameter("from", from);
            }
            if (to != null) {
                query.setParameter("to", to);
            }
        }
        List<PlaidTransaction> transactions = rows.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new TransactionPage(transactions, page, size, count.getSingleResult());
    }

    public List<PlaidHolding> holdings(UUID userId) {
        rowLevelSecurity.actAs(entityManager, userId);
        return entityManager.createQuery("SELECT h FROM PlaidHolding h, PlaidAccount a, PlaidItem i"
                        + " WHERE h.plaidAccountId = a.plaidAccountId AND a.plaidItemId = i.plaidItemId"
                        + " AND i.userId = :userId ORDER BY h.value DESC", PlaidHolding.class)
                .setParameter("userId", userId).getResultList();
    }
}
