package com.finagent.application.debate;

import com.finagent.agents.debate.Stance;

import java.util.List;
import java.util.UUID;

/**
 * A completed debate rated {@code symbols} (a CDI event within the EJB jar): features that follow ratings, such as
 * the alerts on held positions, observe it without the debate knowing them.
 */
public record RatingGiven(UUID userId, UUID debateId, List<String> symbols, Stance rating) {
}
