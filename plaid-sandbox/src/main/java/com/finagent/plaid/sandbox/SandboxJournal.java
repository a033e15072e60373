package com.finagent.plaid.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Append-only record of what changed the sandbox's state (items created, removed, re-pointed, put into or out of
 * ITEM_LOGIN_REQUIRED, transactions added, modified, removed), one JSON object a line. Item data is generated
 * from the seed in its spec, so a replay rebuilds the same accounts, transactions and change log, and the
 * access tokens and sync cursors an application stored keep working after a restart.
 */
final class SandboxJournal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SandboxJournal.class.getName());

    /** What the journal asks its owner to redo, in order. */
    interface Replay {
        void created(SandboxItem.Spec spec);

        void webhook(String itemId, String url);

        void loginRequired(String itemId, boolean required);

        void billed(String itemId, String product);

        void removed(String itemId);

        void added(String itemId, List<SandboxTransaction> transactions, Instant at);

        void modified(String itemId, Map<String, Long> amounts, Instant at);

        void deleted(String itemId, List<String> ids, Instant at);
    }

    private final BufferedWriter out;

    private SandboxJournal(BufferedWriter out) {
        this.out = out;
    }

    /** Replays {@code file} (if it exists) into {@code replay}, then opens it for appending. */
    static SandboxJournal open(Path file, Replay replay) throws IOException {
        if (Files.exists(file)) {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    apply(JsonParser.parseString(line).getAsJsonObject(), replay);
                } catch (RuntimeException e) {
                    // A line cut short by a crash: keep what was replayed so far.
                    LOG.warning("ignoring line " + lineNumber + " of " + file + ": " + e);
                }
            }
        } else if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return new SandboxJournal(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
    }

    private static void apply(JsonObject entry, Replay replay) {
        String item = entry.get("item").getAsString();
        switch (entry.get("op").getAsString()) {
            case "created" -> replay.created(new SandboxItem.Spec(item, entry.get("access_token").getAsString(),
                    entry.get("institution_id").getAsString(), entry.get("username").getAsString(),
                    strings(entry.getAsJsonArray("products")), optional(entry, "webhook"),
                    entry.get("seed").getAsLong(), LocalDate.parse(entry.get("start").getAsString()),
                    LocalDate.parse(entry.get("end").getAsString()), entry.get("count").getAsInt(),
                    Instant.parse(entry.get("at").getAsString())));
            case "webhook" -> replay.webhook(item, optional(entry, "url"));
            case "login" -> replay.loginRequired(item, entry.get("required").getAsBoolean());
            case "billed" -> replay.billed(item, entry.get("product").getAsString());
            case "removed" -> replay.removed(item);
            case "added" -> {
                List<SandboxTransaction> transactions = new ArrayList<>();
                for (JsonElement element : entry.getAsJsonArray("transactions")) {
                    JsonObject t = element.getAsJsonObject();
                    transactions.add(new SandboxTransaction(t.get("id").getAsString(), t.get("account").getAsString(),
                            t.get("cents").getAsLong(), LocalDate.parse(t.get("date").getAsString()),
                            LocalDate.parse(t.get("authorized").getAsString()), t.get("name").getAsString(),
                            t.get("merchant").getAsString()));
                }
                replay.added(item, transactions, Instant.parse(entry.get("at").getAsString()));
            }
            case "modified" -> {
                Map<String, Long> amounts = new LinkedHashMap<>();
                entry.getAsJsonObject("amounts").entrySet()
                        .forEach(amount -> amounts.put(amount.getKey(), amount.getValue().getAsLong()));
                replay.modified(item, amounts, Instant.parse(entry.get("at").getAsString()));
            }
            case "deleted" -> replay.deleted(item, strings(entry.getAsJsonArray("ids")),
                    Instant.parse(entry.get("at").getAsString()));
            default -> throw new IllegalArgumentException("unknown op " + entry.get("op"));
        }
    }

    void created(SandboxItem.Spec spec) {
        JsonObject entry = entry("created", spec.itemId());
        entry.addProperty("access_token", spec.accessToken());
        entry.addProperty("institution_id", spec.institutionId());
        entry.addProperty("username", spec.username());
        entry.add("products", array(spec.products()));
        entry.addProperty("webhook", spec.webhook());
        entry.addProperty("seed", spec.seed());
        entry.addProperty("start", spec.start().toString());
        entry.addProperty("end", spec.end().toString());
        entry.addProperty("count", spec.transactionCount());
        entry.addProperty("at", spec.createdAt().toString());
        write(entry);
    }

    void webhook(String itemId, String url) {
        JsonObject entry = entry("webhook", itemId);
        entry.addProperty("url", url);
        write(entry);
    }

    void loginRequired(String itemId, boolean required) {
        JsonObject entry = entry("login", itemId);
        entry.addProperty("required", required);
        write(entry);
    }

    void billed(String itemId, String product) {
        JsonObject entry = entry("billed", itemId);
        entry.addProperty("product", product);
        write(entry);
    }

    void removed(String itemId) {
        write(entry("removed", itemId));
    }

    void added(String itemId, List<SandboxTransaction> transactions, Instant at) {
        JsonObject entry = entry("added", itemId);
        JsonArray array = new JsonArray();
        for (SandboxTransaction transaction : transactions) {
            JsonObject t = new JsonObject();
            t.addProperty("id", transaction.transactionId());
            t.addProperty("account", transaction.accountId());
            t.addProperty("cents", transaction.amountCents());
            t.addProperty("date", transaction.date().toString());
            t.addProperty("authorized", transaction.authorizedDate().toString());
            t.addProperty("name", transaction.name());
            t.addProperty("merchant", transaction.merchantKey());
            array.add(t);
        }
        entry.add("transactions", array);
        entry.addProperty("at", at.toString());
        write(entry);
    }

    void modified(String itemId, Map<String, Long> amounts, Instant at) {
        JsonObject entry = entry("modified", itemId);
        JsonObject object = new JsonObject();
        amounts.forEach(object::addProperty);
        entry.add("amounts", object);
        entry.addProperty("at", at.toString());
        write(entry);
    }

    void deleted(String itemId, List<String> ids, Instant at) {
        JsonObject entry = entry("deleted", itemId);
        entry.add("ids", array(ids));
        entry.addProperty("at", at.toString());
        write(entry);
    }

    private static JsonObject entry(String op, String itemId) {
        JsonObject entry = new JsonObject();
        entry.addProperty("op", op);
        entry.addProperty("item", itemId);
        return entry;
    }

    private synchronized void write(JsonObject entry) {
        try {
            out.write(entry.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox journal", e);
        }
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.getAsString()));
        return values;
    }

    private static String optional(JsonObject entry, String name) {
        JsonElement value = entry.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
