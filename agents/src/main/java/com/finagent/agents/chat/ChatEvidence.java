package com.finagent.agents.chat;

/**
 * A figure or a document the answer cites, traced back to the tool result it came from.
 *
 * @param id     {@code RESULT_ID#metric} for a figure, the item's id for a document
 * @param kind   {@code figure} or {@code item}
 * @param tool   tool that returned it
 * @param symbol ticker it concerns, null for portfolio or market-wide data
 * @param source data source named by the tool result (for an item: its publisher)
 * @param asOf   date of the data (for an item: its publication date), may be null
 * @param metric metric name of a figure, null for an item
 * @param value  value of a figure as the tool returned it (fractions as fractions), null for an item
 * @param title  headline of an item, null for a figure
 * @param url    link of an item, may be null
 */
public record ChatEvidence(String id, String kind, String tool, String symbol, String source, String asOf, String metric,
                           Double value, String title, String url) {

    public static final String FIGURE = "figure";
    public static final String ITEM = "item";
}
