package com.finagent.web.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The editable fields of a portfolio (a class for the reason given on the auth requests). */
public class PortfolioRequest {

    @NotBlank
    @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
    private String name;

    @Size(max = 2000)
    private String description;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
