package com.finagent.persistence.sentiment;

import com.finagent.persistence.support.RealArrayConverter;
import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A scored news or social text ({@code sentiment_data}) with its embedding for similarity search and the id of the
 * embedder that made it: only vectors of the same embedder are comparable.
 */
@Entity
@Table(name = "sentiment_data")
public class SentimentRecord {

    /** Dimensions of every embedder's vectors (all-MiniLM-L6-v2's). */
    public static final int EMBEDDING_DIMENSIONS = 384;

    @Id
    private UUID id;

    @Size(max = 10)
    private String symbol;

    @NotBlank
    @Column(nullable = false)
    private String source;

    @NotBlank
    @Column(nullable = false)
    private String content;

    @NotNull
    @DecimalMin("-1")
    @DecimalMax("1")
    @Column(name = "sentiment_score", nullable = false, precision = 3, scale = 2)
    private BigDecimal sentimentScore;

    @NotNull
    @DecimalMin("0")
    @DecimalMax("1")
    @Column(nullable = false, precision = 3, scale = 2)
    private BigDecimal confidence;

    @Size(min = EMBEDDING_DIMENSIONS, max = EMBEDDING_DIMENSIONS)
    @Convert(converter = RealArrayConverter.class)
    @Column(columnDefinition = "REAL[]")
    private float[] embedding;

    private String embedder;

    @Column(name = "timestamp")
    private OffsetDateTime timestamp;

    protected SentimentRecord() {
    }

    public SentimentRecord(String symbol, String source, String content, BigDecimal sentimentScore,
                           BigDecimal confidence, float[] embedding, String embedder) {
        this.id = UUID.randomUUID();
        this.symbol = symbol;
        this.source = source;
        this.content = content;
        this.sentimentScore = sentimentScore;
        this.confidence = confidence;
        this.embedding = embedding == null ? null : embedding.clone();
        this.embedder = embedder;
    }

    @PrePersist
    void onCreate() {
        if (timestamp == null) {
            timestamp = Timestamps.now();
        }
    }

    public UUID getId() {
        return id;
    }

    public String getSymbol() {
        return symbol;
    }

    public String getSource() {
        return source;
    }

    public String getContent() {
        return content;
    }

    public BigDecimal getSentimentScore() {
        return sentimentScore;
    }

    public BigDecimal getConfidence() {
        return confidence;
    }

    public float[] getEmbedding() {
        return embedding == null ? null : embedding.clone();
    }

    public String getEmbedder() {
        return embedder;
    }

    public OffsetDateTime getTimestamp() {
        return timestamp;
    }
}
