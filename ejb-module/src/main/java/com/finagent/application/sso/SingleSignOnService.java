package com.finagent.application.sso;

import com.finagent.application.audit.Actor;
import com.finagent.application.audit.AuditActions;
import com.finagent.application.audit.AuditEvent;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.Outcome;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.security.AccessToken;
import com.finagent.application.security.PasswordPolicy;
import com.finagent.application.security.TokenIssuer;
import com.finagent.persistence.user.AppUser;
import com.finagent.persistence.user.UserIdentity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts of people who sign in through the OpenID Connect provider: provisioned just in time at the first
 * sign-in or the first API call with the provider's token, kept up to date from the provider at each later one,
 * and linked to a local account only when the person proves they own it. Sign-ins, tokens and links are audited.
 */
@Stateless
public class SingleSignOnService {

    @PersistenceContext(unitName = "finagent")
    private EntityManager entityManager;

    @Inject
    private SingleSignOnSettings settings;

    @Inject
    private ProviderTokenVerifier verifier;

    @Inject
    private SignInCodes codes;

    @Inject
    private TokenIssuer tokenIssuer;

    @Inject
    private PasswordPolicy passwordPolicy;

    @Inject
    private AuditLog audit;

    /** The account of the person a provider's token names, provisioned on first use; empty if the token is not valid. */
    public Optional<AppUser> accountOf(String providerToken) {
        return verifier.verify(providerToken).map(this::signIn);
    }

    /**
     * After the provider's callback: the account of the person the ID token names, and a one-time code the single-page
     * app exchanges for our access token (a code rather than the token itself, so no token travels in a URL).
     */
    public String signInCode(String idToken) {
        Optional<AppUser> account = accountOf(idToken);
        if (account.isEmpty()) {
            audit.record(new AuditEvent(Actor.anonymous(), AuditActions.SIGN_IN, Outcome.FAILURE, null, null,
                    "single sign-on: the provider's ID token was not accepted", null));
            throw new FinAgentException(ErrorType.AUTHENTICATION, "The identity provider's token was not accepted");
        }
        AppUser user = account.get();
        if (user.isDisabled()) {
            audit.record(AuditEvent.byUser(user.getId(), AuditActions.SIGN_IN, Outcome.DENIED, user.getEmail(),
                    "single sign-on: the account is disabled"));
            throw new FinAgentException(ErrorType.AUTHENTICATION, "This account is disabled");
        }
        audit.record(AuditEvent.byUser(user.getId(), AuditActions.SIGN_IN, Outcome.SUCCESS, user.getEmail(),
                "single sign-on"));
        return codes.issue(user.getId());
    }

    /** Exchanges a one-time sign-in code for our access token; a used, expired or unknown code is refused. */
    public AccessToken exchange(String code) {
        UUID userId = codes.redeem(code).orElseThrow(() -> new FinAgentException(ErrorType.AUTHENTICATION,
                "The sign-in code is unknown, used or expired; sign in again"));
        AppUser user = entityManager.find(AppUser.class, userId);
        if (user == null || user.isDisabled()) {
            throw new FinAgentException(ErrorType.AUTHENTICATION, "The account of this sign-in no longer exists or is disabled");
        }
        audit.record(AuditEvent.byUser(user.getId(), AuditActions.TOKEN_ISSUED, Outcome.SUCCESS, null,
                "single sign-on code exchanged"));
        return tokenIssuer.issue(user);
    }

