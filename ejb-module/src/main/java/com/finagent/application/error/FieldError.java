package com.finagent.application.error;

/** What is wrong with one field of a request. */
public record FieldError(String field, String message) {
}
