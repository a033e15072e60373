package com.finagent.web.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.UUID;

/**
 * A broker's CSV export to read into one manual account. {@code preset} names the layout (generic, schwab,
 * fidelity); {@code columns} renames the generic layout's columns (keys date, dateFormat, type, symbol, quantity,
 * price, fee, amount, currency, defaultCurrency). With {@code preview} nothing is stored.
 */
public class ActivityImportRequest {

    @NotNull
    private UUID accountId;

    @Pattern(regexp = "generic|schwab|fidelity", message = "must be one of generic, schwab, fidelity")
    private String preset = "generic";

    @Size(max = 12)
    private Map<@Pattern(regexp = "date|dateFormat|type|symbol|quantity|price|fee|amount|currency|defaultCurrency",
            message = "must name a field of the generic layout") String, @Size(max = 100) String> columns = Map.of();

    @NotBlank
    @Size(max = 1_000_000, message = "must be at most 1,000,000 characters")
    private String csv;

    private boolean preview;

    public UUID getAccountId() {
        return accountId;
    }

    public void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    public String getPreset() {
        return preset;
    }

    public void setPreset(String preset) {
        this.preset = preset;
    }

    public Map<String, String> getColumns() {
        return columns;
    }

    public void setColumns(Map<String, String> columns) {
        this.columns = columns == null ? Map.of() : columns;
    }

    public String getCsv() {
        return csv;
    }

    public void setCsv(String csv) {
        this.csv = csv;
    }

    public boolean isPreview() {
        return preview;
    }

    public void setPreview(boolean preview) {
        this.preview = preview;
    }
}
