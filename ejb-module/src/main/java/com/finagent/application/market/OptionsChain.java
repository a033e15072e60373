package com.finagent.application.market;

import com.finagent.application.market.provider.OptionContract;
import java.util.List;

/** The option contracts of an underlying symbol and the source that supplied them. */
public record OptionsChain(String symbol, String source, List<OptionContract> contracts) {
}
