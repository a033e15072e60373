package com.finagent.application.market;

import jakarta.enterprise.context.ApplicationScoped;

/** Loads the bundled history once per application. */
@ApplicationScoped
public class OfflineMarketDataHolder {

    private volatile OfflineMarketData data;

    public OfflineMarketData data() {
        OfflineMarketData current = data;
        if (current == null) {
            synchronized (this) {
                if (data == null) {
                    data = OfflineMarketData.load();
                }
                current = data;
            }
        }
        return current;
    }
}
