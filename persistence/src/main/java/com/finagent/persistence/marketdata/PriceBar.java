package com.finagent.persistence.marketdata;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One OHLCV bar of {@code price_history}; (symbol, timestamp) is unique so fetches upsert. */
@Entity
@Table(name = "price_history",
        uniqueConstraints = @UniqueConstraint(columnNames = {"symbol", "timestamp"}))
public class PriceBar {

    @Id
    private UUID id;

    @NotNull
    @Size(min = 1, max = 10)
    @Column(nullable = false)
    private String symbol;

    @NotNull
    @Column(name = "timestamp", nullable = false)
    private OffsetDateTime timestamp;

    @NotNull
    @Positive
    @Column(name = "open_price", nullable = false, precision = 20, scale = 4)
    private BigDecimal open;

    @NotNull
    @Positive
    @Column(name = "high_price", nullable = false, precision = 20, scale = 4)
    private BigDecimal high;

    @NotNull
    @Positive
    @Column(name = "low_price", nullable = false, precision = 20, scale = 4)
    private BigDecimal low;

    @NotNull
    @Positive
    @Column(name = "close_price", nullable = false, precision = 20, scale = 4)
    private BigDecimal close;

    @PositiveOrZero
    @Column(nullable = false)
    private long volume;

    @Positive
    @Column(name = "adjusted_close", precision = 20, scale = 4)
    private BigDecimal adjustedClose;

    @Column(name = "created_at", updatable = false)
    private OffsetDateTime createdAt;

    protected PriceBar() {
    }

    public PriceBar(String symbol, OffsetDateTime timestamp, BigDecimal open, BigDecimal high, BigDecimal low,
                    BigDecimal close, long volume, BigDecimal adjustedClose) {
        this.id = UUID.randomUUID();
        this.symbol = symbol;
        this.timestamp = timestamp;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.adjustedClose = adjustedClose;
    }

    @PrePersist
    void onCreate() {
        createdAt = Timestamps.now();
    }

    public UUID getId() {
        return id;
    }

    public String getSymbol() {
        return symbol;
    }

    public OffsetDateTime getTimestamp() {
        return timestamp;
    }

    public BigDecimal getOpen() {
        return open;
    }

    public BigDecimal getHigh() {
        return high;
    }

    public BigDecimal getLow() {
        return low;
    }

    public BigDecimal getClose() {
        return close;
    }

    public long getVolume() {
        return volume;
    }

    public BigDecimal getAdjustedClose() {
        return adjustedClose;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
