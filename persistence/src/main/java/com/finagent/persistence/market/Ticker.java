package com.finagent.persistence.market;

import com.finagent.persistence.support.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A listed instrument. Shared market data: not owned by any user. */
@Entity
@Table(name = "tickers")
public class Ticker extends Timestamped {

    @Id
    @NotNull
    @Size(min = 1, max = 10)
    @Pattern(regexp = "[A-Z0-9.\\-]+")
    private String symbol;

    @Column(name = "company_name")
    private String companyName;

    private String sector;

    private String industry;

    @PositiveOrZero
    @Column(name = "market_cap")
    private Long marketCap;

    protected Ticker() {
    }

    public Ticker(String symbol) {
        this.symbol = symbol;
    }

    public void describe(String companyName, String sector, String industry, Long marketCap) {
        this.companyName = companyName;
        this.sector = sector;
        this.industry = industry;
        this.marketCap = marketCap;
    }

    public String getSymbol() {
        return symbol;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getSector() {
        return sector;
    }

    public String getIndustry() {
        return industry;
    }

    public Long getMarketCap() {
        return marketCap;
    }
}
