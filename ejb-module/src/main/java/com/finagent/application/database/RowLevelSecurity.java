package com.finagent.application.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Sets {@code app.user_id} for the current database transaction, which the row-level security policies
 * read. Call it first in every transaction that touches user-owned tables: the setting is transaction-local
 * ({@code set_config(..., true)}), so it cannot leak to the next user of the pooled connection.
 */
@ApplicationScoped
public class RowLevelSecurity {

    public void actAs(EntityManager entityManager, UUID userId) {
        entityManager.createNativeQuery("SELECT set_config('app.user_id', ?1, true)")
                .setParameter(1, userId.toString())
                .getSingleResult();
    }
}
