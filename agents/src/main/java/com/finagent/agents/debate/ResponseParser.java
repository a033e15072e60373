package com.finagent.agents.debate;

import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

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
    static Optional<JsonObject> extractJson(String text) {
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
        return CanonicalJson.parseObject(body.substring(open, close + 1));
    }

    static Position parsePosition(String text, String participant, String model, CitationIndex index)
            throws InvalidAnswer {
        JsonObject node = extractJson(text).orElseThrow(() -> new InvalidAnswer("the answer contains no JSON object"));
        if ("true".equals(JsonFields.text(node, "abstain"))
                || "ABSTAIN".equalsIgnoreCase(textOf(node, "stance").orElse(""))) {
            return abstention(node, participant, model);
        }
        Stance stance;
        try {
            stance = Stance.parse(textOf(node, "stance").orElseThrow(() -> new InvalidAnswer("'stance' is missing")));
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswer(e.getMessage() + "; use STRONG_SELL, SELL, HOLD, BUY or STRONG_BUY");
        }
        double confidence = confidence(node.get("confidence"));
        if (!(node.get("arguments") instanceof JsonArray rawArguments) || rawArguments.isEmpty()) {
            throw new InvalidAnswer("'arguments' must be a non-empty array of {claim, evidence, direction}");
        }
        Set<String> invalid = new LinkedHashSet<>();
        Set<String> unverified = new LinkedHashSet<>();
        List<Argument> arguments = new ArrayList<>();
        for (JsonValue raw : rawArguments) {
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
        for (JsonValue view : JsonFields.array(node, "symbols")) {
            try {
                symbols.add(new SymbolView(JsonFields.text(view, "symbol", "").toUpperCase(Locale.ROOT),
                        Stance.parse(JsonFields.text(view, "stance", "")),
                        JsonFields.isNumber(view, "score") ? JsonFields.number(view, "score", 0) : null));
            } catch (IllegalArgumentException ignoredView) {
                // a malformed per-symbol view is optional detail; the overall stance stands
            }
        }
        Stance revisedFrom = null;
        if (JsonFields.hasNonNull(node, "revisedFrom")) {
            try {
                revisedFrom = Stance.parse(scalarText(node.get("revisedFrom")));
            } catch (IllegalArgumentException ignoredRevision) {
                // the engine derives revisions from consecutive positions anyway
            }
        }
        return new Position(participant, stance, confidence, textOf(node, "summary").orElse(""), arguments, symbols,
                textOf(node, "respondsTo").orElse(null), revisedFrom, new ArrayList<>(invalid),
                new ArrayList<>(unverified), model);
    }

    /** A participant that says it has no evidence for its mandate: no stance, with what it lacks. */
    private static Position abstention(JsonObject node, String participant, String model) {
        List<String> lacking = new ArrayList<>();
        JsonValue raw = JsonFields.member(node, "lacking");
        if (raw instanceof JsonArray items) {
            items.forEach(l -> lacking.add(JsonFields.text(l) == null ? l.toString() : JsonFields.text(l)));
        } else if (JsonFields.text(raw) != null) {
            lacking.add(JsonFields.text(raw));
        }
        return new Position(participant, null, 0, textOf(node, "summary").orElse(""), List.of(), List.of(), null, null,
                List.of(), List.of(), model, true, lacking, List.of(), null);
    }

    static Recommendation parseRecommendation(String text, CitationIndex index, String model, String generatedBy)
            throws InvalidAnswer {
        JsonObject node = extractJson(text).orElseThrow(() -> new InvalidAnswer("the answer contains no JSON object"));
        Stance rating;
        try {
            rating = Stance.parse(textOf(node, "rating").orElseThrow(() -> new InvalidAnswer("'rating' is missing")));
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswer(e.getMessage());
        }
        String rationale = textOf(node, "rationale").orElseThrow(() -> new InvalidAnswer("'rationale' is missing"));
        Set<String> ignored = new LinkedHashSet<>();
        List<PortfolioAction> actions = new ArrayList<>();
        for (JsonValue action : JsonFields.array(node, "portfolioActions")) {
            actions.add(new PortfolioAction(JsonFields.text(action, "symbol", "").toUpperCase(Locale.ROOT),
                    JsonFields.text(action, "action", ""), JsonFields.text(action, "reason", ""),
                    citations(JsonFields.member(action, "evidence"), index, ignored)));
        }
        return new Recommendation(rating, textOf(node, "headline").orElse(rating.label()), rationale,
                citations(node.get("evidence"), index, ignored), notes(node.get("risks"), index),
                notes(node.get("whatWouldChange"), index), actions, generatedBy, model, null);
    }

    private static List<Note> notes(JsonValue array, CitationIndex index) {
        List<Note> notes = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        for (JsonValue note : JsonFields.array(array)) {
            if (note instanceof JsonString textual) {
                notes.add(new Note(textual.getString(), List.of(), null));
            } else {
                notes.add(new Note(firstText(note, "text", "risk", "description").orElse(""),
                        citations(JsonFields.member(note, "evidence"), index, ignored),
                        textOf(note, "raisedBy").orElse(null)));
            }
        }
        return notes;
    }

    private static Argument argument(JsonValue raw, CitationIndex index, Set<String> invalid) {
        if (raw instanceof JsonString textual) {
            return new Argument(textual.getString(), List.of(), "neutral", null);
        }
        String claim = firstText(raw, "claim", "text", "point", "argument").orElse("");
        JsonObject fields = JsonFields.object(raw);
        JsonValue cited = fields.containsKey("evidence") ? fields.get("evidence")
                : fields.containsKey("citations") ? fields.get("citations") : fields.get("sources");
        String direction = textOf(raw, "direction").map(d -> d.toLowerCase(Locale.ROOT)).orElse("neutral");
        if (!direction.equals("bullish") && !direction.equals("bearish")) {
            direction = "neutral";
        }
        return new Argument(claim, citations(cited, index, invalid), direction, textOf(raw, "respondsTo").orElse(null));
    }

    private static List<String> citations(JsonValue cited, CitationIndex index, Set<String> invalid) {
        List<String> valid = new ArrayList<>();
        if (cited == null || cited.getValueType() == JsonValue.ValueType.NULL) {
            return valid;
        }
        List<String> raw = new ArrayList<>();
        if (cited instanceof JsonArray array) {
            array.forEach(c -> raw.add(scalarText(c)));
        } else {
            for (String part : scalarText(cited).split(",")) {
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

    private static double confidence(JsonValue node) throws InvalidAnswer {
        if (node == null || node.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidAnswer("'confidence' is missing");
        }
        double value;
        if (JsonFields.isNumber(node)) {
            value = JsonFields.number(node, Double.NaN);
        } else {
            try {
                String text = scalarText(node).trim();
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

    private static Optional<String> textOf(JsonValue node, String field) {
        return Optional.ofNullable(JsonFields.text(node, field));
    }

    /** A scalar as the model wrote it ({@code null} included); a container as empty text. */
    private static String scalarText(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value instanceof JsonObject || value instanceof JsonArray ? "" : value.toString();
    }

    private static Optional<String> firstText(JsonValue node, String... fields) {
        for (String field : fields) {
            Optional<String> value = textOf(node, field);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
