package com.finagent.agents.debate;

import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import com.finagent.agents.offline.OfflineChatModel;
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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

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

    record Received(String authorization, JsonObject body) {
    }

    private static final JsonProvider JSON = CanonicalJson.provider();
    private static final String ENDPOINT = "/v1/chat/completions";
    private static final String MESSAGES = "$[?(@.messages)]";

    private final WireMockServer server;
    private final OfflineChatModel brain = new OfflineChatModel();
    private final AtomicInteger ids = new AtomicInteger();
    private final Function<JsonObject, String> script;

    OpenAiWireServer() {
        this(body -> null);
    }

    /**
     * @param script the content a scripted model answers to a request body instead of the offline model's reasoning,
     *               or null to leave the request to it
     */
    OpenAiWireServer(Function<JsonObject, String> script) {
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
                        CanonicalJson.parseObject(r.getBodyAsString()).orElseThrow())).toList();
    }

    private ResponseDefinition answer(String requestBody) {
        JsonObject body = CanonicalJson.parseObject(requestBody).orElseThrow();
        String scripted = script.apply(body);
        if (scripted != null) {
            return json(200, CanonicalJson.write(completion(JsonFields.text(body, "model", ""), ChatResponse.builder()
                    .aiMessage(AiMessage.from(scripted)).tokenUsage(new TokenUsage(100, 50)).build()))).build();
        }
        ChatResponse answer = brain.chat(ChatRequest.builder().messages(messages(body.get("messages")))
                .toolSpecifications(tools(body.get("tools")))
                .toolChoice(JsonFields.text(body, "tool_choice", "").equals("none") ? ToolChoice.NONE : null).build());
        return json(200, CanonicalJson.write(completion(JsonFields.text(body, "model", ""), answer))).build();
    }

    private static ResponseDefinitionBuilder json(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
    }

    private JsonObject completion(String model, ChatResponse answer) {
        JsonObjectBuilder message = JSON.createObjectBuilder().add("role", "assistant");
        JsonObjectBuilder choice = JSON.createObjectBuilder().add("index", 0);
        AiMessage ai = answer.aiMessage();
        if (ai.hasToolExecutionRequests()) {
            message.add("content", JsonValue.NULL);
            JsonArrayBuilder calls = JSON.createArrayBuilder();
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                calls.add(JSON.createObjectBuilder()
                        .add("id", call.id())
                        .add("type", "function")
                        .add("function", JSON.createObjectBuilder().add("name", call.name())
                                .add("arguments", call.arguments())));
            }
            message.add("tool_calls", calls);
            choice.add("finish_reason", "tool_calls");
        } else {
            message.add("content", ai.text());
            choice.add("finish_reason", "stop");
        }
        choice.add("message", message);
        return JSON.createObjectBuilder()
                .add("id", "chatcmpl-" + ids.incrementAndGet())
                .add("object", "chat.completion")
                .add("created", 1_757_000_000L)
                .add("model", model)
                .add("choices", JSON.createArrayBuilder().add(choice))
                .add("usage", JSON.createObjectBuilder()
                        .add("prompt_tokens", answer.tokenUsage().inputTokenCount())
                        .add("completion_tokens", answer.tokenUsage().outputTokenCount())
                        .add("total_tokens", answer.tokenUsage().totalTokenCount()))
                .build();
    }

    private static List<ChatMessage> messages(JsonValue wire) {
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonValue message : JsonFields.array(wire)) {
            String content = JsonFields.text(message, "content");
            switch (JsonFields.text(message, "role", "")) {
                case "system" -> messages.add(SystemMessage.from(content));
                case "user" -> messages.add(UserMessage.from(content));
                case "assistant" -> {
                    List<ToolExecutionRequest> calls = new ArrayList<>();
                    for (JsonValue call : JsonFields.array(message, "tool_calls")) {
                        JsonObject function = JsonFields.object(call, "function");
                        calls.add(ToolExecutionRequest.builder().id(JsonFields.text(call, "id", ""))
                                .name(JsonFields.text(function, "name", ""))
                                .arguments(JsonFields.text(function, "arguments", "")).build());
                    }
                    messages.add(calls.isEmpty() ? AiMessage.from(content) : AiMessage.from(calls));
                }
                case "tool" -> messages.add(ToolExecutionResultMessage.from(JsonFields.text(message, "tool_call_id", ""),
                        "", content));
                default -> throw new IllegalArgumentException("role " + JsonFields.member(message, "role"));
            }
        }
        return messages;
    }

    private static List<ToolSpecification> tools(JsonValue wire) {
        List<ToolSpecification> tools = new ArrayList<>();
        for (JsonValue tool : JsonFields.array(wire)) {
            JsonObject function = JsonFields.object(tool, "function");
            JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
            JsonFields.object(JsonFields.object(function, "parameters"), "properties").keySet()
                    .forEach(parameters::addStringProperty);
            tools.add(ToolSpecification.builder().name(JsonFields.text(function, "name", ""))
                    .description(JsonFields.text(function, "description", "")).parameters(parameters.build()).build());
        }
        return tools;
    }

    @Override
    public void close() {
        server.stop();
    }
}
