package com.finagent.agents.debate;

import com.finagent.agents.model.Json;
import com.finagent.agents.offline.OfflineChatModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local server speaking OpenAI's Chat Completions wire format ({@code POST /v1/chat/completions}), answering
 * with the offline model's reasoning: tool calls as {@code tool_calls}, answers as content, usage counted. A WireMock
 * server whose one stub computes its answer (a response transformer); requests are kept in its journal.
 */
final class OpenAiWireServer implements AutoCloseable {

    record Received(String authorization, JsonNode body) {
    }

    private static final String ENDPOINT = "/v1/chat/completions";
    private static final String MESSAGES = "$[?(@.messages)]";

    private final WireMockServer server;
    private final OfflineChatModel brain = new OfflineChatModel();
    private final AtomicInteger ids = new AtomicInteger();
    private final Function<JsonNode, String> script;

    OpenAiWireServer() {
        this(body -> null);
    }

    /**
     * @param script the content a scripted model answers to a request body instead of the offline model's reasoning,
     *               or null to leave the request to it
     */
    OpenAiWireServer(Function<JsonNode, String> script) {
        this.script = script;
        ResponseDefinitionTransformerV2 reasoning = new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent serveEvent) {
                return answer(serveEvent.getRequest().getBodyAsString());
            }

            @Override
            public boolean applyGlobally() {
                return false;
            }

            @Override
            public String getName() {
                return "offline-reasoning";
            }
        };
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(reasoning));
        server.start();
        server.stubFor(any(urlEqualTo(ENDPOINT)).atPriority(3)
                .willReturn(json(405, "{\"error\":{\"message\":\"method not allowed\"}}")));
        server.stubFor(post(ENDPOINT).atPriority(2).willReturn(json(400,
                "{\"error\":{\"message\":\"messages required\",\"type\":\"invalid_request_error\"}}")));
        server.stubFor(post(ENDPOINT).atPriority(1).withRequestBody(matchingJsonPath(MESSAGES))
                .willReturn(aResponse().withTransformers(reasoning.getName())));
    }

    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** The well-formed requests, in arrival order. */
    List<Received> received() {
        return server.findAll(postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(matchingJsonPath(MESSAGES)))
                .stream().map(r -> new Received(r.getHeader("Authorization"),
                        Json.parse(r.getBodyAsString()).orElseThrow())).toList();
    }

    private ResponseDefinition answer(String requestBody) {
        JsonNode body = Json.parse(requestBody).orElseThrow();
        String scripted = script.apply(body);
        if (scripted != null) {
            return json(200, Json.write(completion(body.path("model").asText(), ChatResponse.builder()
                    .aiMessage(AiMessage.from(scripted)).tokenUsage(new TokenUsage(100, 50)).build()))).build();
        }
        ChatResponse answer = brain.chat(ChatRequest.builder().messages(messages(body.path("messages")))
                .toolSpecifications(tools(body.path("tools")))
                .toolChoice(body.path("tool_choice").asText().equals("none") ? ToolChoice.NONE : null).build());
        return json(200, Json.write(completion(body.path("model").asText(), answer))).build();
    }

    private static ResponseDefinitionBuilder json(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
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

    @Override
    public void close() {
        server.stop();
    }
}
