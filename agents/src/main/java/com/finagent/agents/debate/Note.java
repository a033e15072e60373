package com.finagent.agents.debate;

import java.util.List;

/**
 * A risk, or a condition that would change the view.
 *
 * @param text     the note
 * @param evidence citations behind it
 * @param raisedBy participant it comes from, if any
 */
public record Note(String text, List<String> evidence, String raisedBy) {

    public Note {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
