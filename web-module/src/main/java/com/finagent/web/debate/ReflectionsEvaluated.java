package com.finagent.web.debate;

/** The answer of {@code POST /reflections/evaluate}: how many recommendations were evaluated. */
public record ReflectionsEvaluated(int evaluated) {
}
