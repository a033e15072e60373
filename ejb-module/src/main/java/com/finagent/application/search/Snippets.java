package com.finagent.application.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Short display text. The offline corpora may be searched but not republished, so results show about 200
 * characters, like a search engine: the window of the text that holds the most query words (found with the
 * index's own analyser, so "sales" marks "sale" and "Sales").
 */
final class Snippets {

    static final int SNIPPET_LENGTH = 200;
    static final int TITLE_LENGTH = 100;
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

    /** The about-{@code max}-character window of {@code text} with the most words of {@code query}. */
    static String around(String text, String query, int max) {
        String plain = clean(text);
        if (plain.length() <= max) {
            return plain;
        }
        Set<String> wanted = terms(query);
        List<int[]> matches = new ArrayList<>();
        if (!wanted.isEmpty()) {
            try (TokenStream tokens = CorpusIndex.ANALYZER.tokenStream("text", plain)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    if (wanted.contains(term.toString())) {
                        matches.add(new int[]{offset.startOffset(), offset.endOffset()});
                    }
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int start = 0;
        int best = 0;
        for (int i = 0; i < matches.size(); i++) {
            int count = 0;
            for (int j = i; j < matches.size() && matches.get(j)[1] - matches.get(i)[0] <= max; j++) {
                count++;
            }
            if (count > best) {
                best = count;
                start = matches.get(i)[0];
            }
        }
        // Some context before the first match, starting at a word.
        start = Math.max(0, start - max / 5);
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

    private static Set<String> terms(String query) {
        Set<String> terms = new HashSet<>();
        if (query == null || query.isBlank()) {
            return terms;
        }
        try (TokenStream tokens = CorpusIndex.ANALYZER.tokenStream("text", query)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
