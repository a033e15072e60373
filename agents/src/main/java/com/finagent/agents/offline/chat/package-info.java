/**
 * The offline model's chat answers: the turn read from its system message ({@code ChatResponder}), the question's
 * plan of tool calls ({@code ChatPlanner}), and the answer written from the tool results alone ({@code AnswerWriter}
 * with {@code DataSections} and {@code Observations}).
 */
package com.finagent.agents.offline.chat;
