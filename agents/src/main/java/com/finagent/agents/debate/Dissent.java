package com.finagent.agents.debate;

import java.util.List;

/**
 * A participant whose final stance differs from the consensus rating, with its reasons: kept, not averaged away.
 *
 * @param participant id
 * @param name        display name
 * @param stance      its final stance
 * @param confidence  its final confidence
 * @param distance    notches from the rating (signed: positive is more bullish)
 * @param reasons     its strongest arguments
 */
public record Dissent(String participant, String name, Stance stance, double confidence, int distance,
                      List<Argument> reasons) {
}
