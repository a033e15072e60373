package com.finagent.application.plaid;

import com.finagent.persistence.portfolio.ActivityType;
import com.plaid.client.model.InvestmentTransaction;
import com.plaid.client.model.InvestmentTransactionSubtype;
import com.plaid.client.model.InvestmentTransactionType;
import com.plaid.client.model.InvestmentsTransactionsGetRequest;
import com.plaid.client.model.InvestmentsTransactionsGetResponse;
import com.plaid.client.model.Security;
import com.plaid.client.request.PlaidApi;
import org.junit.jupiter.api.Test;
import retrofit2.Call;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sync's paging through /investments/transactions/get, against a stand-in for the SDK's answers. */
class PlaidSyncServiceInvestmentsTest {

    private static final Security AAPL = new Security().securityId("sec-aapl").tickerSymbol("AAPL")
            .isCashEquivalent(false);

    /** Answers each request with the slice its offset and count ask for, and remembers the requests. */
    private static final class PagingPlaid extends PlaidGateway {

        final List<InvestmentsTransactionsGetRequest> requests = new ArrayList<>();
        private final List<InvestmentTransaction> all;
        private final PlaidException failure;

        PagingPlaid(List<InvestmentTransaction> all, PlaidException failure) {
            this.all = all;
            this.failure = failure;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T call(Function<PlaidApi, Call<T>> request) {
            PlaidApi api = (PlaidApi) Proxy.newProxyInstance(PlaidApi.class.getClassLoader(),
                    new Class<?>[] {PlaidApi.class}, (proxy, method, args) -> {
                        requests.add((InvestmentsTransactionsGetRequest) args[0]);
                        return null;
                    });
            request.apply(api);
            if (failure != null) {
                throw failure;
            }
            InvestmentsTransactionsGetRequest asked = requests.get(requests.size() - 1);
            int from = Math.min(all.size(), asked.getOptions().getOffset());
            int to = Math.min(all.size(), from + asked.getOptions().getCount());
            return (T) new InvestmentsTransactionsGetResponse().investmentTransactions(all.subList(from, to))
                    .securities(List.of(AAPL)).totalInvestmentTransactions(all.size());
        }
    }

    private static PlaidSyncService service(PagingPlaid plaid) {
        PlaidSyncService service = new PlaidSyncService();
        service.plaid = plaid;
        service.clock = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
        return service;
    }

    /** 1,201 one-share buys, newest first: three pages of Plaid's maximum 500. */
    private static List<InvestmentTransaction> buys(int count) {
        LocalDate newest = LocalDate.of(2026, 6, 29);
        return IntStream.range(0, count).mapToObj(i -> new InvestmentTransaction()
                .investmentTransactionId("t" + i).accountId("brokerage").securityId("sec-aapl")
                .date(newest.minusDays(i / 3)).quantity(1.0).price(100.0).fees(0.0).amount(100.0)
                .type(InvestmentTransactionType.BUY).subtype(InvestmentTransactionSubtype.BUY)
                .isoCurrencyCode("USD")).toList();
    }

    @Test
    void pagesByOffsetUntilPlaidsTotalOverTheLast24Months() {
        PagingPlaid plaid = new PagingPlaid(buys(1201), null);

        List<InvestmentActivities.Row> rows = service(plaid).investmentActivities("access-sandbox-1");

        assertEquals(List.of(0, 500, 1000), plaid.requests.stream().map(r -> r.getOptions().getOffset()).toList());
        assertEquals(Set.of(500), plaid.requests.stream().map(r -> r.getOptions().getCount())
                .collect(Collectors.toSet()));
        assertEquals(LocalDate.of(2024, 6, 30), plaid.requests.get(0).getStartDate());
        assertEquals(LocalDate.of(2026, 6, 30), plaid.requests.get(0).getEndDate());
        assertEquals(1201, rows.size());
        assertEquals(1201, rows.stream().map(InvestmentActivities.Row::investmentTransactionId).distinct().count(),
                "no page overlaps another");
        assertEquals("t1200", rows.get(0).investmentTransactionId(), "oldest first");
        assertEquals(Set.of(ActivityType.BUY), rows.stream().map(InvestmentActivities.Row::type)
                .collect(Collectors.toSet()));
    }

    @Test
    void anItemWithoutInvestmentTransactionsGivesNoActivities() {
        PagingPlaid plaid = new PagingPlaid(List.of(), new PlaidException(400, "ITEM_ERROR", "PRODUCT_NOT_READY",
                "the requested product is not yet ready", null, null));

        assertEquals(List.of(), service(plaid).investmentActivities("access-sandbox-2"));
        assertEquals(1, plaid.requests.size());
    }
}
