package com.finagent.it;

import com.finagent.partner.client.ApiException;
import com.finagent.partner.client.api.AnalyticsApi;
import com.finagent.partner.client.api.DebatesApi;
import com.finagent.partner.client.api.MarketDataApi;
import com.finagent.partner.client.api.PartnerClientsApi;
import com.finagent.partner.client.model.AccessToken;
import com.finagent.partner.client.model.DebateAccepted;
import com.finagent.partner.client.model.DebateTrigger;
import com.finagent.partner.client.model.DebateView;
import com.finagent.partner.client.model.Quote;
import com.finagent.partner.client.model.RiskReport;
import com.finagent.partner.client.model.RiskRequest;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partner's flow through the Java client that the build generates from our OpenAPI document
 * (openapi-generator, native library): a token by client credentials, a quote, a risk analysis, a debate started
 * and polled to its end; a client without the scope gets 403, a revoked client 401.
 */
@ExtendWith(DeployedApplication.class)
class PartnerFlowIT {

    private static final String BASE = "http://localhost:8080";
    private final ApiClient api = new ApiClient(URI.create(BASE + "/"));


    @Test
    void aPartnerReadsAQuoteRunsARiskAnalysisAndDebatesThroughTheGeneratedClient() throws Exception {
        String admin = api.newAdminToken("admin");
        String[] credentials = register(admin, List.of("market:read", "analytics:run", "debates:write"));

        AccessToken token = new PartnerClientsApi(client(null))
                .oAuthTokenResourceToken("client_credentials", credentials[0], credentials[1], null);
        assertEquals("Bearer", token.getTokenType());
        assertEquals("market:read analytics:run debates:write", token.getScope());
        com.finagent.partner.client.ApiClient partner = client(token.getAccessToken());

        Quote quote = new MarketDataApi(partner).marketResourceQuote("AAPL");
        assertEquals("AAPL", quote.getSymbol());
        assertTrue(quote.getPrice() > 0);

        RiskReport risk = new AnalyticsApi(partner).analyticsResourceRisk(new RiskRequest()
                .prices(List.of(100.0, 101.0, 99.5, 102.0, 103.5, 101.0, 104.0, 105.5, 104.5, 106.0)));
        assertTrue(risk.getObservations() >= 9 && risk.getObservations() <= 10, String.valueOf(risk.getObservations()));
        assertNotNull(risk.getAnnualVolatility());

        DebatesApi debates = new DebatesApi(partner);
        DebateAccepted accepted = debates.debateResourceStart(new DebateTrigger()
                .query("Should I buy Apple now?").assistantType("analyst").symbols(List.of("AAPL")));
        assertEquals("pending", accepted.getStatus());
        DebateView debate = await("the debate finishes").atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500)).until(() -> debates.debateResourceGet(accepted.getId()),
                        d -> d.getStatus() != DebateView.StatusEnum.PENDING && d.getStatus() != DebateView.StatusEnum.RUNNING);
        assertEquals(DebateView.StatusEnum.COMPLETED, debate.getStatus(), String.valueOf(debate.getError()));
        assertNotNull(debate.getOutcome());
        assertEquals(List.of(accepted.getId()), debates.debateResourceList().stream().map(DebateView::getId).toList(),
                "the client sees its own debates");
    }

    @Test
    void aClientWithoutTheScopeGets403AndARevokedClientGets401() throws Exception {
        String admin = api.newAdminToken("admin");
        String[] credentials = register(admin, List.of("market:read"));
        AccessToken token = new PartnerClientsApi(client(null))
                .oAuthTokenResourceToken("client_credentials", credentials[0], credentials[1], null);
        com.finagent.partner.client.ApiClient partner = client(token.getAccessToken());
        assertEquals("AAPL", new MarketDataApi(partner).marketResourceQuote("AAPL").getSymbol());

        ApiException noScope = assertThrows(ApiException.class, () -> new AnalyticsApi(partner)
                .analyticsResourceRisk(new RiskRequest().prices(List.of(1.0, 2.0, 3.0))));
        assertEquals(403, noScope.getCode());
        assertTrue(noScope.getResponseBody().contains("analytics:run"), noScope.getResponseBody());

        assertEquals(200, api.post("/api/v1/admin/clients/" + credentials[0] + "/revoke", admin, "").status());
        ApiException revoked = assertThrows(ApiException.class,
                () -> new MarketDataApi(partner).marketResourceQuote("AAPL"));
        assertEquals(401, revoked.getCode());
        ApiException noToken = assertThrows(ApiException.class, () -> new PartnerClientsApi(client(null))
                .oAuthTokenResourceToken("client_credentials", credentials[0], credentials[1], null));
        assertEquals(401, noToken.getCode());
    }

    private static com.finagent.partner.client.ApiClient client(String bearer) {
        com.finagent.partner.client.ApiClient client = new com.finagent.partner.client.ApiClient();
        client.updateBaseUri(BASE);
        if (bearer != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        }
        return client;
    }

    /** The client id and secret of a client an administrator registered. */
    private String[] register(String admin, List<String> scopes) {
        var array = Json.createArrayBuilder();
        scopes.forEach(array::add);
        ApiClient.Reply created = api.post("/api/v1/admin/clients", admin, Json.createObjectBuilder()
                .add("name", "Partner flow").add("scopes", array).add("rateLimitPerMinute", 600).build().toString());
        assertEquals(201, created.status(), created.body());
        return new String[] {created.object().getString("clientId"), created.object().getString("clientSecret")};
    }
}
