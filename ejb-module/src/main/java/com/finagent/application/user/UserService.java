package com.finagent.application.user;

import com.finagent.application.audit.Actor;
import com.finagent.application.audit.AuditActions;
import com.finagent.application.audit.AuditEvent;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.Outcome;
import com.finagent.application.audit.RequestOrigin;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FieldError;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.ratelimit.RateLimitExceededException;
import com.finagent.application.ratelimit.SignInGuard;
import com.finagent.application.security.AccessToken;
import com.finagent.application.security.PasswordPolicy;
import com.finagent.application.security.PasswordStrength;
import com.finagent.application.security.TokenIssuer;
import com.finagent.persistence.support.UniqueViolation;
import com.finagent.persistence.user.AppUser;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Local accounts: registration (which signs the new user in), sign-in, and looking up the signed-in user (local or
 * single sign-on).
 * Both are rate-limited per client address and sign-in also per account, failed sign-ins lock an account for a
 * while, and every outcome is audited; none of it answers differently for an e-mail that has no account.
 */
@Stateless
public class UserService {

    static final String WRONG_CREDENTIALS = "E-mail or password is wrong";

    @PersistenceContext(unitName = "finagent")
    private EntityManager entityManager;

    @Inject
    private PasswordPolicy passwordPolicy;

    @Inject
    private PasswordStrength passwordStrength;

    @Inject
    private TokenIssuer tokenIssuer;

    @Inject
    private SignInGuard guard;

    @Inject
    private AdminEmails adminEmails;

    @Inject
    private Instance<RequestOrigin> origin;

    @EJB
    private AuditLog audit;

    /** Creates a local account and signs its owner in. */
    public Registration register(String email, String password, String displayName) {
        String normalised = AppUser.normaliseEmail(email);
        guardRegistration(normalised);
        String name = displayName == null || displayName.isBlank() ? normalised : displayName.strip();
        passwordStrength.check(password, userInputs(normalised, name));
        if (findByEmail(normalised).isPresent()) {
            throw alreadyRegistered(normalised);
        }
        AppUser user = AppUser.local(normalised, name, passwordPolicy.hash(password));
        if (adminEmails.isAdmin(normalised)) {
            user.grantRole(AppUser.ROLE_ADMIN);
        }
        try {
            entityManager.persist(user);
            // Flushed here so that a concurrent registration of the same e-mail, which also found it free, meets the
            // unique constraint inside this method and is answered 409, not 500 at commit.
            entityManager.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.causedBy(e)) {
                throw alreadyRegistered(normalised);
            }
            throw e;
        }
        audit.record(AuditEvent.byUser(user.getId(), AuditActions.REGISTERED, Outcome.SUCCESS, normalised,
                user.hasRole(AppUser.ROLE_ADMIN) ? "admin by configuration" : null));
        return new Registration(user, issue(user, "registration"));
    }

    private FinAgentException alreadyRegistered(String normalised) {
        audit.record(new AuditEvent(Actor.anonymous(), AuditActions.REGISTERED, Outcome.FAILURE, null,
                normalised, "the e-mail is already registered", null));
        return new FinAgentException(ErrorType.VALIDATION, 409, "An account with this e-mail already exists",
                List.of(new FieldError("email", "is already registered")), null);
    }

    /**
     * A token for the account with {@code email} and {@code password}. Unknown e-mails and wrong passwords get the
     * same answer after the same work; a disabled account is refused only after a correct password.
     */
    public AccessToken signIn(String email, String password) {
        String normalised = AppUser.normaliseEmail(email);
        guardSignIn(normalised);
        Optional<AppUser> user = findByEmail(normalised);
        String storedHash = user.map(AppUser::getPasswordHash).orElse(null);
        if (!passwordPolicy.matches(password, storedHash)) {
            guard.failed(normalised);
            audit.record(new AuditEvent(Actor.anonymous(), AuditActions.SIGN_IN, Outcome.FAILURE,
                    user.map(AppUser::getId).orElse(null), normalised, "wrong e-mail or password", null));
            throw new FinAgentException(ErrorType.AUTHENTICATION, WRONG_CREDENTIALS);
        }
        guard.succeeded(normalised);
        AppUser account = user.orElseThrow();
        if (account.isDisabled()) {
            audit.record(AuditEvent.byUser(account.getId(), AuditActions.SIGN_IN, Outcome.DENIED, normalised,
                    "the account is disabled"));
            throw new FinAgentException(ErrorType.AUTHORIZATION, "This account is disabled; ask an administrator");
        }
        if (adminEmails.isAdmin(normalised) && !account.hasRole(AppUser.ROLE_ADMIN)) {
            account.grantRole(AppUser.ROLE_ADMIN);
            audit.record(new AuditEvent(Actor.system(), AuditActions.ADMIN_GRANTED, Outcome.SUCCESS,
                    account.getId(), normalised, "admin by configuration", null));
        }
        audit.record(AuditEvent.byUser(account.getId(), AuditActions.SIGN_IN, Outcome.SUCCESS, normalised, null));
        return issue(account, "sign-in");
    }

    public AppUser get(UUID id) {
        AppUser user = entityManager.find(AppUser.class, id);
        if (user == null) {
            throw new FinAgentException(ErrorType.AUTHENTICATION, "The account of this token no longer exists");
        }
        return user;
    }

    private AccessToken issue(AppUser user, String why) {
        AccessToken token = tokenIssuer.issue(user);
        audit.record(AuditEvent.byUser(user.getId(), AuditActions.TOKEN_ISSUED, Outcome.SUCCESS, null,
                "bearer token after " + why + ", valid " + token.expiresIn() + " s"));
        return token;
    }

    private void guardSignIn(String email) {
        try {
            guard.beforeSignIn(email, clientAddress());
        } catch (RateLimitExceededException refused) {
            if (!guard.firstRefusalThisMinute(email, clientAddress())) {
                throw refused;
            }
            audit.record(new AuditEvent(Actor.anonymous(), AuditActions.SIGN_IN, Outcome.DENIED,
                    findByEmail(email).map(AppUser::getId).orElse(null), email,
                    refused.getMessage() + " (recorded once a minute per address and e-mail)", null));
            throw refused;
        }
    }

    private void guardRegistration(String email) {
        try {
            guard.beforeRegistration(clientAddress());
        } catch (RateLimitExceededException refused) {
            if (!guard.firstRefusalThisMinute(email, clientAddress())) {
                throw refused;
            }
            audit.record(new AuditEvent(Actor.anonymous(), AuditActions.REGISTERED, Outcome.DENIED, null, email,
                    refused.getMessage() + " (recorded once a minute per address and e-mail)", null));
            throw refused;
        }
    }

    private String clientAddress() {
        try {
            return origin.isResolvable() ? origin.get().clientAddress() : null;
        } catch (ContextNotActiveException notInARequest) {
            return null;
        }
    }

    /** What a guesser would try first: the e-mail, its parts, and the name. */
    private static List<String> userInputs(String email, String name) {
        List<String> inputs = new ArrayList<>(List.of(email, name));
        inputs.addAll(Arrays.asList(email.split("@", 2)));
        return inputs;
    }

    private Optional<AppUser> findByEmail(String email) {
        return entityManager.createNamedQuery(AppUser.BY_EMAIL, AppUser.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }
}
