package com.finagent.application.plaid;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which items exist and whose they are, for work that runs for no signed-in user (the scheduled sync, Plaid's
 * webhooks). It reads only ids and owners, under the {@code app.scheduler} row-level security policy; the sync
 * itself then runs as the owner.
 */
@Stateless
public class PlaidItemDirectory {

    public record ItemRef(UUID itemId, UUID userId) {
    }

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    /** Items that are not waiting for their user (status error), oldest sync first. */
    public List<ItemRef> syncable() {
        asScheduler();
        List<?> rows = entityManager.createNativeQuery("SELECT id, user_id FROM plaid_items WHERE status <> 'error'"
                + " ORDER BY last_synced_at NULLS FIRST").getResultList();
        return rows.stream().map(row -> (Object[]) row).map(PlaidItemDirectory::ref).toList();
    }

    public Optional<ItemRef> byPlaidItemId(String plaidItemId) {
        asScheduler();
        List<?> rows = entityManager.createNativeQuery("SELECT id, user_id FROM plaid_items WHERE plaid_item_id = ?1")
                .setParameter(1, plaidItemId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(PlaidItemDirectory::ref).findFirst();
    }

    private void asScheduler() {
        entityManager.createNativeQuery("SELECT set_config('app.scheduler', 'on', true)").getSingleResult();
    }

    private static ItemRef ref(Object[] row) {
        return new ItemRef(uuid(row[0]), uuid(row[1]));
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
