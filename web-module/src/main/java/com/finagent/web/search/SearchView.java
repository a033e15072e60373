package com.finagent.web.search;

import com.finagent.application.search.SearchResponse;
import com.finagent.application.search.SearchResult;
import com.finagent.application.search.SourceReport;

import java.time.LocalDate;
import java.util.List;

/** A search's answer as the API shows it: statuses in lower case ({@code ok}, {@code offline}, {@code timeout}, ...). */
public record SearchView(String query, List<String> symbols, boolean partial, List<SourceView> sources,
                         List<ResultView> results) {

    static SearchView of(SearchResponse response) {
        return new SearchView(response.query(), response.symbols(), response.partial(),
                response.sources().stream().map(SourceView::of).toList(),
                response.results().stream().map(ResultView::of).toList());
    }

    /** How one source answered: {@code ok}, {@code offline}, {@code timeout}, {@code failed} or {@code disabled}. */
    public record SourceView(String name, String status, String origin, long millis, int results, boolean partial,
                             String message) {

        static SourceView of(SourceReport report) {
            return new SourceView(report.source(), report.status().id(), report.origin(), report.millis(),
                    report.results(), report.partial(), report.message());
        }
    }

    /** One ranked result with the source that found it. */
    public record ResultView(String source, String origin, String title, String snippet, String url, LocalDate date,
                             List<String> symbols, double score) {

        static ResultView of(SearchResult result) {
            return new ResultView(result.source(), result.origin(), result.title(), result.snippet(), result.url(),
                    result.date(), result.symbols(), result.score());
        }
    }
}
