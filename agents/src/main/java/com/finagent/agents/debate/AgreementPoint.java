package com.finagent.agents.debate;

import java.util.List;

/**
 * Evidence that several participants cite for the same direction.
 *
 * @param point        the point, in one participant's words
 * @param evidence     the shared citation(s)
 * @param participants who cite it that way
 * @param direction    bullish, bearish or neutral
 */
public record AgreementPoint(String point, List<String> evidence, List<String> participants, String direction) {
}
