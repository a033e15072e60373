package com.finagent.agents.offline.analyst;

/** One text of the evidence (news, social, filing), with its sentiment score when it has one and its date if any. */
record Item(String id, String title, String source, String symbol, String category, Double sentiment, String date) {
}
