package com.finagent.application.portfolio;

import com.finagent.application.audit.AuditActions;
import com.finagent.application.audit.AuditEvent;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.Outcome;
import com.finagent.application.database.RowLevelSecurity;
import com.finagent.application.error.FinAgentException;
import com.finagent.persistence.portfolio.Portfolio;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * A user's portfolios. Every method takes the caller's id and looks rows up by id and owner, so another
 * user's portfolio is indistinguishable from one that does not exist; row-level security backs this up.
 */
@Stateless
public class PortfolioService {

    @PersistenceContext(unitName = "finagent")
    private EntityManager entityManager;

    @Inject
    private RowLevelSecurity rowLevelSecurity;

    @EJB
    AuditLog audit;

    public List<Portfolio> list(UUID ownerId) {
        rowLevelSecurity.actAs(entityManager, ownerId);
        return entityManager.createNamedQuery(Portfolio.OWNED_BY, Portfolio.class)
                .setParameter("userId", ownerId)
                .getResultList();
    }

    public Portfolio create(UUID ownerId, String name, String description) {
        rowLevelSecurity.actAs(entityManager, ownerId);
        Portfolio portfolio = new Portfolio(ownerId, name, description);
        entityManager.persist(portfolio);
        entityManager.flush();
        return portfolio;
    }

    public Portfolio get(UUID ownerId, UUID portfolioId) {
        rowLevelSecurity.actAs(entityManager, ownerId);
        return entityManager.createNamedQuery(Portfolio.BY_ID_AND_OWNER, Portfolio.class)
                .setParameter("id", portfolioId)
                .setParameter("userId", ownerId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> FinAgentException.notFound("Portfolio", portfolioId));
    }

    public Portfolio update(UUID ownerId, UUID portfolioId, String name, String description) {
        Portfolio portfolio = get(ownerId, portfolioId);
        portfolio.rename(name, description);
        entityManager.flush();
        return portfolio;
    }

    public void delete(UUID ownerId, UUID portfolioId) {
        Portfolio portfolio = get(ownerId, portfolioId);
        entityManager.remove(portfolio);
        entityManager.flush();
        audit.record(AuditEvent.byUser(ownerId, AuditActions.PORTFOLIO_DELETED, Outcome.SUCCESS,
                portfolioId.toString(), "portfolio with its accounts and positions"));
    }
}
