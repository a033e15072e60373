package com.finagent.application.search;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** News from Polygon.io: the latest articles on each requested symbol (or on the market), ranked here by the query. */
public final class PolygonNewsClient implements RemoteFeed {

    public static final String SERVICE = "Polygon.io";
    static final int ARTICLES = 50;

    private final PolygonNewsApi api;
    private final String key;

    public PolygonNewsClient(PolygonNewsApi api, String key) {
        this.api = api;
        this.key = key;
    }

    @Override
    public List<SearchDocument> fetch(SearchRequest request) {
        List<String> tickers = request.symbols().isEmpty() ? Arrays.asList((String) null) : request.symbols();
        List<SearchDocument> documents = new ArrayList<>();
        for (String ticker : tickers) {
            RemoteJson.call(SERVICE, () -> api.news(ticker, ARTICLES, "desc", "published_utc", key))
                    .ifPresent(answer -> documents.addAll(parse(answer)));
        }
        return documents;
    }

    static List<SearchDocument> parse(JsonObject answer) {
        JsonArray results = answer.get("results") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        List<SearchDocument> documents = new ArrayList<>(results.size());
        for (JsonValue value : results) {
            if (!(value instanceof JsonObject article)) {
                continue;
            }
            String title = article.getString("title", "");
            String description = article.getString("description", "");
            JsonObject publisher = article.get("publisher") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
            String source = publisher.getString("name", "");
            documents.add(new SearchDocument(article.getString("id", article.getString("article_url", title)),
                    source.isEmpty() ? SERVICE : SERVICE + " · " + source, title,
                    description.isBlank() ? title : description, title + " " + String.join(" ", strings(article.get("keywords"))),
                    article.getString("article_url", null), EdgarFilings.date(article.getString("published_utc", "")),
                    strings(article.get("tickers")), null, false));
        }
        return documents;
    }

    private static List<String> strings(JsonValue value) {
        return value instanceof JsonArray array
                ? array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList()
                : List.of();
    }
}
