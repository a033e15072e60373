package com.finagent.application.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Short display text. The offline corpora may be searched but not republished, so results show about 200
 * characters, like a search engine: the window of the text that Lucene's highlighter scores best for the query
 * (analysed with the index's own analyser, so "sales" finds "sale" and "Sales").
 */
final class Snippets {

    static final int SNIPPET_LENGTH = 200;
    static final int TITLE_LENGTH = 100;
    private static final String FIELD = "text";
    private static final Pattern TAG = Pattern.compile("<[^>]{1,200}>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private Snippets() {
    }

    /** Markup and entities removed, table cells and line breaks turned into single spaces. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String plain = text;
        if (plain.indexOf('<') >= 0) {
            plain = TAG.matcher(plain).replaceAll(" ");
        }
        if (plain.indexOf('&') >= 0) {
            plain = plain.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&#x27;", "'").replace("&nbsp;", " ");
        }
        if (plain.indexOf('|') >= 0) {
            plain = plain.replace('|', ' ');
        }
        return SPACE.matcher(plain).replaceAll(" ").strip();
    }

    static String withoutLinks(String text) {
        return text.contains("http") ? SPACE.matcher(LINK.matcher(text).replaceAll(" ")).replaceAll(" ").strip() : text;
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    static String shorten(String text, int max) {
        return shortenClean(clean(text), max);
    }

    private static String shortenClean(String plain, int max) {
        if (plain.length() <= max) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', max - 1);
        return plain.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    /**
     * The about-{@code max}-character window of {@code text} around the passage that Lucene's highlighter scores
     * best for the words of {@code query}, with some context before it.
     */
    static String around(String text, String query, int max) {
        String plain = clean(text);
        if (plain.length() <= max) {
            return plain;
        }
        int context = max / 5;
        int start = bestPassage(plain, query, max - context);
        start = Math.max(0, start - context);
        if (start > 0) {
            int space = plain.indexOf(' ', start);
            start = space < 0 || space - start > 20 ? start : space + 1;
        }
        if (plain.length() - start < max) {
            start = Math.max(0, plain.length() - max);
            int space = plain.indexOf(' ', start);
            start = start == 0 || space < 0 ? start : space + 1;
        }
        String window = shortenClean(plain.substring(start), max - (start > 0 ? 1 : 0));
        return start > 0 ? "…" + window : window;
    }

    /** Where the {@code length}-character passage with the most query words begins; 0 when no word matches. */
    private static int bestPassage(String plain, String query, int length) {
        Query words = query(query);
        if (words == null) {
            return 0;
        }
        // The formatter keeps the text as it is: the passage is found by its offset, not shown with marks.
        Highlighter highlighter = new Highlighter((original, group) -> original, new QueryTermScorer(words));
        highlighter.setTextFragmenter(new SimpleFragmenter(length));
        highlighter.setMaxDocCharsToAnalyze(plain.length());
        try (TokenStream tokens = CorpusIndex.ANALYZER.tokenStream(FIELD, plain)) {
            String passage = highlighter.getBestFragment(tokens, plain);
            return passage == null ? 0 : Math.max(0, plain.indexOf(passage));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            throw new IllegalStateException("The analyser's offsets do not fit the text it analysed", e);
        }
    }

    /** Any of the analysed words of {@code query}; {@code null} when it has none. */
    private static Query query(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        boolean any = false;
        try (TokenStream tokens = CorpusIndex.ANALYZER.tokenStream(FIELD, query)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(new TermQuery(new Term(FIELD, term.toString())), BooleanClause.Occur.SHOULD);
                any = true;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return any ? words.build() : null;
    }
}
