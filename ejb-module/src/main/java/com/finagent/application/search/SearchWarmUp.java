package com.finagent.application.search;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the offline corpora's search indexes in the background right after start, so that the first user's
 * search (or debate) does not wait for indexing past its sources' deadlines.
 */
@Singleton
@Startup
public class SearchWarmUp {

    private static final Logger LOG = Logger.getLogger(SearchWarmUp.class.getName());

    @Resource
    ManagedExecutorService executor;

    @EJB
    SearchService search;

    @PostConstruct
    void warmUp() {
        executor.submit(() -> {
            try {
                search.search("earnings outlook", List.of("AAPL"), List.of("news", "sec", "social"), 1);
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "Warming up the search indexes failed; they are built on first use instead", e);
            }
        });
    }
}
