package com.finagent.plaid.sandbox;

import com.plaid.client.ApiClient;
import com.plaid.client.model.AccountBase;
import com.plaid.client.model.AccountsGetRequest;
import com.plaid.client.model.ItemPublicTokenExchangeResponse;
import com.plaid.client.model.SandboxPublicTokenCreateRequestOptions;
import com.plaid.client.request.PlaidApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox as {@code finagent run} runs it: a process of its own that announces its address, answers the SDK,
 * stops on SIGTERM (as {@code finagent stop} sends it) and, started again, still knows the items linked before.
 */
class PlaidSandboxMainTest {

    @Test
    void aStoppedAndRestartedProcessKeepsTheLinkedItems(@TempDir Path folder) throws Exception {
        Path journal = folder.resolve("plaid-sandbox").resolve("journal.jsonl");
        String accessToken;
        List<String> accountIds;
        Process first = start(journal);
        try {
            PlaidApi plaid = client(readyUrl(first));
            ItemPublicTokenExchangeResponse linked = PlaidSandboxSdkTest.link(plaid, "ins_109508",
                    new SandboxPublicTokenCreateRequestOptions());
            accessToken = linked.getAccessToken();
            accountIds = accountIds(plaid, accessToken);
            assertFalse(accountIds.isEmpty());
        } finally {
            stop(first);
        }
        assertEquals(143, first.exitValue(), "SIGTERM ends the process through its shutdown hook");

        Process second = start(journal);
        try {
            assertEquals(accountIds, accountIds(client(readyUrl(second)), accessToken));
        } finally {
            stop(second);
        }
    }

    private static Process start(Path journal) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PlaidSandboxMain.class.getName(), journal.toString(), "0")
                .redirectErrorStream(true)
                .start();
    }

    /** The base URL from the process's {@code READY <url>} line. */
    private static String readyUrl(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return line.substring("READY ".length());
            }
        }
        throw new AssertionError("the sandbox process ended without announcing its address");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the sandbox process stops on SIGTERM");
    }

    private static PlaidApi client(String baseUrl) {
        assertNotNull(baseUrl);
        ApiClient apiClient = new ApiClient(Map.of("clientId", "main-client", "secret", "main-secret"));
        apiClient.setPlaidAdapter(baseUrl);
        return apiClient.createService(PlaidApi.class);
    }

    private static List<String> accountIds(PlaidApi plaid, String accessToken) throws IOException {
        return PlaidSandboxSdkTest.ok(plaid.accountsGet(new AccountsGetRequest().accessToken(accessToken)))
                .getAccounts().stream().map(AccountBase::getAccountId).toList();
    }
}
