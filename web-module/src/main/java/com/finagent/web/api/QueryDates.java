package com.finagent.web.api;

import com.finagent.application.error.FinAgentException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** ISO dates in query parameters; a malformed one is a 400 that names the parameter. */
public final class QueryDates {

    private QueryDates() {
    }

    public static LocalDate parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw FinAgentException.invalidField(field, "must be a date like 2018-01-31");
        }
    }
}
