package com.finagent.plaid.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The sandbox's items, found by id or access token. With a journal, every change to them is appended to it and
 * replayed at start, so the access tokens and sync cursors an application stored keep working after a restart.
 * Sends no webhooks: saying that an item changed is the caller's part.
 */
final class SandboxItems {

    private final long seed;
    private final Clock clock;
    private final SandboxJournal journal;
    private final Map<String, SandboxItem> itemsById = new ConcurrentHashMap<>();
    private final Map<String, SandboxItem> itemsByToken = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> itemsPerLogin = new ConcurrentHashMap<>();

    /** Replays {@code journal} if there is one; null keeps the items in memory only. */
    SandboxItems(long seed, Clock clock, Path journal) throws IOException {
        this.seed = seed;
        this.clock = clock;
        this.journal = journal == null ? null : SandboxJournal.open(journal, new JournalReplay());
    }

    /** The item with this id; an unknown id is the caller's mistake, an {@link IllegalArgumentException}. */
    SandboxItem item(String itemId) {
        SandboxItem item = itemsById.get(Objects.requireNonNull(itemId, "itemId"));
        if (item == null) {
            throw new IllegalArgumentException("unknown item " + itemId);
        }
        return item;
    }

    /** The item, or null when no item has this access token. */
    SandboxItem byAccessToken(String accessToken) {
        return itemsByToken.get(accessToken);
    }

    /** Ids of all items created so far, removed ones included. */
    Set<String> ids() {
        return new TreeSet<>(itemsById.keySet());
    }

    /** A new item; its data is seeded by the sandbox seed and how many items this login already made. */
    SandboxItem create(String institutionId, String username, List<String> products, String webhook,
                       LocalDate start, LocalDate end, int transactionCount) {
        int ordinal = itemsPerLogin.computeIfAbsent(institutionId + "/" + username, key -> new AtomicInteger())
                .getAndIncrement();
        long itemSeed = seed * 0x9E3779B97F4A7C15L + (institutionId + "/" + username + "/" + ordinal).hashCode();
        SandboxItem.Spec spec = new SandboxItem.Spec(Ids.secureBase62(37), Ids.token("access"), institutionId,
                username, List.copyOf(products), webhook, itemSeed, start, end, transactionCount,
                clock.instant());
        SandboxItem item = register(spec);
        if (journal != null) {
            journal.created(spec);
        }
        return item;
    }

    private SandboxItem register(SandboxItem.Spec spec) {
        SandboxItem item = new SandboxItem(spec);
        itemsById.put(spec.itemId(), item);
        itemsByToken.put(spec.accessToken(), item);
        return item;
    }

    void billed(SandboxItem item, String product) {
        if (!item.billedProducts().contains(product)) {
            item.bill(product);
            if (journal != null) {
                journal.billed(item.itemId(), product);
            }
        }
    }

    void changeWebhook(SandboxItem item, String url) {
        item.webhook(url);
        if (journal != null) {
            journal.webhook(item.itemId(), url);
        }
    }

    void changeLogin(SandboxItem item, boolean required) {
        item.loginRequired(required);
        if (journal != null) {
            journal.loginRequired(item.itemId(), required);
        }
    }

    void remove(SandboxItem item) {
        item.remove();
        if (journal != null) {
            journal.removed(item.itemId());
        }
    }

    List<SandboxTransaction> addNew(SandboxItem item, Function<SplittableRandom, List<SandboxTransaction>> maker) {
        Instant now = clock.instant();
        List<SandboxTransaction> created = item.addNew(maker, now);
        if (journal != null) {
            journal.added(item.itemId(), created, now);
        }
        return created;
    }

    void modify(SandboxItem item, Map<String, Long> cents) {
        Instant now = clock.instant();
        item.modify(cents, now);
        if (journal != null) {
            journal.modified(item.itemId(), cents, now);
        }
    }

    void removeTransactions(SandboxItem item, List<String> ids) {
        Instant now = clock.instant();
        item.removeTransactions(ids, now);
        if (journal != null) {
            journal.deleted(item.itemId(), ids, now);
        }
    }

    void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }

    /** Rebuilds the state a journal describes, without writing to it. */
    private final class JournalReplay implements SandboxJournal.Replay {

        @Override
        public void created(SandboxItem.Spec spec) {
            register(spec);
            itemsPerLogin.computeIfAbsent(spec.institutionId() + "/" + spec.username(), key -> new AtomicInteger())
                    .incrementAndGet();
        }

        @Override
        public void webhook(String itemId, String url) {
            item(itemId).webhook(url);
        }

        @Override
        public void loginRequired(String itemId, boolean required) {
            item(itemId).loginRequired(required);
        }

        @Override
        public void billed(String itemId, String product) {
            item(itemId).bill(product);
        }

        @Override
        public void removed(String itemId) {
            item(itemId).remove();
        }

        @Override
        public void added(String itemId, List<SandboxTransaction> transactions, Instant at) {
            item(itemId).add(transactions, at);
        }

        @Override
        public void modified(String itemId, Map<String, Long> amounts, Instant at) {
            item(itemId).modify(amounts, at);
        }

        @Override
        public void deleted(String itemId, List<String> ids, Instant at) {
            item(itemId).removeTransactions(ids, at);
        }
    }
}
