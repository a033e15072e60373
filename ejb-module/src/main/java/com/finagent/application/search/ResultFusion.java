package com.finagent.application.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * De-duplication and reciprocal rank fusion. Two results are the same when they share a link, or their
 * normalised texts (case, punctuation, links and a retweet's or quote's "RT @user:" prefix ignored) are equal
 * or nearly so (Jaccard similarity of their word sets of at least 0.8, for texts of five words or more); texts
 * are compared only for posts and headlines (news, social), since filings and quotes differ from each other in
 * a date or a number only. Fusion scores a result by the sum of 1 / (60 + rank) over the lists that hold it
 * (Cormack, Clarke and Büttcher, SIGIR 2009), which needs no comparable scores across sources.
 */
public final class ResultFusion {

    static final int RRF_K = 60;
    private static final double NEAR_DUPLICATE = 0.8;
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern RETWEET = Pattern.compile("^(rt\\s+)?\\W?@\\w+:\\s*");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}$]+");

    private ResultFusion() {
    }

    /** The list without later near-duplicates of earlier results; order kept. */
    public static List<SearchResult> distinct(List<SearchResult> results) {
        List<Entry> kept = new ArrayList<>();
        for (SearchResult result : results) {
            Entry candidate = new Entry(result);
            if (kept.stream().noneMatch(candidate::sameAs)) {
                kept.add(candidate);
            }
        }
        return kept.stream().map(e -> e.result).toList();
    }

    /** The sources' lists (each best first) fused into one ranking of at most {@code limit} results. */
    public static List<SearchResult> fuse(List<List<SearchResult>> lists, int limit) {
        List<Entry> merged = new ArrayList<>();
        for (List<SearchResult> list : lists) {
            for (int rank = 0; rank < list.size(); rank++) {
                Entry candidate = new Entry(list.get(rank));
                double contribution = 1.0 / (RRF_K + rank + 1);
                Entry existing = merged.stream().filter(candidate::sameAs).findFirst().orElse(null);
                if (existing == null) {
                    candidate.score = contribution;
                    merged.add(candidate);
                } else {
                    existing.score += contribution;
                }
            }
        }
        // A stable sort: equal scores keep the order of the lists (the request's order of sources).
        return merged.stream()
                .sorted((a, b) -> Double.compare(b.score, a.score))
                .limit(limit)
                .map(e -> e.result.withScore(Math.round(e.score * 1e6) / 1e6))
                .toList();
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        plain = URL.matcher(plain).replaceAll(" ");
        plain = RETWEET.matcher(plain.strip()).replaceFirst("");
        return NON_WORD.matcher(plain).replaceAll(" ").strip();
    }

    private static final class Entry {
        final SearchResult result;
        final String text;
        final Set<String> words;
        final String url;
        final boolean textual;
        double score;

        Entry(SearchResult result) {
            this.result = result;
            this.textual = SourceName.NEWS.id().equals(result.source()) || SourceName.SOCIAL.id().equals(result.source());
            String body = result.snippet() == null || result.snippet().isBlank() ? result.title() : result.snippet();
            this.text = normalise(body);
            this.words = text.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(text.split(" ")));
            this.url = result.url() == null || result.url().isBlank() ? null
                    : result.url().strip().replaceFirst("^https?://(www\\.)?", "").replaceFirst("/$", "").toLowerCase(Locale.ROOT);
        }

        boolean sameAs(Entry other) {
            if (url != null && url.equals(other.url)) {
                return true;
            }
            if (!textual || !other.textual || text.isEmpty() || other.text.isEmpty()) {
                return false;
            }
            if (text.equals(other.text)) {
                return true;
            }
            if (words.size() < 5 || other.words.size() < 5) {
                return false;
            }
            Set<String> union = new LinkedHashSet<>(words);
            union.addAll(other.words);
            long common = words.stream().filter(other.words::contains).count();
            return (double) common / union.size() >= NEAR_DUPLICATE;
        }
    }
}
