package com.finagent.persistence.portfolio;

import com.finagent.persistence.support.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Objects;
import java.util.UUID;

/** A user's named collection of accounts. Other aggregates refer to it, and it to its owner, by id. */
@Entity
@Table(name = "portfolios")
@NamedQuery(name = Portfolio.OWNED_BY,
        query = "SELECT p FROM Portfolio p WHERE p.userId = :userId ORDER BY p.createdAt, p.id")
@NamedQuery(name = Portfolio.BY_ID_AND_OWNER,
        query = "SELECT p FROM Portfolio p WHERE p.id = :id AND p.userId = :userId")
public class Portfolio extends Timestamped {

    public static final String OWNED_BY = "Portfolio.ownedBy";
    public static final String BY_ID_AND_OWNER = "Portfolio.byIdAndOwner";

    @Id
    private UUID id;

    @NotNull
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @NotBlank
    @Size(min = 1, max = 100)
    @Column(nullable = false)
    private String name;

    @Size(max = 2000)
    private String description;

    protected Portfolio() {
    }

    public Portfolio(UUID userId, String name, String description) {
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId, "userId");
        rename(name, description);
    }

    public void rename(String name, String description) {
        this.name = Objects.requireNonNull(name, "name").strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }
}
