package com.finagent.agents.debate;

import com.fasterxml.jackson.databind.JsonNode;
import com.finagent.agents.model.Json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads model answers leniently where models differ (code fences, prose around the JSON, stance spellings,
 * confidence in percent, arguments as strings) and strictly where it matters (a stance, a confidence, arguments;
 * a rating and a rationale). Citations not in the evidence are removed and reported; figures that match no number
 * of the evidence are reported.
 */
final class ResponseParser {

    private ResponseParser() {
    }

    /** The JSON object inside a model's answer: fenced or bare, with any prose around it dropped. */
    static Optional<JsonNode> extractJson(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String body = text.trim();
        int fence = body.indexOf("```");
        if (fence >= 0) {
            int start = body.indexOf('\n', fence);
            int end = start < 0 ? -1 : body.indexOf("```", start);
            if (start >= 0 && end > start) {
                body = body.substring(start + 1, end);
            }
        }
        int open = body.indexOf('{');
        int close = body.lastIndexOf('}');
        if (open < 0 || close <= open) {
            return Optional.empty();
        }
        return Json.parse(body.substring(open, close + 1)).filter(JsonNode::isObject);
    }

    static Position parsePosition(String text, String participant, String model, CitationIndex index)
            throws InvalidAnswer {
        JsonNode node = extractJson(text).orElseThrow(() -> new InvalidAnswer("the answer contains no JSON object"));
        if (node.path("abstain").asBoolean(false) || "ABSTAIN".equalsIgnoreCase(textOf(node, "stance").orElse(""))) {
            return abstention(node, participant, model);
        }
        Stance stance;
        try {
            stance = Stance.parse(textOf(node, "stance").orElseThrow(() -> new InvalidAnswer("'stance' is missing")));
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswer(e.getMessage() + "; use STRONG_SELL, SELL, HOLD, BUY or STRONG_BUY");
        }
        double confidence = confidence(node.get("confidence"));
        JsonNode rawArguments = node.get("arguments");
        if (rawArguments == null || !rawArguments.isArray() || rawArguments.isEmpty()) {
            throw new InvalidAnswer("'arguments' must be a non-empty array of {claim, evidence, direction}");
        }
        Set<String> invalid = new LinkedHashSet<>();
        Set<String> unverified = new LinkedHashSet<>();
        List<Argument> arguments = new ArrayList<>();
        for (JsonNode raw : rawArguments) {
            Argument argument = argument(raw, index, invalid);
            if (argument.claim().isBlank()) {
                continue;
            }
            unverified.addAll(index.unverifiedNumbers(argument.claim()));
            arguments.add(argument);
        }
        if (arguments.isEmpty()) {
            throw new InvalidAnswer("every argument needs a 'claim'");
        }
        List<SymbolView> symbols = new ArrayList<>();
        for (JsonNode view : node.path("symbols")) {
            try {
                symbols.add(new SymbolView(view.path("symbol").asText().toUpperCase(Locale.ROOT),
                        Stance.parse(view.path("stance").asText()),
                        view.path("score").isNumber() ? view.path("score").asDouble() : null));
            } catch (IllegalArgumentException ignoredView) {
                // a malformed per-symbol view is optional detail; the overall stance stands
            }
        }
        Stance revisedFrom = null;
        if (node.hasNonNull("revisedFrom")) {
            try {
                revisedFrom = Stance.parse(node.get("revisedFrom").asText());
            } catch (IllegalArgumentException ignoredRevision) {
                // the engine derives revisions from consecutive positions anyway
            }
        }
        return new Position(participant, stance, confidence, textOf(node, "summary").orElse(""), arguments, symbols,
                textOf(node, "respondsTo").orElse(null), revisedFrom, new ArrayList<>(invalid),
                new ArrayList<>(unverified), model);
    }

    /** A participant that says it has no evidence for its mandate: no stance, with what it lacks. */
    private static Position abstention(JsonNode node, String participant, String model) {
        List<String> lacking = new ArrayList<>();
        JsonNode raw = node.get("lacking");
        if (raw != null && raw.isArray()) {
            raw.forEach(l -> lacking.add(l.asText()));
        } else if (raw != null && !raw.isNull()) {
            lacking.add(raw.asText());
        }
        return new Position(participant, null, 0, textOf(node, "summary").orElse(""), List.of(), List.of(), null, null,
                List.of(), List.of(), model, true, lacking, List.of(), null);
    }

