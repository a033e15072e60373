package com.finagent.web.api;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FieldError;
import com.finagent.application.error.FinAgentException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * Refuses a path or query parameter that holds the NUL character ({@code %00}) before any resource sees it.
 * PostgreSQL cannot store or compare it in text, so it used to surface as a 500 from deep inside a query;
 * JSON bodies get the same rule from {@link StrictStringDeserializer}.
 */
@Provider
@PreMatching
public class NulCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf('\u0000') >= 0) {
            throw refused("path");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                throw refused(parameter.getKey().replace("\u0000", ""));
            }
        }
    }

    private static FinAgentException refused(String field) {
        return new FinAgentException(ErrorType.VALIDATION, 400, "Text may not contain the NUL character (%00)",
                List.of(new FieldError(field, "contains the NUL character")), null);
    }
}
