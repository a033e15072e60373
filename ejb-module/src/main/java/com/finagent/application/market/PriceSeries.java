package com.finagent.application.market;

import com.finagent.application.market.provider.DailyBar;
import java.io.Serializable;
import java.util.List;

/** A symbol's bars and the source that supplied them. */
public record PriceSeries(String symbol, String interval, String source, boolean cached, List<DailyBar> bars)
        implements Serializable {

    public PriceSeries fromCache() {
        return new PriceSeries(symbol, interval, source, true, bars);
    }
}
