package com.finagent.application.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An in-memory Lucene index (BM25) of documents. Text is analysed in English (lower case, stop words, Porter
 * stems, so "sales" finds "sale"); symbols are exact terms. With symbols, a document must be about one of
 * them (tagged with it, or naming it or its company in the text), and tagged ones rank higher; with text, it
 * must match a word of it, and more matched words, rarer words and the exact phrase rank higher. Ties go to
 * the newer document. Immutable after {@link #build}; searches may run concurrently.
 */
public final class CorpusIndex {

    static final Analyzer ANALYZER = new EnglishAnalyzer();
    private static final String TEXT = "text";
    private static final String SYMBOL = "symbol";
    private static final String PREMATCHED = "prematched";
    private static final String DATE = "date";
    private static final String DAY = "day";
    private static final String ORDINAL = "ord";

    private final List<SearchDocument> documents;
    private final IndexSearcher searcher;

    private CorpusIndex(List<SearchDocument> documents, IndexSearcher searcher) {
        this.documents = documents;
        this.searcher = searcher;
    }

    public static CorpusIndex build(List<SearchDocument> documents) {
        List<SearchDocument> docs = List.copyOf(documents);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(ANALYZER)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < docs.size(); i++) {
                writer.addDocument(toLucene(i, docs.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
            return new CorpusIndex(docs, searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return documents.size();
    }

    /** The best documents for the query, at most one per group, best first. */
    public List<Hit> search(RankingQuery ranking, int limit) {
        Query query = query(ranking);
        if (query == null || documents.isEmpty() || limit <= 0) {
            return List.of();
        }
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(DATE, SortField.Type.LONG, true));
        try {
            TopFieldDocs top = searcher.search(query, Math.min(documents.size(), limit * 5 + 20), sort, true);
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>();
            Set<String> groups = new HashSet<>();
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                int ordinal = stored.document(scoreDoc.doc).getField(ORDINAL).numericValue().intValue();
                SearchDocument document = documents.get(ordinal);
                if (groups.add(document.groupKey())) {
                    hits.add(new Hit(document, scoreDoc.score));
                    if (hits.size() == limit) {
                        break;
                    }
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Query query(RankingQuery ranking) {
        QueryBuilder builder = new QueryBuilder(ANALYZER);
        Query textPart = null;
        if (!ranking.text().isEmpty()) {
            Query words = builder.createBooleanQuery(TEXT, ranking.text(), Occur.SHOULD);
            if (words != null) {
                BooleanQuery.Builder text = new BooleanQuery.Builder().add(words, Occur.SHOULD);
                Query phrase = builder.createPhraseQuery(TEXT, ranking.text(), 2);
                if (phrase instanceof PhraseQuery p && p.getTerms().length > 1) {
                    text.add(new BoostQuery(phrase, 0.5f), Occur.SHOULD);
                }
                text.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(PREMATCHED, "1"))), 0.1f), Occur.SHOULD);
                textPart = text.build();
            }
        }
        Query symbolPart = null;
        if (!ranking.symbols().isEmpty()) {
            BooleanQuery.Builder about = new BooleanQuery.Builder();
            for (String symbol : ranking.symbols()) {
                String upper = symbol.toUpperCase(Locale.ROOT);
                about.add(constant(new TermQuery(new Term(SYMBOL, upper)), 2f), Occur.SHOULD);
                // Bare tickers of one or two letters ("T", "ON") are ordinary words in running text.
                if (upper.length() >= 3) {
                    Query bare = builder.createBooleanQuery(TEXT, upper);
                    if (bare != null) {
                        about.add(constant(bare, 1f), Occur.SHOULD);
                    }
                }
            }
            for (String name : ranking.companyNames()) {
                Query named = builder.createPhraseQuery(TEXT, name);
                if (named != null) {
                    about.add(constant(named, 1f), Occur.SHOULD);
                }
            }
            symbolPart = about.build();
        }
        // Text of stop words only ("the") leaves textPart null: the symbols alone decide then.
        Query ranked;
        if (symbolPart == null || textPart == null) {
            ranked = symbolPart == null ? textPart : symbolPart;
        } else {
            // Both must hold; the text decides the order among documents about the symbols.
            ranked = new BooleanQuery.Builder().add(textPart, Occur.MUST).add(new BoostQuery(symbolPart, 0.3f), Occur.MUST).build();
        }
        if (ranked == null || ranking.before() == null) {
            return ranked;
        }
        // Only dated documents have a day point, so an undated one never passes a bound.
        return new BooleanQuery.Builder().add(ranked, Occur.MUST)
                .add(LongPoint.newRangeQuery(DAY, Long.MIN_VALUE, ranking.before().toEpochDay() - 1), Occur.FILTER)
                .build();
    }

    /**
     * Being about a symbol is yes or no: a constant score (how it is mentioned, not how often or in how long a
     * text), so that among documents equally about it the newer come first.
     */
    private static Query constant(Query query, float score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }

    private static Document toLucene(int ordinal, SearchDocument source) {
        Document doc = new Document();
        doc.add(new StoredField(ORDINAL, ordinal));
        doc.add(new TextField(TEXT, source.text(), Field.Store.NO));
        if (source.keywords() != null && !source.keywords().isBlank()) {
            doc.add(new TextField(TEXT, source.keywords(), Field.Store.NO));
        }
        for (String symbol : source.symbols()) {
            doc.add(new StringField(SYMBOL, symbol.toUpperCase(Locale.ROOT), Field.Store.NO));
        }
        if (source.prematched()) {
            doc.add(new StringField(PREMATCHED, "1", Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(DATE, source.date() == null ? Long.MIN_VALUE : source.date().toEpochDay()));
        if (source.date() != null) {
            doc.add(new LongPoint(DAY, source.date().toEpochDay()));
        }
        return doc;
    }

    /** A document and its BM25 score in this index (comparable only within one search). */
    public record Hit(SearchDocument document, float score) {
    }
}
