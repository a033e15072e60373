package com.finagent.application.user;

import com.finagent.persistence.user.AppUser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Whether an account may use its tokens, checked on every authenticated request. Answers come from JCache
 * (Payara's Hazelcast, shared by the cluster) and fall back to one primary-key read; disabling or enabling an
 * account writes the cache at once, so every instance refuses a disabled account's next request. The entries
 * expire after a minute only to pick up changes made in the database directly.
 */
@ApplicationScoped
public class AccountStatus {

    static final String CACHE_NAME = "finagent-account-active";

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    @Inject
    CacheManager manager;

    private Cache<String, Boolean> active;

    @PostConstruct
    void open() {
        Cache<String, Boolean> existing = manager.getCache(CACHE_NAME, String.class, Boolean.class);
        if (existing != null) {
            active = existing;
            return;
        }
        try {
            active = manager.createCache(CACHE_NAME, new MutableConfiguration<String, Boolean>()
                    .setTypes(String.class, Boolean.class)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 60)))
                    .setStatisticsEnabled(false));
        } catch (CacheException createdMeanwhile) {
            active = manager.getCache(CACHE_NAME, String.class, Boolean.class);
        }
    }

    /** Whether the account exists and is not disabled. */
    public boolean isActive(UUID userId) {
        String key = userId.toString();
        Boolean known = active.get(key);
        if (known != null) {
            return known;
        }
        List<OffsetDateTime> disabledAt = entityManager.createQuery(
                        "SELECT u.disabledAt FROM AppUser u WHERE u.id = :id", OffsetDateTime.class)
                .setParameter("id", userId).getResultList();
        boolean answer = !disabledAt.isEmpty() && disabledAt.get(0) == null;
        active.put(key, answer);
        return answer;
    }

    /** Records a change an admin made, for every instance at once. */
    public void changed(AppUser user) {
        active.put(user.getId().toString(), !user.isDisabled());
    }
}
