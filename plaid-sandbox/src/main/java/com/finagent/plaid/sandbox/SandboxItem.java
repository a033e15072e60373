package com.finagent.plaid.sandbox;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One linked item: its generated accounts and holdings, its transactions and the append-only log of their
 * changes that {@code /transactions/sync} pages through. All methods are synchronized: requests for one item
 * may arrive on several server threads while a test changes its data.
 */
final class SandboxItem {

    /**
     * What an item was created from; the same spec gives the same data (see {@link SandboxJournal}).
     * {@code transactionCount < 0} asks for the default household history.
     */
    record Spec(String itemId, String accessToken, String institutionId, String username, List<String> products,
                String webhook, long seed, LocalDate start, LocalDate end, int transactionCount, Instant createdAt) {
    }

    enum ChangeKind { ADDED, MODIFIED, REMOVED }

    /** A log entry keeps the transaction as it was then, so a page served twice is the same page. */
    record Change(ChangeKind kind, SandboxTransaction transaction) {
    }

    record SyncPage(List<SandboxTransaction> added, List<SandboxTransaction> modified,
                    List<SandboxTransaction> removed, String nextCursor, boolean hasMore) {
    }

    final Spec spec;
    final SandboxData.Portfolio portfolio;
    /** The investment accounts' history, newest first; fixed for the item's life. */
    final List<SandboxInvestmentTransaction> investmentTransactions;
    private final Map<String, SandboxTransaction> current = new LinkedHashMap<>();
    private final List<Change> log = new ArrayList<>();
    private final Set<String> billedProducts = new LinkedHashSet<>();
    private String webhook;
    private boolean loginRequired;
    private boolean removed;
    private Instant lastTransactionsUpdate;
    private Instant lastWebhookSentAt;
    private String lastWebhookCode;
    private int snapshotLimit = -1;
    private String snapshotAccount;
    private List<SandboxTransaction> snapshot;

    SandboxItem(Spec spec) {
        this.spec = spec;
        SplittableRandom random = new SplittableRandom(spec.seed());
        this.portfolio = SandboxData.portfolio(random);
        this.investmentTransactions = SandboxInvestments.history(spec.seed(), portfolio, spec.end());
        this.webhook = spec.webhook();
        this.billedProducts.addAll(spec.products());
        this.lastTransactionsUpdate = spec.createdAt();
        for (SandboxTransaction transaction : SandboxData.history(random, portfolio, spec.start(), spec.end(),
                spec.transactionCount())) {
            current.put(transaction.transactionId(), transaction);
            log.add(new Change(ChangeKind.ADDED, transaction));
        }
    }

    String itemId() {
        return spec.itemId();
    }

    synchronized String webhook() {
        return webhook;
    }

    synchronized void webhook(String url) {
        webhook = url;
    }

    synchronized boolean loginRequired() {
        return loginRequired;
    }

    synchronized void loginRequired(boolean required) {
        loginRequired = required;
    }

    synchronized boolean removed() {
        return removed;
    }

    synchronized void remove() {
        removed = true;
    }

    /** Plaid bills a product the first time an item uses it; /item/get shows it from then on. */
    synchronized void bill(String product) {
        billedProducts.add(product);
    }

    synchronized List<String> billedProducts() {
        return List.copyOf(billedProducts);
    }

    synchronized Instant lastTransactionsUpdate() {
        return lastTransactionsUpdate;
    }

    synchronized void webhookSent(String code, Instant at) {
        lastWebhookCode = code;
        lastWebhookSentAt = at;
    }

    synchronized Instant lastWebhookSentAt() {
        return lastWebhookSentAt;
    }

    synchronized String lastWebhookCode() {
        return lastWebhookCode;
    }

    synchronized List<String> transactionIds() {
        return List.copyOf(current.keySet());
    }

    /**
     * Adds the transactions {@code maker} creates. Its random source is seeded by the item seed and the length of
     * the change log, so new ids never repeat earlier ones and a journal replay gives the same ones.
     */
    synchronized List<SandboxTransaction> addNew(Function<SplittableRandom, List<SandboxTransaction>> maker,
                                                 Instant at) {
        SplittableRandom random = new SplittableRandom(spec.seed() ^ (log.size() * 0x9E3779B97F4A7C15L));
        List<SandboxTransaction> created = maker.apply(random);
        add(created, at);
        return created;
    }

