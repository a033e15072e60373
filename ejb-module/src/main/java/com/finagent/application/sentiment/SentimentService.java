package com.finagent.application.sentiment;

import com.finagent.agents.memory.Embedder;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.offline.sentiment.OfflineSentimentModel;
import com.finagent.agents.sentiment.SentimentModel;
import com.finagent.application.embedding.Embeddings;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.model.LanguageModels;
import com.finagent.application.workload.WorkBudget;
import com.finagent.persistence.market.Ticker;
import com.finagent.persistence.sentiment.SentimentRecord;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scores news and social texts (label, score in [-1, 1], confidence) and keeps each in {@code sentiment_data}
 * with its source, symbol and a 384-dimension embedding with its embedder's id. The model is our offline one (a
 * finance-tuned linear classifier with finance rules) unless a language model is configured; every answer names
 * the model.
 */
@Stateless
public class SentimentService {

    public static final int MAX_TEXTS = 500;
    public static final int MAX_TEXT_LENGTH = 5000;
    public static final String OFFLINE_MODEL = "finagent-offline-sentiment-1";
    private static final SentimentModel OFFLINE = OfflineSentimentModel.bundled();

    private static final Logger LOG = Logger.getLogger(SentimentService.class.getName());
    private static final int LLM_BATCH = 25;

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    @Inject
    LanguageModels models;

    /** The same in-process embedding as the long-term memory's, so stored texts can be found by similarity. */
    @EJB
    Embeddings embeddings;

    public record Scored(String label, double score, double confidence) {
    }

    public record Analysis(String model, List<Scored> results) {
    }

    /**
     * Scores {@code texts} in order and stores them under {@code source} (e.g. "api", "news", "social") and, if
     * known as a ticker, {@code symbol}.
     */
    public Analysis analyze(List<String> texts, String symbol, String source) {
        validate(texts);
        String ticker = symbol == null || symbol.isBlank() ? null : symbol.strip().toUpperCase(Locale.ROOT);
        if (ticker != null && entityManager.find(Ticker.class, ticker) == null) {
            entityManager.persist(new Ticker(ticker));
        }
        Analysis analysis = scoreWithModel(texts);
        Embedder embedder = embeddings.embedder();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) {
                Scored result = analysis.results().get(i);
                entityManager.persist(new SentimentRecord(ticker, source, texts.get(i), decimal(result.score()),
                        decimal(result.confidence()), embedder.embed(texts.get(i)), embedder.id()));
            }
        }
        return analysis;
    }

    /**
     * With a language model configured, it labels the texts (in batches, as JSON); a batch it answers unusably
     * falls back to the offline model, and the answer names every model that was used.
     */
    private Analysis scoreWithModel(List<String> texts) {
        if (models.catalog().isOffline("sentiment")) {
            return new Analysis(OFFLINE_MODEL, score(texts));
        }
        ResolvedModel model = models.catalog().resolve("sentiment", null, 0);
        List<Scored> results = new ArrayList<>(texts.size());
        java.util.Set<String> used = new java.util.LinkedHashSet<>();
        for (int from = 0; from < texts.size(); from += LLM_BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + LLM_BATCH));
            try {
                results.addAll(LanguageModelSentiment.score(model.model(), batch));
                used.add(model.id());
            } catch (RuntimeException unusable) {
                LOG.log(Level.INFO, "The language model's sentiment answer was unusable; the offline model scored"
                        + " this batch", unusable);
                results.addAll(score(batch));
                used.add(OFFLINE_MODEL);
            }
        }
        return new Analysis(String.join(" + ", used), results);
    }

    /** Scores without storing, for evidence the agents read. */
    public List<Scored> score(List<String> texts) {
        return texts.stream().map(OFFLINE::score)
                .map(r -> new Scored(r.label().name().toLowerCase(Locale.ROOT), r.score(), r.confidence())).toList();
    }

    private static void validate(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw FinAgentException.invalidField("texts", "give 1 to " + MAX_TEXTS + " texts");
        }
        if (texts.size() > MAX_TEXTS) {
            throw FinAgentException.invalidField("texts", "at most " + MAX_TEXTS + " texts per request, not " + texts.size());
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                throw FinAgentException.invalidField("texts[" + i + "]", "must be a string");
            }
            if (text.length() > MAX_TEXT_LENGTH) {
                throw FinAgentException.invalidField("texts[" + i + "]", "must be at most " + MAX_TEXT_LENGTH + " characters");
            }
        }
        WorkBudget.checkSentiment(texts);
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
