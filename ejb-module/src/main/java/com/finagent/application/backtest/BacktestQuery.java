package com.finagent.application.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a user asks a backtest for, stored as given so that a replay runs exactly the same.
 *
 * @param symbols         the symbols, each traded on its own against its own starting cash
 * @param from            first day a rebalance may fall on
 * @param to              last day of the simulation
 * @param frequency       weekly or monthly rebalancing
 * @param assistantType   the assistant whose debate rates each symbol on each rebalance day
 * @param maxRounds       debate rounds at most
 * @param tokenBudget     tokens all the backtest's debates may use together; 0 for no limit
 * @param startingCash    cash each symbol starts with
 * @param costBasisPoints cost of each trade in basis points of its value
 * @param participantModels model per participant id ({@code provider:model}, {@code model} or {@code offline}), as a
 *                        debate takes them; participants without an entry use the configured model
 */
public record BacktestQuery(List<String> symbols, LocalDate from, LocalDate to, RebalanceFrequency frequency,
                            String assistantType, int maxRounds, long tokenBudget, double startingCash,
                            double costBasisPoints, Map<String, String> participantModels) {

    public BacktestQuery {
        symbols = List.copyOf(symbols);
        participantModels = participantModels == null ? Map.of() : Map.copyOf(participantModels);
    }
}
