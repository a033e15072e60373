package com.finagent.application.search;

import com.finagent.application.search.SearchStandIn.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live-service clients, built with MicroProfile Rest Client (Jersey's implementation, the one Payara uses)
 * exactly as in production, against local stand-ins that answer in each service's JSON format: Polygon.io's
 * news, EDGAR's company list, submissions (the real Tesla file) and full-text search, and StockTwits' streams;
 * with error statuses and time-outs.
 */
class SearchClientsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    /** Polygon.io's /v2/reference/news answer, as documented (fields and nesting); the articles are made up. */
    static final String POLYGON_NEWS = """
            {"results":[
             {"id":"8ec638777ca03b553ae516761c2a22ba2fdd2f37befae3ab6fdab74e9e5193eb",
              "publisher":{"name":"Investing.com","homepage_url":"https://www.investing.com/",
                "logo_url":"https://s3.polygon.io/public/assets/news/logos/investing.png",
                "favicon_url":"https://s3.polygon.io/public/assets/news/favicons/investing.ico"},
              "title":"Apple's iPhone sales in China rebound in the second quarter",
              "author":"Sam Boughedda","published_utc":"2024-06-24T18:33:53Z",
              "article_url":"https://uk.investing.com/news/stock-market-news/apple-iphone-china-3559968",
              "tickers":["AAPL"],"amp_url":"https://m.uk.investing.com/news/stock-market-news/apple-iphone-china-3559968?ampMode=1",
              "image_url":"https://i-invdn-com.investing.com/news/LYNXNPEC4I0AL_L.jpg",
              "description":"Shipments of iPhones in China rose as discounts lifted demand, analysts said, easing worries about Apple's largest overseas market.",
              "keywords":["iPhone","China","smartphones"],
              "insights":[{"ticker":"AAPL","sentiment":"positive","sentiment_reasoning":"iPhone demand in China recovered."}]},
             {"id":"a1b2c3","publisher":{"name":"The Motley Fool"},"title":"Is Apple Stock a Buy Before WWDC?",
              "author":"Motley Fool Staff","published_utc":"2024-06-07T10:15:00Z",
              "article_url":"https://www.fool.com/investing/2024/06/07/is-apple-stock-a-buy/","tickers":["AAPL","MSFT"],
              "description":"Artificial intelligence features could drive an upgrade cycle.","keywords":["artificial intelligence"]}],
             "status":"OK","request_id":"831afdb0b8078549fed053476984947a","count":2,
             "next_url":"https://api.polygon.io/v2/reference/news?cursor=YWN0aXZlPXRydWUmZGF0ZT0yMDIx"}
            """;

    /** StockTwits' /api/2/streams/symbol answer (fields and nesting as served); the posts are made up. */
    static final String STOCKTWITS_STREAM = """
            {"symbol":{"id":686,"symbol":"AAPL","symbol_mic":"AAPL.XNAS","title":"Apple Inc","aliases":[],
              "is_following":false,"watchlist_count":1234567},
             "response":{"status":200},
             "cursor":{"more":true,"since":573979023,"max":573979001},
             "messages":[
              {"id":573979023,"body":"$AAPL iPhone sales in China look better than feared, holding into earnings",
               "created_at":"2024-06-24T18:40:12Z",
               "user":{"id":1234,"username":"chartwatcher","name":"Chart Watcher","avatar_url":"https://avatars.stocktwits.com/x.png",
                 "join_date":"2019-01-01","official":false,"identity":"User","classification":[],"followers":10,"following":5,"ideas":100},
               "source":{"id":1149,"title":"StockTwits for iOS","url":"http://www.stocktwits.com/mobile"},
               "symbols":[{"id":686,"symbol":"AAPL","title":"Apple Inc","aliases":[],"is_following":false}],
               "mentioned_users":[],"entities":{"sentiment":{"basic":"Bullish"}},"likes":{"total":2,"user_ids":[1,2]}},
              {"id":573979001,"body":"$AAPL $MSFT rotating out of mega caps today","created_at":"2024-06-24T18:01:02Z",
               "user":{"id":99,"username":"rotationtrader"},"symbols":[{"id":686,"symbol":"AAPL"},{"id":2735,"symbol":"MSFT"}],
               "entities":{"sentiment":null}}]}
            """;

    /** EDGAR full-text search's Elasticsearch answer; the shape of efts.sec.gov/LATEST/search-index. */
    static final String EDGAR_FULL_TEXT = """
            {"took":35,"timed_out":false,"_shards":{"total":50,"successful":50,"skipped":0,"failed":0},
             "hits":{"total":{"value":2,"relation":"eq"},"max_score":11.2,"hits":[
              {"_index":"edgar_file","_id":"0001628280-22-019416:tsla-20220630.htm","_score":11.2,
               "_source":{"ciks":["0001318605"],"period_ending":"2022-06-30","file_num":["001-34756"],
                 "display_names":["Tesla, Inc.  (TSLA)  (CIK 0001318605)"],"xsl":null,"sequence":1,"root_forms":["10-Q"],
                 "file_date":"2022-07-25","biz_states":["TX"],"sics":["3711"],"form":"10-Q","adsh":"0001628280-22-019416",
                 "film_num":["221103447"],"biz_locations":["Austin, TX"],"file_type":"10-Q","file_description":"10-Q",
                 "inc_states":["DE"],"items":[]}},
              {"_index":"edgar_file","_id":"0001628280-22-019416:tsla-ex311x20220630.htm","_score":3.1,
               "_source":{"ciks":["0001318605"],"display_names":["Tesla, Inc.  (TSLA)  (CIK 0001318605)"],"root_forms":["10-Q"],
                 "file_date":"2022-07-25","form":"10-Q","adsh":"0001628280-22-019416","file_type":"EX-31.1",
                 "file_description":"SECTION 302 CERTIFICATION","items":[]}}]},
             "aggregations":{"form_filter":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
               "buckets":[{"key":"10-Q","doc_count":2}]}}}
            """;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private SearchStandIn standIn;

    @AfterEach
    void stop() {
        if (standIn != null) {
            standIn.close();
        }
        executor.shutdownNow();
    }

    private static String sharedFile(String relative) throws IOException {
        String shared = System.getProperty("finagent.shared.data");
        Path file = shared == null ? null : Path.of(shared, relative);
        assumeTrue(file != null && Files.isReadable(file), "shared data not here");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private SearchResponse search(SearchSource source, String q, List<String> symbols) {
        return new ParallelSearch(executor, name -> TIMEOUT.plusMillis(500))
                .run(SearchRequest.of(q, symbols, List.of(source.name().id()), 10), Map.of(source.name(), source));
    }

    private PolygonNewsClient polygon() {
        return polygon(TIMEOUT);
    }

    private PolygonNewsClient polygon(Duration timeout) {
        return new PolygonNewsClient(SearchRestClients.build(standIn.url(), PolygonNewsApi.class, timeout), "test-key");
    }

    @Test
    void polygonNewsIsAskedPerTickerWithTheKeyAndRankedByTheQuery() throws IOException {
        standIn = new SearchStandIn().answer("/v2/reference/news", Answer.ok(POLYGON_NEWS));
        RemoteSource news = new RemoteSource(SourceName.NEWS, PolygonNewsClient.SERVICE, polygon(), () -> CompanyDirectory.EMPTY);

        SearchResponse response = search(news, "iPhone sales China", List.of("AAPL"));

        SearchStandIn.Request asked = standIn.requests().get(0);
        assertEquals(Map.of("ticker", "AAPL", "limit", "50", "order", "desc", "sort", "published_utc", "apiKey", "test-key"), asked.query());
        assertEquals(SourceStatus.OK, response.sources().get(0).status());
        assertEquals("Polygon.io", response.sources().get(0).origin());
        assertEquals(1, response.results().size(), "the WWDC article does not match the query");
        SearchResult article = response.results().get(0);
        assertEquals("Apple's iPhone sales in China rebound in the second quarter", article.title());
        assertTrue(article.snippet().startsWith("Shipments of iPhones in China"), article.snippet());
        assertEquals("https://uk.investing.com/news/stock-market-news/apple-iphone-china-3559968", article.url());
        assertEquals(LocalDate.of(2024, 6, 24), article.date());
        assertEquals("Polygon.io · Investing.com", article.origin());
        assertEquals(List.of("AAPL"), article.symbols());

        assertEquals(2, search(news, "", List.of("AAPL")).results().size(), "symbols alone: every article on them");
    }

    @Test
    void polygonWithoutSymbolsAsksForTheLatestNews() throws IOException {
        standIn = new SearchStandIn().answer("/v2/reference/news", Answer.ok(POLYGON_NEWS));

        List<SearchDocument> documents = polygon().fetch(SearchRequest.of("artificial intelligence", List.of(), List.of(), 5));

        assertFalse(standIn.requests().get(0).query().containsKey("ticker"));
        assertEquals(2, documents.size());
    }

    @Test
    void polygonErrorsAndSlownessAreReported() throws IOException {
        standIn = new SearchStandIn()
                .stub(get(urlPathEqualTo("/v2/reference/news")).atPriority(1).withQueryParam("ticker", equalTo("SLOW"))
                        .willReturn(new Answer(200, POLYGON_NEWS, 2000).response()))
                .answer("/v2/reference/news",
                        new Answer(401, "{\"status\":\"ERROR\",\"request_id\":\"x\",\"error\":\"Unknown API Key\"}", 0));
        PolygonNewsClient client = polygon();

        SourceUnavailableException badKey = assertThrows(SourceUnavailableException.class,
                () -> client.fetch(SearchRequest.of("", List.of("AAPL"), List.of(), 5)));
        assertEquals("Polygon.io answered HTTP 401", badKey.getMessage());
        assertFalse(badKey.getMessage().contains("test-key"));

        SourceUnavailableException slow = assertThrows(SourceUnavailableException.class,
                () -> polygon(Duration.ofMillis(400)).fetch(SearchRequest.of("", List.of("SLOW"), List.of(), 5)));
        assertTrue(slow.timedOut(), slow::getMessage);

        RemoteSource news = new RemoteSource(SourceName.NEWS, PolygonNewsClient.SERVICE, client, () -> CompanyDirectory.EMPTY);
        SearchResponse response = search(news, "", List.of("AAPL"));
        assertEquals(SourceStatus.FAILED, response.sources().get(0).status());
        assertEquals("Polygon.io answered HTTP 401", response.sources().get(0).message());
        assertTrue(response.partial());
    }

    private EdgarClient edgar(String userAgent) {
        return new EdgarClient(SearchRestClients.build(standIn.url() + "/www", EdgarApi.Files.class, TIMEOUT),
                SearchRestClients.build(standIn.url() + "/data", EdgarApi.Submissions.class, TIMEOUT),
                SearchRestClients.build(standIn.url() + "/efts/LATEST", EdgarApi.FullText.class, TIMEOUT), userAgent, "10-K,10-Q,8-K");
    }

    /** Like EDGAR: requests without a declared User-Agent (a name and an e-mail address) are refused with 403. */
    private void declared(String path, Answer answer) {
        standIn.stub(get(urlPathEqualTo(path)).atPriority(1).withHeader("User-Agent", containing("@"))
                        .willReturn(answer.response()))
                .answer(path, new Answer(403,
                        "{\"message\":\"Request Rate Threshold Exceeded or Undeclared Automated Tool\"}", 0));
    }

    @Test
    void edgarMapsTickersToCiksAndReturnsTheCompanysFilingsAndFullTextHits() throws IOException {
        String companies = sharedFile("sec/edgartools_company_tickers.json");
        String tesla = sharedFile("sec/edgartools_submissions_CIK0001318605_tesla.json");
        standIn = new SearchStandIn();
        declared("/www/files/company_tickers.json", Answer.ok(companies));
        declared("/data/submissions/CIK0001318605.json", Answer.ok(tesla));
        declared("/efts/LATEST/search-index", Answer.ok(EDGAR_FULL_TEXT));
        RemoteSource sec = new RemoteSource(SourceName.SEC, EdgarClient.SERVICE, edgar("Fin Agent tests test@example.com"),
                () -> CompanyDirectory.EMPTY);

        SearchResponse quarterly = search(sec, "quarterly report", List.of("TSLA"));

        assertEquals(SourceStatus.OK, quarterly.sources().get(0).status());
        SearchStandIn.Request fullText = standIn.requests().stream().filter(r -> r.path().endsWith("search-index")).findFirst().orElseThrow();
        assertEquals(Map.of("q", "quarterly report", "forms", "10-K,10-Q,8-K", "ciks", "0001318605"), fullText.query());
        assertTrue(quarterly.results().stream().allMatch(r -> r.title().startsWith("Tesla, Inc.") && r.symbols().equals(List.of("TSLA"))));
        assertTrue(quarterly.results().get(0).title().contains("10-Q"), quarterly.results().get(0)::title);
        SearchResult hit = quarterly.results().stream()
                .filter(r -> r.url().equals("https://www.sec.gov/Archives/edgar/data/1318605/000162828022019416/tsla-20220630.htm"))
                .findFirst().orElseThrow(() -> new AssertionError(quarterly.results()));
        assertEquals(LocalDate.of(2022, 7, 25), hit.date());

        SearchResponse filings = search(sec, "", List.of("TSLA"));
        assertEquals(10, filings.results().size());
        assertEquals("https://www.sec.gov/Archives/edgar/data/1318605/000179056522000015/xslF345X03/edgardoc.xml",
                filings.results().get(0).url(), "newest filing first");
        assertEquals(1, standIn.requests().stream().filter(r -> r.path().endsWith("company_tickers.json")).count(),
                "the company list is fetched once");
    }

    @Test
    void edgarWithAnUnknownTickerGivesNothingAndWithoutAUserAgentIsRefused() throws IOException {
        String companies = sharedFile("sec/edgartools_company_tickers.json");
        standIn = new SearchStandIn();
        declared("/www/files/company_tickers.json", Answer.ok(companies));
        declared("/efts/LATEST/search-index", new Answer(500, "{\"error\":\"internal\"}", 0));

        RemoteSource sec = new RemoteSource(SourceName.SEC, EdgarClient.SERVICE, edgar("Fin Agent tests test@example.com"),
                () -> CompanyDirectory.EMPTY);
        SearchResponse unknown = search(sec, "revenue", List.of("ZZZZQ"));
        assertEquals(SourceStatus.OK, unknown.sources().get(0).status());
        assertTrue(unknown.results().isEmpty());
        assertTrue(standIn.requests().stream().noneMatch(r -> r.path().endsWith("search-index")), "no full-text search for nobody");

        SearchResponse failing = search(sec, "revenue", List.of());
        assertEquals(SourceStatus.FAILED, failing.sources().get(0).status());
        assertEquals("SEC EDGAR answered HTTP 500", failing.sources().get(0).message());

        SourceUnavailableException refused = assertThrows(SourceUnavailableException.class,
                () -> edgar("Java").fetch(SearchRequest.of("", List.of("TSLA"), List.of(), 5)));
        assertEquals("SEC EDGAR answered HTTP 403", refused.getMessage());
    }

    @Test
    void edgarSlowerThanTheSearchIsATimeout() throws IOException {
        standIn = new SearchStandIn().answer("/efts/LATEST/search-index", new Answer(200, EDGAR_FULL_TEXT, 2000));
        RemoteSource sec = new RemoteSource(SourceName.SEC, EdgarClient.SERVICE, edgar("Fin Agent tests test@example.com"),
                () -> CompanyDirectory.EMPTY);

        SearchResponse response = new ParallelSearch(executor, name -> Duration.ofMillis(500))
                .run(SearchRequest.of("revenue", List.of(), List.of("sec"), 10), Map.of(SourceName.SEC, sec));

        assertEquals(SourceStatus.TIMEOUT, response.sources().get(0).status());
        assertEquals("no answer within 500 ms", response.sources().get(0).message());
        assertTrue(response.results().isEmpty());
    }

    private StockTwitsClient stocktwits() {
        return stocktwits(TIMEOUT);
    }

    private StockTwitsClient stocktwits(Duration timeout) {
        return new StockTwitsClient(SearchRestClients.build(standIn.url(), StockTwitsApi.class, timeout));
    }

    @Test
    void stocktwitsStreamsBecomeLinkedPosts() throws IOException {
        standIn = new SearchStandIn()
                .answer("/api/2/streams/symbol/AAPL.json", Answer.ok(STOCKTWITS_STREAM))
                .stub(get(urlPathMatching("/api/2/streams/symbol/.*")).atPriority(SearchStandIn.ANSWER_PRIORITY + 1)
                        .willReturn(new Answer(404, "{\"response\":{\"status\":404},"
                                + "\"errors\":[{\"message\":\"Symbol Not Found\"}]}", 0).response()));
        RemoteSource social = new RemoteSource(SourceName.SOCIAL, StockTwitsClient.SERVICE, stocktwits(), () -> CompanyDirectory.EMPTY);

        SearchResponse response = search(social, "iPhone China", List.of("AAPL", "ZZZZQ"));

        assertEquals(SourceStatus.OK, response.sources().get(0).status());
        assertEquals(1, response.results().size());
        SearchResult post = response.results().get(0);
        assertEquals("https://stocktwits.com/chartwatcher/message/573979023", post.url());
        assertEquals("@chartwatcher on StockTwits (bullish)", post.title());
        assertEquals(LocalDate.of(2024, 6, 24), post.date());
        assertEquals("30", standIn.requests().get(0).query().get("limit"));
        assertEquals(2, search(social, "", List.of("AAPL")).results().size());
    }

    @Test
    void stocktwitsRateLimitAndSlownessAreReported() throws IOException {
        standIn = new SearchStandIn()
                .answer("/api/2/streams/symbol/AAPL.json", new Answer(429,
                        "{\"response\":{\"status\":429},\"errors\":[{\"message\":\"Rate limit exceeded.\"}]}", 0))
                .answer("/api/2/streams/trending.json", new Answer(200, STOCKTWITS_STREAM, 2000));

        SearchResponse limited = search(new RemoteSource(SourceName.SOCIAL, StockTwitsClient.SERVICE, stocktwits(),
                () -> CompanyDirectory.EMPTY), "", List.of("AAPL"));
        assertEquals(SourceStatus.FAILED, limited.sources().get(0).status());
        assertEquals("StockTwits answered HTTP 429", limited.sources().get(0).message());

        SourceUnavailableException slow = assertThrows(SourceUnavailableException.class,
                () -> stocktwits(Duration.ofMillis(400)).fetch(SearchRequest.of("iPhone", List.of(), List.of(), 5)));
        assertTrue(slow.timedOut());
        assertEquals("StockTwits did not answer in time", slow.getMessage());
    }
}
