package com.finagent.plaid.sandbox;

import com.plaid.client.model.AccountBase;
import com.plaid.client.model.AccountsGetRequest;
import com.plaid.client.model.ItemGetRequest;
import com.plaid.client.model.ItemPublicTokenExchangeResponse;
import com.plaid.client.model.SandboxPublicTokenCreateRequestOptions;
import com.plaid.client.model.Transaction;
import com.plaid.client.request.PlaidApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a journal, items, their changes and stored sync cursors survive a restart of the sandbox. */
class PlaidSandboxJournalTest {

    @Test
    void aRestartedSandboxKnowsTheItemsAndChangesOfTheLastRun(@TempDir Path folder) throws Exception {
        Path journal = folder.resolve("plaid-sandbox.jsonl");
        SandboxOptions options = SandboxOptions.defaults().withSeed(3).withJournal(journal);
        String accessToken;
        String itemId;
        String cursor;
        Set<String> transactionIds;
        List<String> accountIds;
        try (PlaidSandbox first = PlaidSandbox.start("127.0.0.1", 0, options)) {
            PlaidApi plaid = PlaidSandboxSdkTest.clientFor(first, "id", "secret");
            ItemPublicTokenExchangeResponse linked = PlaidSandboxSdkTest.link(plaid, "ins_109508",
                    new SandboxPublicTokenCreateRequestOptions().overrideUsername("user_transactions_700"));
            accessToken = linked.getAccessToken();
            itemId = linked.getItemId();
            PlaidSandboxSdkTest.SyncResult initial = PlaidSandboxSdkTest.syncAll(plaid, accessToken, null, 500);
            List<String> ids = first.transactionIds(itemId);
            first.addTransactions(itemId, 4);
            first.modifyTransactions(itemId, Map.of(ids.get(3), 9.99));
            first.removeTransactions(itemId, List.of(ids.get(4)));
            cursor = PlaidSandboxSdkTest.syncAll(plaid, accessToken, initial.cursor(), 100).cursor();
            transactionIds = Set.copyOf(first.transactionIds(itemId));
            accountIds = accountIds(plaid, accessToken);
            first.setLoginRequired(itemId, true);
        }
        assertTrue(Files.size(journal) > 0);

        try (PlaidSandbox second = PlaidSandbox.start("127.0.0.1", 0, options)) {
            PlaidApi plaid = PlaidSandboxSdkTest.clientFor(second, "id", "secret");
            assertEquals(accessToken, second.accessToken(itemId));
            assertEquals("ITEM_LOGIN_REQUIRED", PlaidSandboxSdkTest.ok(plaid.itemGet(
                    new ItemGetRequest().accessToken(accessToken))).getItem().getError().getErrorCode());
            second.setLoginRequired(itemId, false);
            assertEquals(accountIds, accountIds(plaid, accessToken));

            PlaidSandboxSdkTest.SyncResult resumed = PlaidSandboxSdkTest.syncAll(plaid, accessToken, cursor, 100);
            assertTrue(resumed.added().isEmpty() && resumed.modified().isEmpty() && resumed.removed().isEmpty());
            PlaidSandboxSdkTest.SyncResult full = PlaidSandboxSdkTest.syncAll(plaid, accessToken, null, 500);
            Set<String> replayed = full.added().stream().map(Transaction::getTransactionId).collect(Collectors.toSet());
            assertTrue(transactionIds.equals(replayed), () -> "lost " + lost(transactionIds, replayed) + ", gained "
                    + lost(replayed, transactionIds));
            assertEquals(703, full.added().size());

            List<String> more = second.addTransactions(itemId, 2);
            assertTrue(more.stream().noneMatch(transactionIds::contains), "new ids never repeat old ones");
        }
    }

    private static Set<String> lost(Set<String> before, Set<String> after) {
        return before.stream().filter(id -> !after.contains(id)).collect(Collectors.toSet());
    }

    private static List<String> accountIds(PlaidApi plaid, String accessToken) throws Exception {
        return PlaidSandboxSdkTest.ok(plaid.accountsGet(new AccountsGetRequest().accessToken(accessToken)))
                .getAccounts().stream().map(AccountBase::getAccountId).toList();
    }
}
