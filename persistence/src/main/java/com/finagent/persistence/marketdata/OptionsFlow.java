package com.finagent.persistence.marketdata;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Observed activity in one option contract (strike, expiry, side) at a point in time. */
@Entity
@Table(name = "options_flow")
public class OptionsFlow {

    @Id
    private UUID id;

    @NotNull
    @Size(min = 1, max = 10)
    @Column(nullable = false)
    private String symbol;

    @NotNull
    @Positive
    @Column(name = "strike_price", nullable = false, precision = 20, scale = 4)
    private BigDecimal strikePrice;

    @NotNull
    @Column(name = "expiration_date", nullable = false)
    private LocalDate expirationDate;

    @NotNull
    @Column(name = "option_type", nullable = false)
    @Convert(converter = OptionType.JpaConverter.class)
    private OptionType optionType;

    @PositiveOrZero
    @Column(nullable = false)
    private long volume;

    @PositiveOrZero
    @Column(name = "open_interest")
    private Long openInterest;

    @Column(precision = 20, scale = 4)
    private BigDecimal premium;

    @Column(name = "timestamp")
    private OffsetDateTime timestamp;

    protected OptionsFlow() {
    }

    public OptionsFlow(String symbol, BigDecimal strikePrice, LocalDate expirationDate, OptionType optionType,
                       long volume, Long openInterest, BigDecimal premium, OffsetDateTime timestamp) {
        this.id = UUID.randomUUID();
        this.symbol = symbol;
        this.strikePrice = strikePrice;
        this.expirationDate = expirationDate;
        this.optionType = optionType;
        this.volume = volume;
        this.openInterest = openInterest;
        this.premium = premium;
        this.timestamp = timestamp;
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

    public BigDecimal getStrikePrice() {
        return strikePrice;
    }

    public LocalDate getExpirationDate() {
        return expirationDate;
    }

    public OptionType getOptionType() {
        return optionType;
    }

    public long getVolume() {
        return volume;
    }

    public Long getOpenInterest() {
        return openInterest;
    }

    public BigDecimal getPremium() {
        return premium;
    }

    public OffsetDateTime getTimestamp() {
        return timestamp;
    }
}
