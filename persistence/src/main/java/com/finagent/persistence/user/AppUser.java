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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** A person who signs in: a local account (password hash) or an SSO identity (external subject). */
@Entity
@Table(name = "app_users")
@NamedQuery(name = AppUser.BY_EMAIL, query = "SELECT u FROM AppUser u WHERE u.email = :email")
public class AppUser {

    public static final String BY_EMAIL = "AppUser.byEmail";
    public static final String ROLE_USER = "user";
    public static final String ROLE_PARTNER = "partner";

    @Id
    private UUID id;

    @NotBlank
    @Email
    @Size(max = 254)
    @Column(nullable = false, unique = true)
    private String email;

    @Size(max = 100)
    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "external_subject", unique = true)
    private String externalSubject;

    @NotEmpty
    @Convert(converter = TextArrayConverter.class)
    @Column(nullable = false, columnDefinition = "TEXT[]")
    private List<String> roles;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

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

    public String getExternalSubject() {
        return externalSubject;
    }

    public List<String> getRoles() {
        return roles;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
