package com.finagent.agents.offline.chat;

import com.finagent.agents.offline.text.WordLists;

import java.util.List;
import java.util.Optional;

/** The per-profile lists of {@code profile-words.txt}: which figures lead and which observations come first. */
final class ProfileWords {

    private static final String FALLBACK = "default";
    private static final WordLists WORDS = WordLists.load(ProfileWords.class, "profile-words.txt");

    private ProfileWords() {
    }

    /** The list {@code [kind profileId]}, or {@code [kind default]} for a profile the file does not name. */
    static List<String> list(String kind, String profileId) {
        return section(kind, profileId).or(() -> section(kind, FALLBACK))
                .orElseThrow(() -> new IllegalStateException("profile-words.txt has no [" + kind + " default]"))
                .entries();
    }

    private static Optional<WordLists.Section> section(String kind, String profileId) {
        return WORDS.sections().stream()
                .filter(section -> section.name().equals(kind) && section.parameters().equals(List.of(profileId)))
                .findFirst();
    }
}
