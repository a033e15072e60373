package com.finagent.persistence.user;

import com.finagent.persistence.support.TextArrayConverter;
import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A person who signs in: with a local password, with single sign-on identities ({@link UserIdentity}), or both.
 * An e-mail names at most one local account; accounts provisioned by single sign-on may share it.
 */
@Entity
@Table(name = "app_users")
@NamedQuery(name = AppUser.BY_EMAIL,
        query = "SELECT u FROM AppUser u WHERE u.email = :email AND u.passwordHash IS NOT NULL")
@NamedQuery(name = AppUser.ALL, query = "SELECT u FROM AppUser u ORDER BY u.createdAt DESC, u.id")
@NamedQuery(name = AppUser.COUNT, query = "SELECT COUNT(u) FROM AppUser u")
public class AppUser {

    /** The local account of an e-mail: the one that signs in with it and a password. */
    public static final String BY_EMAIL = "AppUser.byEmail";
    public static final String ALL = "AppUser.all";
    public static final String COUNT = "AppUser.count";
    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_PARTNER = "partner";

    @Id
    private UUID id;

    @NotBlank
    @Email
    @Size(max = 254)
    @Column(nullable = false)
    private String email;

    @Size(max = 100)
    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @NotEmpty
    @Convert(converter = TextArrayConverter.class)
    @Column(nullable = false, columnDefinition = "TEXT[]")
    private List<String> roles;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "disabled_at")
    private OffsetDateTime disabledAt;

    protected AppUser() {
    }

    public static AppUser local(String email, String displayName, String passwordHash) {
        AppUser user = new AppUser();
        user.id = UUID.randomUUID();
        user.email = normaliseEmail(email);
        user.displayName = displayName;
        user.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        user.roles = List.of(ROLE_USER);
        user.createdAt = Timestamps.now();
        return user;
    }

    /** An account created at a first single sign-on, without a password. */
    public static AppUser provisioned(String email, String displayName, List<String> roles) {
        AppUser user = new AppUser();
        user.id = UUID.randomUUID();
        user.email = normaliseEmail(email);
        user.displayName = displayName;
        user.roles = List.copyOf(roles);
        user.createdAt = Timestamps.now();
        return user;
    }

    /**
     * The account that owns what a partner client creates. Its password hash is of a random value nobody
     * keeps, so no one signs in to it; its role is {@value #ROLE_PARTNER}, not {@value #ROLE_USER}.
     */
    public static AppUser partnerAccount(String email, String displayName, String unusablePasswordHash) {
        AppUser account = local(email, displayName, unusablePasswordHash);
        account.roles = List.of(ROLE_PARTNER);
        return account;
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isLocal() {
        return passwordHash != null;
    }

    /** Copies what the identity provider says about the person at each single sign-on. */
    public void updateFromProvider(String email, String displayName, List<String> roles) {
        this.email = normaliseEmail(email);
        this.displayName = displayName;
        this.roles = List.copyOf(roles);
    }

    public List<String> getRoles() {
        return roles;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** When an admin disabled the account, or {@code null} while it is enabled. */
    public OffsetDateTime getDisabledAt() {
        return disabledAt;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public void disable() {
        if (disabledAt == null) {
            disabledAt = Timestamps.now();
        }
    }

    public void enable() {
        disabledAt = null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Adds {@code role} if the account lacks it. */
    public void grantRole(String role) {
        if (!roles.contains(role)) {
            List<String> granted = new ArrayList<>(roles);
            granted.add(role);
            roles = List.copyOf(granted);
        }
    }
}
