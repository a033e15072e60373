package com.finagent.web.socket;

import jakarta.json.JsonValue;

/**
 * The envelope of every WebSocket message: a {@code type} that says how to read {@code payload}.
 * Server-sent types so far: {@code welcome}, {@code echo}, {@code error}.
 */
public record SocketMessage(String type, JsonValue payload) {
}
