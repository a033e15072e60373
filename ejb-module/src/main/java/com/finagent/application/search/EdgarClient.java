package com.finagent.application.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Filings from SEC EDGAR: each requested company's recent filings (tickers mapped to CIKs with the SEC's own
 * company list, kept for a day) and, with query text, EDGAR's full-text search over the requested forms
 * (restricted to the requested companies when symbols are given). A symbol EDGAR does not list gives nothing.
 */
public final class EdgarClient implements RemoteFeed {

    public static final String SERVICE = "SEC EDGAR";
    static final Duration COMPANY_LIST_LIFETIME = Duration.ofDays(1);

    private final EdgarApi.Files files;
    private final EdgarApi.Submissions submissions;
    private final EdgarApi.FullText fullText;
    private final String userAgent;
    private final String forms;
    private volatile CompanyList companies;

    public EdgarClient(EdgarApi.Files files, EdgarApi.Submissions submissions, EdgarApi.FullText fullText,
                       String userAgent, String forms) {
        this.files = files;
        this.submissions = submissions;
        this.fullText = fullText;
        this.userAgent = userAgent;
        this.forms = forms;
    }

    @Override
    public List<SearchDocument> fetch(SearchRequest request) {
        List<SearchDocument> documents = new ArrayList<>();
        List<CompanyDirectory.Company> known = new ArrayList<>();
        if (!request.symbols().isEmpty()) {
            CompanyDirectory directory = companies();
            request.symbols().forEach(symbol -> directory.bySymbol(symbol).ifPresent(known::add));
            if (known.isEmpty()) {
                return documents;
            }
        }
        for (CompanyDirectory.Company company : known) {
            RemoteJson.call(SERVICE, () -> submissions.submissions(company.paddedCik(), userAgent))
                    .ifPresent(answer -> documents.addAll(EdgarFilings.fromSubmissions(answer, SERVICE)));
        }
        if (request.hasQuery()) {
            String ciks = known.isEmpty() ? null
                    : known.stream().map(CompanyDirectory.Company::paddedCik).distinct().collect(Collectors.joining(","));
            CompanyDirectory directory = known.isEmpty() ? Optional.ofNullable(companies).map(CompanyList::directory)
                    .orElse(CompanyDirectory.EMPTY) : companies();
            RemoteJson.call(SERVICE, () -> fullText.search(request.query(), forms, ciks, userAgent))
                    .ifPresent(answer -> documents.addAll(EdgarFilings.fromFullTextSearch(answer, directory, SERVICE + " full-text search")));
        }
        return documents;
    }

    /** The SEC's company list, fetched on first need and again after a day. */
    CompanyDirectory companies() {
        CompanyList current = companies;
        if (current == null || current.fetched().plus(COMPANY_LIST_LIFETIME).isBefore(Instant.now())) {
            CompanyDirectory directory = RemoteJson.call(SERVICE, () -> files.companyTickers(userAgent))
                    .map(CompanyDirectory::fromJson)
                    .orElseThrow(() -> new SourceUnavailableException(SERVICE, SERVICE + " has no company list", false, null));
            current = new CompanyList(directory, Instant.now());
            companies = current;
        }
        return current.directory();
    }

    private record CompanyList(CompanyDirectory directory, Instant fetched) {
    }
}
