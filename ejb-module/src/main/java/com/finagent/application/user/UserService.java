package com.finagent.application.user;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FieldError;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.security.AccessToken;
import com.finagent.application.security.PasswordPolicy;
import com.finagent.application.security.TokenIssuer;
import com.finagent.persistence.user.AppUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Local accounts: registration, sign-in, and looking up the signed-in user (local or single sign-on). */
@Stateless
public class UserService {

    @PersistenceContext(unitName = "finagent")
    private EntityManager entityManager;

    @Inject
    private PasswordPolicy passwordPolicy;

    @Inject
    private TokenIssuer tokenIssuer;

    public AppUser register(String email, String password, String displayName) {
        String normalised = AppUser.normaliseEmail(email);
        if (findByEmail(normalised).isPresent()) {
            throw new FinAgentException(ErrorType.VALIDATION, 409, "An account with this e-mail already exists",
                    List.of(new FieldError("email", "is already registered")), null);
        }
        String name = displayName == null || displayName.isBlank() ? normalised : displayName.strip();
        AppUser user = AppUser.local(normalised, name, passwordPolicy.hash(password));
        entityManager.persist(user);
        return user;
    }

    public AccessToken signIn(String email, String password) {
        Optional<AppUser> user = findByEmail(AppUser.normaliseEmail(email));
        String storedHash = user.map(AppUser::getPasswordHash).orElse(null);
        if (!passwordPolicy.matches(password, storedHash)) {
            throw new FinAgentException(ErrorType.AUTHENTICATION, "E-mail or password is wrong");
        }
        return tokenIssuer.issue(user.orElseThrow());
    }

    public AppUser get(UUID id) {
        AppUser user = entityManager.find(AppUser.class, id);
        if (user == null) {
            throw new FinAgentException(ErrorType.AUTHENTICATION, "The account of this token no longer exists");
        }
        return user;
    }

    private Optional<AppUser> findByEmail(String email) {
        return entityManager.createNamedQuery(AppUser.BY_EMAIL, AppUser.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }
}
