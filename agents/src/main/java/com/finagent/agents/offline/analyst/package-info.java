/**
 * The offline model's debate answers: a participant's inputs ({@code AnalysisInputs}), the observations each signal
 * group finds in them ({@code Signals} and its groups), the mandate's verdict ({@code Assessment}), and the position,
 * tool-call and recommendation JSON of the debate protocol ({@code PositionWriter}, {@code ToolPlanner},
 * {@code RecommendationWriter}).
 */
package com.finagent.agents.offline.analyst;
