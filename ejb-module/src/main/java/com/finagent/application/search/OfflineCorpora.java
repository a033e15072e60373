package com.finagent.application.search;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The offline corpora under the shared data directory ({@code news/} and {@code sec/}), read at run time and
 * never packaged: their licences allow searching them, not republishing them. Each corpus is read and indexed
 * once, on first use; a missing directory or file is reported, not fatal.
 */
public final class OfflineCorpora {

    public static final String NEWS_ORIGIN = "Finance-news post on Twitter (Twitter Financial News dataset, zeroshot, MIT licence), offline corpus";
    public static final String STOCKTWITS_ORIGIN = "StockTwits posts of October 2020 (stocktwits-svm-nlp, MIT licence), offline corpus";
    public static final String TWEETS_ORIGIN = "Tweets on $AAPL and $FB of February 2015 (twitter-stock-sentiment, MIT licence), offline corpus";
    public static final String SEC_ORIGIN = "SEC EDGAR sample data (edgartools, MIT licence), offline corpus";

    static final String NEWS_FILE = "news_headlines_tfn_topic.csv";
    static final String STOCKTWITS_FILE = "social_stocktwits_2020.csv";
    static final String TWEETS_FILE = "social_tweets_2015_aapl_fb.csv";

    private static final Logger LOG = Logger.getLogger(OfflineCorpora.class.getName());
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final Path dataDirectory;
    private final Lazy<CompanyDirectory> companies;
    private final Lazy<CorpusIndex> news;
    private final Lazy<CorpusIndex> social;
    private final Lazy<CorpusIndex> sec;

