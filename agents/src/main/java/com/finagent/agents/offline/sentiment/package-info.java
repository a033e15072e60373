/**
 * The offline financial sentiment model: a linear classifier over words and word pairs ({@code TextLexer},
 * {@code TextFeatures}, {@code LinearClassifier}, the bundled {@code model.txt}) blended with hand-written finance
 * rules ({@code FinanceRules} over the {@code FinanceLexicon}).
 */
package com.finagent.agents.offline.sentiment;
