package com.finagent.web.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The editable fields of a portfolio. */
public record PortfolioRequest(
        @NotBlank @Size(min = 1, max = 100, message = "must be 1 to 100 characters") String name,
        @Size(max = 2000) String description) {
}
