package com.finagent.persistence.user;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * An account's identity at an OpenID Connect provider: the provider's issuer and the subject it gives the person.
 * Only that pair identifies a person across sign-ins; the e-mail is a copy for display.
 */
@Entity
@Table(name = "user_identities")
@NamedQuery(name = UserIdentity.OF_USER, query = "SELECT i FROM UserIdentity i WHERE i.userId = :userId")
public class UserIdentity {

    /** The identities of one account. */
    public static final String OF_USER = "UserIdentity.ofUser";

    @EmbeddedId
    private Key key;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "email")
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private OffsetDateTime lastSeenAt;

    protected UserIdentity() {
    }

    public UserIdentity(Key key, UUID userId, String email) {
        this.key = Objects.requireNonNull(key, "key");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.email = AppUser.normaliseEmail(email);
        this.createdAt = Timestamps.now();
        this.lastSeenAt = createdAt;
    }

    public Key getKey() {
        return key;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getEmail() {
        return email;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastSeenAt() {
        return lastSeenAt;
    }

    /** Records a sign-in with this identity and the e-mail the provider gave this time. */
    public void seen(String currentEmail) {
        this.email = AppUser.normaliseEmail(currentEmail);
        this.lastSeenAt = Timestamps.now();
    }

    /** Moves the identity to another account, when its owner links it to their local account. */
    public void moveTo(UUID otherUserId) {
        this.userId = Objects.requireNonNull(otherUserId, "otherUserId");
    }

    /** Issuer and subject, the identity's primary key. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "issuer", nullable = false)
        private String issuer;

        @Column(name = "subject", nullable = false)
        private String subject;

        protected Key() {
        }

        public Key(String issuer, String subject) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            this.subject = Objects.requireNonNull(subject, "subject");
        }

        public String getIssuer() {
            return issuer;
        }

        public String getSubject() {
            return subject;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && issuer.equals(key.issuer) && subject.equals(key.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(issuer, subject);
        }
    }
}
