package com.finagent.agents.offline.chat;

import com.finagent.agents.profile.AssistantProfile;

import java.util.List;

/**
 * What a chat turn's system message tells the offline chat.
 *
 * @param profile  the assistant answering
 * @param catalog  every profile, to point at one that has a tool this one lacks
 * @param symbols  symbols the user is looking at
 * @param memories long-term memories of the user relevant to the turn
 */
record ChatContext(AssistantProfile profile, List<AssistantProfile> catalog, List<String> symbols,
                   List<String> memories) {

    ChatContext {
        catalog = List.copyOf(catalog);
        symbols = List.copyOf(symbols);
        memories = List.copyOf(memories);
    }
}
