package com.finagent.agents.chat;

/**
 * A tool call made while answering.
 *
 * @param id        the model's call id
 * @param name      tool name as offered ({@code marketData}, {@code riskAssessment}, …)
 * @param arguments arguments the model sent (JSON)
 * @param resultId  citation id of the result, e.g. {@code marketData:AAPL}; null when the call failed
 * @param source    where the data came from (the {@code ToolResult}'s source), null when the call failed
 * @param asOf      the data's date or time, when known
 * @param error     why the call failed, null on success
 */
public record ChatToolCall(String id, String name, String arguments, String resultId, String source, String asOf,
                           String error) {

    public boolean failed() {
        return error != null;
    }
}