    static Recommendation parseRecommendation(String text, CitationIndex index, String model, String generatedBy)
            throws InvalidAnswer {
        JsonNode node = extractJson(text).orElseThrow(() -> new InvalidAnswer("the answer contains no JSON object"));
        Stance rating;
        try {
            rating = Stance.parse(textOf(node, "rating").orElseThrow(() -> new InvalidAnswer("'rating' is missing")));
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswer(e.getMessage());
        }
        String rationale = textOf(node, "rationale").orElseThrow(() -> new InvalidAnswer("'rationale' is missing"));
        Set<String> ignored = new LinkedHashSet<>();
        List<PortfolioAction> actions = new ArrayList<>();
        for (JsonNode action : node.path("portfolioActions")) {
            actions.add(new PortfolioAction(action.path("symbol").asText().toUpperCase(Locale.ROOT),
                    action.path("action").asText(), action.path("reason").asText(),
                    citations(action.get("evidence"), index, ignored)));
        }
        return new Recommendation(rating, textOf(node, "headline").orElse(rating.label()), rationale,
                citations(node.get("evidence"), index, ignored), notes(node.get("risks"), index),
                notes(node.get("whatWouldChange"), index), actions, generatedBy, model, null);
    }

    private static List<Note> notes(JsonNode array, CitationIndex index) {
        List<Note> notes = new ArrayList<>();
        if (array == null) {
            return notes;
        }
        Set<String> ignored = new LinkedHashSet<>();
        for (JsonNode note : array) {
            if (note.isTextual()) {
                notes.add(new Note(note.asText(), List.of(), null));
            } else {
                notes.add(new Note(firstText(note, "text", "risk", "description").orElse(""),
                        citations(note.get("evidence"), index, ignored), textOf(note, "raisedBy").orElse(null)));
            }
        }
        return notes;
    }

    private static Argument argument(JsonNode raw, CitationIndex index, Set<String> invalid) {
        if (raw.isTextual()) {
            return new Argument(raw.asText(), List.of(), "neutral", null);
        }
        String claim = firstText(raw, "claim", "text", "point", "argument").orElse("");
        JsonNode cited = raw.has("evidence") ? raw.get("evidence") : raw.has("citations") ? raw.get("citations")
                : raw.get("sources");
        String direction = textOf(raw, "direction").map(d -> d.toLowerCase(Locale.ROOT)).orElse("neutral");
        if (!direction.equals("bullish") && !direction.equals("bearish")) {
            direction = "neutral";
        }
        return new Argument(claim, citations(cited, index, invalid), direction, textOf(raw, "respondsTo").orElse(null));
    }

    private static List<String> citations(JsonNode cited, CitationIndex index, Set<String> invalid) {
        List<String> valid = new ArrayList<>();
        if (cited == null || cited.isNull()) {
            return valid;
        }
        List<String> raw = new ArrayList<>();
        if (cited.isArray()) {
            cited.forEach(c -> raw.add(c.asText()));
        } else {
            for (String part : cited.asText().split(",")) {
                raw.add(part);
            }
        }
        for (String citation : raw) {
            String trimmed = citation.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (index.valid(trimmed)) {
                if (!valid.contains(trimmed)) {
                    valid.add(trimmed);
                }
            } else {
                invalid.add(trimmed);
            }
        }
        return valid;
    }

    private static double confidence(JsonNode node) throws InvalidAnswer {
        if (node == null || node.isNull()) {
            throw new InvalidAnswer("'confidence' is missing");
        }
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else {
            try {
                String text = node.asText().trim();
                value = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
                        : Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new InvalidAnswer("'confidence' must be a number in [0, 1]");
            }
        }
        if (value > 1 && value <= 100) {
            value = value / 100;
        }
        if (value < 0 || value > 1 || Double.isNaN(value)) {
            throw new InvalidAnswer("'confidence' must be a number in [0, 1]");
        }
        return value;
    }

    private static Optional<String> textOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<String> firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            Optional<String> value = textOf(node, field);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
