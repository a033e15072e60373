package com.finagent.application.admin;

import com.finagent.application.audit.Actor;
import com.finagent.application.audit.AuditActions;
import com.finagent.application.audit.AuditEvent;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.Outcome;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.user.AccountStatus;
import com.finagent.persistence.user.AppUser;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/** What admins do to accounts: list them, disable and enable them. Every change is audited. */
@Stateless
public class AdminService {

    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "finagent")
    private EntityManager entityManager;

    @Inject
    private AccountStatus accountStatus;

    @EJB
    private AuditLog audit;

    public UserPage users(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw FinAgentException.invalidField("size", "page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        return new UserPage(entityManager.createNamedQuery(AppUser.ALL, AppUser.class)
                .setFirstResult((int) Math.min(Integer.MAX_VALUE, (long) page * size)).setMaxResults(size)
                .getResultList(), page, size, entityManager.createNamedQuery(AppUser.COUNT, Long.class).getSingleResult());
    }

    /**
     * Disables or enables {@code userId}'s account. A disabled account cannot sign in and its tokens are refused
     * from the next request on; an admin cannot disable their own account (so one admin always remains).
     */
    public AppUser setDisabled(UUID adminId, UUID userId, boolean disabled) {
        AppUser user = entityManager.find(AppUser.class, userId);
        if (user == null) {
            throw FinAgentException.notFound("User", userId);
        }
        String action = disabled ? AuditActions.USER_DISABLED : AuditActions.USER_ENABLED;
        if (disabled && adminId.equals(userId)) {
            audit.record(new AuditEvent(Actor.user(adminId), action, Outcome.DENIED, userId, userId.toString(),
                    "an admin cannot disable their own account", null));
            throw new FinAgentException(ErrorType.CONFLICT, "You cannot disable your own account");
        }
        if (disabled) {
            user.disable();
        } else {
            user.enable();
        }
        entityManager.flush();
        accountStatus.changed(user);
        audit.record(new AuditEvent(Actor.user(adminId), action, Outcome.SUCCESS, userId, userId.toString(),
                user.getEmail(), null));
        return user;
    }
}
