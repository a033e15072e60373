package com.finagent.agents.offline.sentiment;

import com.finagent.agents.sentiment.SentimentLabel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the labelled training files under the shared data folder and the hand-written news sets. */
final class SentimentData {

    static final String TWEETS_TRAIN = "sentiment-train/twitter_financial_news_sentiment_train.csv";
    static final String TWEETS_VALID = "sentiment-train/twitter_financial_news_sentiment_valid.csv";
    static final String SURGE = "sentiment-train/surge_ai_stock_sentiment.csv";
    static final String NEWS_CHECK = "news_check.tsv";
    static final String NEWS_DEV = "news_dev.tsv";

    /** One labelled text. */
    record Example(String text, SentimentLabel label) {
    }

    private SentimentData() {
    }

    /** The shared data folder: the {@code finagent.shared.data} system property (set by the build), as elsewhere. */
    static Path sharedData() {
        return Path.of(System.getProperty("finagent.shared.data", "../../shared/data")).toAbsolutePath().normalize();
    }

    /** zeroshot twitter-financial-news-sentiment: text,label with 0 bearish, 1 bullish, 2 neutral. */
    static List<Example> tweets(Path file) throws IOException {
        List<List<String>> rows = CsvReader.read(file);
        requireHeader(rows, file, "text", "label");
        List<Example> out = new ArrayList<>(rows.size());
        for (List<String> row : rows.subList(1, rows.size())) {
            SentimentLabel label = switch (row.get(1).trim()) {
                case "0" -> SentimentLabel.NEGATIVE;
                case "1" -> SentimentLabel.POSITIVE;
                case "2" -> SentimentLabel.NEUTRAL;
                default -> throw new IOException("Unknown label '" + row.get(1) + "' in " + file);
            };
            out.add(new Example(row.get(0), label));
        }
        return out;
    }

    /** Surge AI stock sentiment: Stock Ticker, Tweet Text, Sentiment (Positive/Negative), Tweet URL. */
    static List<Example> surge(Path file) throws IOException {
        List<List<String>> rows = CsvReader.read(file);
        requireHeader(rows, file, "Stock Ticker", "Tweet Text", "Sentiment");
        List<Example> out = new ArrayList<>(rows.size());
        for (List<String> row : rows.subList(1, rows.size())) {
            SentimentLabel label = switch (row.get(2).trim()) {
                case "Positive" -> SentimentLabel.POSITIVE;
                case "Negative" -> SentimentLabel.NEGATIVE;
                default -> throw new IOException("Unknown sentiment '" + row.get(2) + "' in " + file);
            };
            out.add(new Example(row.get(1), label));
        }
        return out;
    }

    /** A hand-written news set from the test resources: "LABEL<TAB>sentence" lines, '#' starts a comment. */
    static List<Example> news(String resource) {
        try (InputStream in = SentimentData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            List<Example> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.add(new Example(line.substring(tab + 1).strip(), SentimentLabel.valueOf(line.substring(0, tab))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireHeader(List<List<String>> rows, Path file, String... columns) throws IOException {
        if (rows.isEmpty() || rows.get(0).size() < columns.length) {
            throw new IOException("Missing header in " + file);
        }
        for (int i = 0; i < columns.length; i++) {
            if (!rows.get(0).get(i).trim().equals(columns[i])) {
                throw new IOException("Unexpected column " + i + " '" + rows.get(0).get(i) + "' in " + file);
            }
        }
    }
}
