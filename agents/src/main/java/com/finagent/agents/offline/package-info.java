/**
 * Fin Agent's offline models: what answers when no language model or embedding model is configured, behind the same
 * interfaces the language-model path uses, so the product's agent code never names them. {@link
 * com.finagent.agents.offline.OfflineChatModel} is a LangChain4j {@code ChatModel} like a hosted one (chat turns in
 * {@code chat}, debate prompts in {@code analyst}); {@code sentiment} holds the offline {@code SentimentModel},
 * {@code memory} the memory rules and the hashing {@code Embedder}. Their word lists are resource files read by
 * {@link com.finagent.agents.offline.text.WordLists}; words are stemmed by Lucene ({@link
 * com.finagent.agents.offline.text.EnglishStems}).
 */
package com.finagent.agents.offline;