    /** Purchases dated {@code day}, mostly on the credit card, as in the generated history. */
    List<SandboxTransaction> purchases(SplittableRandom random, int count, LocalDate day) {
        List<SandboxTransaction> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SandboxData.Account account = portfolio.account(random.nextInt(10) < 7
                    ? SandboxData.AccountKind.CREDIT_CARD : SandboxData.AccountKind.CHECKING);
            created.add(SandboxData.purchase(random, account, day));
        }
        return created;
    }

    synchronized void add(Collection<SandboxTransaction> transactions, Instant at) {
        for (SandboxTransaction transaction : transactions) {
            current.put(transaction.transactionId(), transaction);
            log.add(new Change(ChangeKind.ADDED, transaction));
        }
        lastTransactionsUpdate = at;
    }

    synchronized void modify(Map<String, Long> amountsById, Instant at) {
        requireKnown(amountsById.keySet());
        amountsById.forEach((id, cents) -> {
            SandboxTransaction changed = current.get(id).withAmount(cents);
            current.put(id, changed);
            log.add(new Change(ChangeKind.MODIFIED, changed));
        });
        lastTransactionsUpdate = at;
    }

    synchronized void removeTransactions(Collection<String> ids, Instant at) {
        requireKnown(ids);
        for (String id : ids) {
            log.add(new Change(ChangeKind.REMOVED, current.remove(id)));
        }
        lastTransactionsUpdate = at;
    }

    private void requireKnown(Collection<String> ids) {
        for (String id : ids) {
            if (!current.containsKey(id)) {
                throw new IllegalArgumentException("item " + spec.itemId() + " has no transaction " + id);
            }
        }
    }

    /** Where a cursor points: into the snapshot of the first sync, or into the change log after it. */
    private record Cursor(boolean snapshot, int position, int limit) {
    }

    /**
     * The page after {@code cursor}. The first sync (empty cursor) pages through the item's transactions as they
     * stand, as Plaid's initial sync does; its last cursor then follows the change log. A cursor also holds the
     * log length its pagination started with: changes made meanwhile wait for the next pagination, so every page
     * is the same however often it is asked for (what a client that crashed between pages needs). The last page's
     * cursor is open-ended and picks up later changes.
     */
    synchronized SyncPage sync(String cursor, int count, String accountId) {
        Cursor position = decode(cursor);
        int limit = position.limit() < 0 ? log.size() : position.limit();
        if (position.snapshot()) {
            List<SandboxTransaction> view = snapshot(limit, accountId);
            if (position.position() > view.size()) {
                throw invalidCursor();
            }
            int to = Math.min(view.size(), position.position() + count);
            boolean hasMore = to < view.size();
            String next = hasMore ? encode(true, to, limit) : encode(false, limit, -1);
            return new SyncPage(List.copyOf(view.subList(position.position(), to)), List.of(), List.of(), next, hasMore);
        }
        Map<String, SandboxTransaction> added = new LinkedHashMap<>();
        Map<String, SandboxTransaction> modified = new LinkedHashMap<>();
        Map<String, SandboxTransaction> removedById = new LinkedHashMap<>();
        int index = position.position();
        int taken = 0;
        while (index < limit && taken < count) {
            Change change = log.get(index++);
            SandboxTransaction transaction = change.transaction();
            if (accountId != null && !accountId.equals(transaction.accountId())) {
                continue;
            }
            taken++;
            String id = transaction.transactionId();
            // Within one page a transaction appears once, in its latest state, as Plaid reports it.
            switch (change.kind()) {
                case ADDED -> added.put(id, transaction);
                case MODIFIED -> {
                    if (added.containsKey(id)) {
                        added.put(id, transaction);
                    } else {
                        modified.put(id, transaction);
                    }
                }
                case REMOVED -> {
                    if (added.remove(id) == null) {
                        modified.remove(id);
                        removedById.put(id, transaction);
                    }
                }
            }
        }
        while (accountId != null && index < limit && !accountId.equals(log.get(index).transaction().accountId())) {
            index++;
        }
        boolean hasMore = index < limit;
        String next = hasMore ? encode(false, index, limit) : encode(false, index, -1);
        return new SyncPage(List.copyOf(added.values()), List.copyOf(modified.values()),
                List.copyOf(removedById.values()), next, hasMore);
    }

    /** The transactions as they stood after the first {@code limit} log entries; kept for the pages that follow. */
    private List<SandboxTransaction> snapshot(int limit, String accountId) {
        if (limit != snapshotLimit || !Objects.equals(accountId, snapshotAccount)) {
            Map<String, SandboxTransaction> state = new LinkedHashMap<>();
            for (Change change : log.subList(0, limit)) {
                SandboxTransaction transaction = change.transaction();
                if (change.kind() == ChangeKind.REMOVED) {
                    state.remove(transaction.transactionId());
                } else if (accountId == null || accountId.equals(transaction.accountId())) {
                    state.put(transaction.transactionId(), transaction);
                }
            }
            snapshot = List.copyOf(state.values());
            snapshotLimit = limit;
            snapshotAccount = accountId;
        }
        return snapshot;
    }

    private String encode(boolean inSnapshot, int position, int limit) {
        ByteBuffer bytes = ByteBuffer.allocate(14).put((byte) 1).putInt(spec.itemId().hashCode())
                .put((byte) (inSnapshot ? 1 : 0)).putInt(position).putInt(limit);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The empty cursor is the start of the first sync; anything else must be a cursor this item issued. */
    private Cursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return new Cursor(true, 0, -1);
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
            if (bytes.remaining() == 14 && bytes.get() == 1 && bytes.getInt() == spec.itemId().hashCode()) {
                byte mode = bytes.get();
                int position = bytes.getInt();
                int limit = bytes.getInt();
                boolean valid = mode == 1
                        ? position >= 0 && limit >= 0 && limit <= log.size()
                        : mode == 0 && position >= 0 && position <= log.size() && limit >= -1 && limit <= log.size()
                                && (limit < 0 || position <= limit);
                if (valid) {
                    return new Cursor(mode == 1, position, limit);
                }
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below like any other unusable cursor
        }
        throw invalidCursor();
    }

    private static PlaidApiError invalidCursor() {
        return PlaidApiError.invalidField("cursor is not valid for this item");
    }
}
