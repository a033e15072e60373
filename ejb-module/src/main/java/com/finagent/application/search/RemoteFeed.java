package com.finagent.application.search;

import java.util.List;

/**
 * A live service's candidate documents for a request (the latest news or posts on the symbols, a company's
 * filings, full-text hits). Throws {@link SourceUnavailableException} when the service cannot answer.
 */
@FunctionalInterface
public interface RemoteFeed {

    List<SearchDocument> fetch(SearchRequest request);
}