    /** @param dataDirectory the shared data directory (holding {@code news/} and {@code sec/}); may be null */
    public OfflineCorpora(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.companies = new Lazy<>(this::loadCompanies);
        this.news = new Lazy<>(() -> CorpusIndex.build(loadNews(require("news", NEWS_FILE))));
        this.social = new Lazy<>(() -> CorpusIndex.build(loadSocial(require("news", STOCKTWITS_FILE), require("news", TWEETS_FILE))));
        this.sec = new Lazy<>(() -> CorpusIndex.build(loadSec(require("sec", null))));
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The SEC's company list from {@code sec/*company_tickers*.json}, or an empty one without it. */
    public CompanyDirectory companies() {
        return companies.get();
    }

    public CorpusIndex news() {
        return news.get();
    }

    public CorpusIndex social() {
        return social.get();
    }

    public CorpusIndex sec() {
        return sec.get();
    }

    private Path require(String folder, String file) {
        if (dataDirectory == null) {
            throw new CorpusMissingException("no offline data directory is configured (finagent.data.dir)");
        }
        Path path = file == null ? dataDirectory.resolve(folder) : dataDirectory.resolve(folder).resolve(file);
        if (!Files.isReadable(path)) {
            throw new CorpusMissingException("the offline corpus " + dataDirectory.relativize(path) + " is missing under "
                    + dataDirectory + " (finagent.data.dir)");
        }
        return path;
    }

    private CompanyDirectory loadCompanies() {
        if (dataDirectory == null || !Files.isDirectory(dataDirectory.resolve("sec"))) {
            return CompanyDirectory.EMPTY;
        }
        try (Stream<Path> files = Files.list(dataDirectory.resolve("sec"))) {
            Optional<Path> file = files.filter(p -> p.getFileName().toString().contains("company_tickers")
                    && p.getFileName().toString().endsWith(".json")).sorted().findFirst();
            return file.isEmpty() ? CompanyDirectory.EMPTY : CompanyDirectory.fromJson(readJson(file.get()));
        } catch (IOException e) {
            LOG.warning("Cannot read the SEC company list under " + dataDirectory + ": " + e);
            return CompanyDirectory.EMPTY;
        }
    }

    /** Finance headlines posted on Twitter; undated (mostly 2022); the link is the headline's t.co link. */
    static List<SearchDocument> loadNews(Path csv) {
        List<SearchDocument> documents = new ArrayList<>();
        for (Map<String, String> row : readCsv(csv)) {
            String text = Snippets.clean(row.get("text"));
            Matcher link = LINK.matcher(text);
            String url = link.find() ? link.group() : null;
            String headline = Snippets.withoutLinks(text);
            documents.add(new SearchDocument(row.get("id"), NEWS_ORIGIN, Snippets.shorten(headline, Snippets.TITLE_LENGTH),
                    headline, row.get("topic"), url, null, tickers(row.get("tickers")), null, false));
        }
        return documents;
    }

    /** StockTwits posts (undated, without message ids, so without links) and dated tweets linked by id. */
    static List<SearchDocument> loadSocial(Path stocktwits, Path tweets) {
        List<SearchDocument> documents = new ArrayList<>();
        for (Map<String, String> row : readCsv(stocktwits)) {
            List<String> symbols = tickers(row.get("tickers"));
            String text = Snippets.clean(row.get("text"));
            documents.add(new SearchDocument(row.get("id"), STOCKTWITS_ORIGIN,
                    "StockTwits post (" + row.get("user_label") + ")" + cashtags(symbols), text, null, null, null,
                    symbols, null, false));
        }
        for (Map<String, String> row : readCsv(tweets)) {
            List<String> symbols = tickers(row.get("tickers"));
            String text = Snippets.clean(row.get("text"));
            String id = row.get("tweet_id");
            documents.add(new SearchDocument("tweet-" + id, TWEETS_ORIGIN,
                    ("true".equals(row.get("is_retweet")) ? "Retweet" : "Tweet") + cashtags(symbols), text, null,
                    "https://twitter.com/i/web/status/" + id, EdgarFilings.date(row.get("created_at_utc")), symbols, null, false));
        }
        return documents;
    }

    /** Submissions files, filings rendered as Markdown (one document per passage), and archive folder listings. */
    List<SearchDocument> loadSec(Path folder) {
        CompanyDirectory directory = companies();
        List<SearchDocument> documents = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".json") && name.contains("submissions")) {
                documents.addAll(EdgarFilings.fromSubmissions(readJson(file), SEC_ORIGIN));
            } else if (name.endsWith(".json") && name.contains("filing_index")) {
                EdgarMarkdown.fromFolderListing(readJson(file), directory, SEC_ORIGIN).ifPresent(documents::add);
            } else if (name.endsWith(".md")) {
                try {
                    documents.addAll(EdgarMarkdown.passages(name, Files.readString(file, StandardCharsets.UTF_8), directory, SEC_ORIGIN));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return documents;
    }

    private static List<String> tickers(String field) {
        return field == null || field.isBlank() ? List.of() : Arrays.stream(field.strip().split("\\s+")).toList();
    }

    private static String cashtags(List<String> symbols) {
        return symbols.isEmpty() ? "" : " · " + String.join(" ", symbols.stream().limit(4).map(s -> "$" + s).toList());
    }

    /** Every row after the header, as column name to value (RFC 4180: quoted fields may hold commas and line breaks). */
    private static List<Map<String, String>> readCsv(Path csv) {
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSV)) {
            List<String> header = parser.getHeaderNames();
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new HashMap<>();
                header.forEach(column -> row.put(column, record.isSet(column) ? record.get(column) : ""));
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject readJson(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A corpus file or the data directory is not there. */
    public static final class CorpusMissingException extends RuntimeException {
        public CorpusMissingException(String message) {
            super(message);
        }
    }

    /**
     * Computes once, on first use, and keeps the value; a failure is not kept, so a corpus that appears later is
     * found. Callers wait for a computation in progress.
     */
    static final class Lazy<T> {
        private final Supplier<T> supplier;
        private volatile T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            T current = value;
            if (current == null) {
                synchronized (this) {
                    current = value;
                    if (current == null) {
                        current = supplier.get();
                        value = current;
                    }
                }
            }
            return current;
        }
    }
}