    /**
     * Links the caller's single sign-on identities to the local account whose e-mail and password they give: from then
     * on signing in either way reaches the local account. The account that single sign-on provisioned goes away (it
     * holds nothing but what the person did before linking, which they chose to give up by linking).
     *
     * @return a token for the local account, which the caller uses from now on
     */
    public AccessToken link(UUID callerId, String email, String password) {
        AppUser caller = entityManager.find(AppUser.class, callerId);
        List<UserIdentity> identities = entityManager.createNamedQuery(UserIdentity.OF_USER, UserIdentity.class)
                .setParameter("userId", callerId).getResultList();
        if (caller == null || identities.isEmpty()) {
            throw new FinAgentException(ErrorType.CONFLICT,
                    "Sign in with single sign-on first; this account has no identity to link");
        }
        Optional<AppUser> local = entityManager.createNamedQuery(AppUser.BY_EMAIL, AppUser.class)
                .setParameter("email", AppUser.normaliseEmail(email)).getResultStream().findFirst();
        if (!passwordPolicy.matches(password, local.map(AppUser::getPasswordHash).orElse(null))) {
            audit.record(AuditEvent.byUser(callerId, AuditActions.IDENTITY_LINKED, Outcome.FAILURE, null,
                    "wrong e-mail or password for the local account"));
            throw new FinAgentException(ErrorType.AUTHENTICATION, "E-mail or password is wrong");
        }
        AppUser target = local.orElseThrow();
        if (target.getId().equals(callerId)) {
            throw new FinAgentException(ErrorType.CONFLICT, "This single sign-on identity is already linked to that account");
        }
        identities.forEach(identity -> identity.moveTo(target.getId()));
        entityManager.flush();
        if (!caller.isLocal()) {
            entityManager.remove(caller);
        }
        audit.record(AuditEvent.byUser(target.getId(), AuditActions.IDENTITY_LINKED, Outcome.SUCCESS,
                target.getEmail(), "single sign-on identities linked to this local account"));
        return tokenIssuer.issue(target);
    }

    /**
     * The account of a verified identity. The identity is inserted with ON CONFLICT DO NOTHING, so that parallel first
     * requests with one new token (a browser loads several views at once) end in one account, not an error.
     */
    AppUser signIn(ProviderIdentity identity) {
        List<String> roles = ourRoles(identity.roles());
        UserIdentity.Key key = new UserIdentity.Key(identity.issuer(), identity.subject());
        UserIdentity known = entityManager.find(UserIdentity.class, key);
        if (known == null) {
            AppUser created = AppUser.provisioned(emailOrPlaceholder(identity), displayName(identity), roles);
            entityManager.persist(created);
            entityManager.flush();
            int inserted = entityManager.createNativeQuery("INSERT INTO user_identities (issuer, subject, user_id, email)"
                            + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (issuer, subject) DO NOTHING")
                    .setParameter(1, identity.issuer()).setParameter(2, identity.subject())
                    .setParameter(3, created.getId()).setParameter(4, AppUser.normaliseEmail(identity.email()))
                    .executeUpdate();
            if (inserted == 1) {
                return created;
            }
            entityManager.remove(created);
            known = entityManager.find(UserIdentity.class, key);
        }
        known.seen(identity.email());
        AppUser user = entityManager.find(AppUser.class, known.getUserId());
        // A linked local account keeps the e-mail it signs in with; the provider governs name and roles.
        user.updateFromProvider(user.isLocal() ? user.getEmail() : emailOrPlaceholder(identity),
                user.isLocal() ? user.getDisplayName() : displayName(identity), roles);
        return user;
    }

    /** Everyone is a user; the provider's configured groups or roles make an admin. */
    private List<String> ourRoles(List<String> providerRoles) {
        List<String> roles = new ArrayList<>(List.of(AppUser.ROLE_USER));
        if (providerRoles.stream().anyMatch(settings.adminRoles()::contains)) {
            roles.add(AppUser.ROLE_ADMIN);
        }
        return roles;
    }

    /** Some providers give no e-mail (Entra ID without the optional claim); the account still needs one to show. */
    private static String emailOrPlaceholder(ProviderIdentity identity) {
        String email = identity.email();
        return email != null && !email.isBlank() ? email
                : identity.subject().replaceAll("[^A-Za-z0-9._-]", "_") + "@users.invalid";
    }

    private static String displayName(ProviderIdentity identity) {
        String name = identity.name() != null && !identity.name().isBlank() ? identity.name() : identity.email();
        return name == null ? null : name.length() > 100 ? name.substring(0, 100) : name;
    }
}
