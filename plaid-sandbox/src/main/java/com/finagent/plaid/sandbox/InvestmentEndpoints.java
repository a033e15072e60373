package com.finagent.plaid.sandbox;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.plaid.client.model.InvestmentsHoldingsGetRequest;
import com.plaid.client.model.InvestmentsHoldingsGetResponse;
import com.plaid.client.model.InvestmentsTransactionsGetRequest;
import com.plaid.client.model.InvestmentsTransactionsGetRequestOptions;
import com.plaid.client.model.InvestmentsTransactionsGetResponse;

import java.time.LocalDate;
import java.util.List;

/**
 * Plaid's Investments endpoints: the holdings of an item's brokerage and retirement accounts, priced at the last
 * trading day's close, and their transactions.
 */
final class InvestmentEndpoints {

    private final PlaidSandbox sandbox;

    InvestmentEndpoints(PlaidSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Object investmentsHoldingsGet(SandboxCall<InvestmentsHoldingsGetRequest> call) {
        SandboxItem item = call.item();
        List<String> ids = call.request().getOptions() == null ? null : call.request().getOptions().getAccountIds();
        List<SandboxData.Account> accounts = investmentAccounts(item, ids);
        sandbox.items().billed(item, "investments");
        LocalDate priceDate = lastTradingDay(sandbox.today());
        List<SandboxData.Holding> holdings = item.portfolio.holdings().stream()
                .filter(holding -> accounts.stream().anyMatch(a -> a.accountId().equals(holding.accountId())))
                .toList();
        List<SandboxData.Security> securities = holdings.stream().map(SandboxData.Holding::security).distinct().toList();
        JsonObject response = PlaidJson.tree(new InvestmentsHoldingsGetResponse()
                .accounts(accounts.stream().map(account -> PlaidModels.account(account, null)).toList())
                .holdings(holdings.stream().map(holding -> PlaidModels.holding(holding, priceDate)).toList())
                .securities(securities.stream().map(security -> PlaidModels.security(security, priceDate)).toList())
                .item(PlaidModels.item(item, ItemEndpoints.institutionOf(item), call.requestId()))
                .isInvestmentsFallbackItem(false)
                .requestId(call.requestId()));
        addNewerFields(response, securities);
        return response;
    }

    /**
     * One page of the investment accounts' transactions between start_date and end_date (inclusive), newest first
     * in a fixed order, so that {@code offset} and {@code count} page through them as Plaid's do; the total says
     * how many there are in all. Securities are those the page's transactions name.
     */
    Object investmentsTransactionsGet(SandboxCall<InvestmentsTransactionsGetRequest> call) {
        InvestmentsTransactionsGetRequest request = call.request();
        SandboxItem item = call.item();
        if (request.getStartDate().isAfter(request.getEndDate())) {
            throw PlaidApiError.invalidField("start_date must not be after end_date");
        }
        InvestmentsTransactionsGetRequestOptions options = request.getOptions() == null
                ? new InvestmentsTransactionsGetRequestOptions() : request.getOptions();
        int count = options.getCount() == null ? 100 : options.getCount();
        if (count < 1 || count > 500) {
            throw PlaidApiError.invalidField("options.count must be between 1 and 500");
        }
        int offset = options.getOffset() == null ? 0 : options.getOffset();
        if (offset < 0) {
            throw PlaidApiError.invalidField("options.offset must be 0 or more");
        }
        List<SandboxData.Account> accounts = investmentAccounts(item, options.getAccountIds());
        sandbox.items().billed(item, "investments");
        List<SandboxInvestmentTransaction> matching = item.investmentTransactions.stream()
                .filter(t -> accounts.stream().anyMatch(a -> a.accountId().equals(t.accountId())))
                .filter(t -> !t.date().isBefore(request.getStartDate()) && !t.date().isAfter(request.getEndDate()))
                .toList();
        List<SandboxInvestmentTransaction> page = matching.subList(Math.min(offset, matching.size()),
                Math.min(matching.size(), offset + count));
        List<SandboxData.Security> securities = page.stream().map(SandboxInvestmentTransaction::security)
                .filter(security -> security != null).distinct().toList();
        LocalDate priceDate = lastTradingDay(sandbox.today());
        JsonObject response = PlaidJson.tree(new InvestmentsTransactionsGetResponse()
                .item(PlaidModels.item(item, ItemEndpoints.institutionOf(item), call.requestId()))
                .accounts(accounts.stream().map(account -> PlaidModels.account(account, null)).toList())
                .securities(securities.stream().map(security -> PlaidModels.security(security, priceDate)).toList())
                .investmentTransactions(page.stream().map(PlaidModels::investmentTransaction).toList())
                .totalInvestmentTransactions(matching.size())
                .isInvestmentsFallbackItem(false)
                .requestId(call.requestId()));
        addNewerFields(response, securities);
        return response;
    }

    /** The item's investment accounts among {@code accountIds} (all of them when none are given). */
    private static List<SandboxData.Account> investmentAccounts(SandboxItem item, List<String> accountIds) {
        return AccountEndpoints.select(item, accountIds).stream()
                .filter(account -> account.kind() == SandboxData.AccountKind.BROKERAGE
                        || account.kind() == SandboxData.AccountKind.RETIREMENT_401K)
                .toList();
    }

    /** Fields Plaid added after SDK 39.2.0 was generated, so its models cannot carry them. */
    private static void addNewerFields(JsonObject response, List<SandboxData.Security> securities) {
        response.getAsJsonArray("accounts").forEach(account ->
                account.getAsJsonObject().getAsJsonObject("balances").add("margin_loan_amount", JsonNull.INSTANCE));
        for (int i = 0; i < securities.size(); i++) {
            String cfi = securities.get(i).cfiCode();
            response.getAsJsonArray("securities").get(i).getAsJsonObject()
                    .add("cfi_code", cfi == null ? JsonNull.INSTANCE : new JsonPrimitive(cfi));
        }
    }

    private static LocalDate lastTradingDay(LocalDate today) {
        LocalDate day = today.minusDays(1);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.minusDays(1);
        }
        return day;
    }
}
