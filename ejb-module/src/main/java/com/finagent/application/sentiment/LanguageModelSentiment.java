package com.finagent.application.sentiment;

import dev.langchain4j.model.chat.ChatModel;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Sentiment from a language model: one JSON object per text, in order, checked before it is believed. */
final class LanguageModelSentiment {

    private static final Set<String> LABELS = Set.of("positive", "negative", "neutral");

    private LanguageModelSentiment() {
    }

    static List<SentimentService.Scored> score(ChatModel model, List<String> texts) {
        StringBuilder prompt = new StringBuilder("Classify the financial sentiment of each numbered text for an"
                + " investor in the company it is about. Answer with a JSON array only, one object per text in the"
                + " same order: {\"label\": \"positive\" | \"negative\" | \"neutral\", \"score\": number in [-1, 1],"
                + " \"confidence\": number in [0, 1]}.\n");
        for (int i = 0; i < texts.size(); i++) {
            prompt.append(i + 1).append(". ").append(texts.get(i).replace('\n', ' ')).append('\n');
        }
        String answer = model.chat(prompt.toString()).strip();
        int start = answer.indexOf('[');
        int end = answer.lastIndexOf(']');
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("no JSON array in the answer");
        }
        JsonArray array = Json.createReader(new StringReader(answer.substring(start, end + 1))).readArray();
        if (array.size() != texts.size()) {
            throw new IllegalArgumentException(array.size() + " answers for " + texts.size() + " texts");
        }
        List<SentimentService.Scored> results = new ArrayList<>();
        for (JsonValue value : array) {
            JsonObject item = value.asJsonObject();
            String label = item.getString("label").toLowerCase(Locale.ROOT);
            double score = item.getJsonNumber("score").doubleValue();
            double confidence = item.getJsonNumber("confidence").doubleValue();
            if (!LABELS.contains(label) || score < -1 || score > 1 || confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException("out-of-range answer " + item);
            }
            results.add(new SentimentService.Scored(label, score, confidence));
        }
        return results;
    }
}
