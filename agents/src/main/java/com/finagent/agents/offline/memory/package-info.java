/**
 * Long-term memory without a language model: the rules that extract memories from a message ({@code MemoryRules},
 * one family of rules per memory kind) and the embedder that needs no model ({@code HashingEmbedder}).
 */
package com.finagent.agents.offline.memory;
