package com.finagent.agents.debate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finagent.agents.model.Json;
import com.finagent.agents.offline.OfflineChatModel;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server speaking OpenAI's Chat Completions wire format ({@code POST /v1/chat/completions}), answering
 * with the offline model's reasoning: tool calls as {@code tool_calls}, answers as content, usage counted.
 * Records every request body and its Authorization header.
 */
final class OpenAiWireServer implements AutoCloseable {

    record Received(String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final OfflineChatModel brain = new OfflineChatModel();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    OpenAiWireServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "{\"error\":{\"message\":\"method not allowed\"}}");
                return;
            }
            JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .orElse(null);
            if (body == null || !body.path("messages").isArray()) {
                send(exchange, 400, "{\"error\":{\"message\":\"messages required\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body));
            ChatResponse answer = brain.chat(ChatRequest.builder().messages(messages(body.path("messages")))
                    .toolSpecifications(tools(body.path("tools")))
                    .toolChoice(body.path("tool_choice").asText().equals("none") ? ToolChoice.NONE : null).build());
            send(exchange, 200, Json.write(completion(body.path("model").asText(), answer)));
        }
    }

    private ObjectNode completion(String model, ChatResponse answer) {
        ObjectNode completion = Json.mapper().createObjectNode();
        completion.put("id", "chatcmpl-" + ids.incrementAndGet());
        completion.put("object", "chat.completion");
        completion.put("created", 1_757_000_000L);
        completion.put("model", model);
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        AiMessage ai = answer.aiMessage();
        if (ai.hasToolExecutionRequests()) {
            message.putNull("content");
            ArrayNode calls = message.putArray("tool_calls");
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                ObjectNode entry = calls.addObject();
                entry.put("id", call.id());
                entry.put("type", "function");
                entry.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
            choice.put("finish_reason", "tool_calls");
        } else {
            message.put("content", ai.text());
            choice.put("finish_reason", "stop");
        }
        ObjectNode usage = completion.putObject("usage");
        usage.put("prompt_tokens", answer.tokenUsage().inputTokenCount());
        usage.put("completion_tokens", answer.tokenUsage().outputTokenCount());
        usage.put("total_tokens", answer.tokenUsage().totalTokenCount());
        return completion;
    }

    private static List<ChatMessage> messages(JsonNode wire) {
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : wire) {
            String content = message.path("content").isNull() ? null : message.path("content").asText(null);
            switch (message.path("role").asText()) {
                case "system" -> messages.add(SystemMessage.from(content));
                case "user" -> messages.add(UserMessage.from(content));
                case "assistant" -> {
                    List<ToolExecutionRequest> calls = new ArrayList<>();
                    for (JsonNode call : message.path("tool_calls")) {
                        calls.add(ToolExecutionRequest.builder().id(call.path("id").asText())
                                .name(call.path("function").path("name").asText())
                                .arguments(call.path("function").path("arguments").asText()).build());
                    }
                    messages.add(calls.isEmpty() ? AiMessage.from(content) : AiMessage.from(calls));
                }
                case "tool" -> messages.add(ToolExecutionResultMessage.from(message.path("tool_call_id").asText(),
                        "", content));
                default -> throw new IllegalArgumentException("role " + message.path("role"));
            }
        }
        return messages;
    }

    private static List<ToolSpecification> tools(JsonNode wire) {
        List<ToolSpecification> tools = new ArrayList<>();
        for (JsonNode tool : wire) {
            JsonNode function = tool.path("function");
            JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
            function.path("parameters").path("properties").fieldNames().forEachRemaining(parameters::addStringProperty);
            tools.add(ToolSpecification.builder().name(function.path("name").asText())
                    .description(function.path("description").asText()).parameters(parameters.build()).build());
        }
        return tools;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
