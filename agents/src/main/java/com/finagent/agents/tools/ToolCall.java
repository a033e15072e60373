package com.finagent.agents.tools;

import com.finagent.agents.model.CanonicalJson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One executed tool call: what the model asked for and what it got back.
 *
 * @param requestId the model's tool-call id, echoed in the tool result message
 * @param tool      tool name as offered to the model
 * @param arguments arguments as the model sent them (JSON)
 * @param result    the result with its citation id, null when the call failed
 * @param error     why the call failed, null on success
 */
public record ToolCall(String requestId, String tool, String arguments, ToolResult result, String error) {

    public boolean failed() {
        return error != null;
    }

    /** The text the model receives as the tool's answer. */
    public String toModelText() {
        if (failed()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tool", tool);
            body.put("error", error);
            return CanonicalJson.write(body);
        }
        return CanonicalJson.write(result);
    }
}
