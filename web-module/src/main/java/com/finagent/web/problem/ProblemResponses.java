package com.finagent.web.problem;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FieldError;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.ratelimit.RateLimitExceededException;
import com.finagent.application.workload.HeavyWork;
import com.finagent.web.ratelimit.RateLimitHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/** Turns any failure into the one problem shape. Internals are logged, never sent. */
@ApplicationScoped
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("property '([^']{1,60})'");
    private static final String BECAUSE = "because of: ";
    private static final Pattern NAMES_JAVA_TYPES = Pattern.compile(
            "\\bclass\\b|\\binterface\\b|\\btype:|\\$|\\b(?:java|jakarta|javax|org|com|sun)\\.[a-z]|Incorrect position|Internal error");

    public Response of(Throwable failure, String instance) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RateLimitExceededException e) {
            Response response = Problem.of(e.getType(), e.getStatus(), e.getMessage(), instance, List.of()).toResponse();
            RateLimitHeaders.write(e.consumption(), response.getHeaders());
            return response;
        }
        if (cause instanceof FinAgentException e) {
            Response response = Problem.of(e.getType(), e.getStatus(), e.getMessage(), instance, e.getFieldErrors())
                    .toResponse();
            if (e.getType() == ErrorType.OVERLOADED) {
                response.getHeaders().putSingle("Retry-After", String.valueOf(HeavyWork.RETRY_AFTER_SECONDS));
            }
            return response;
        }
        if (cause instanceof BulkheadException) {
            return of(HeavyWork.busy(), instance);
        }
        if (cause instanceof ConstraintViolationException e) {
            return validation(e, instance);
        }
        Throwable malformed = findJsonFailure(failure);
        if (malformed != null && !whileWritingTheResponse(failure)) {
            return Problem.of(ErrorType.VALIDATION, 400, "The request body is not valid JSON for this endpoint: "
                    + describe(malformed), instance, List.of()).toResponse();
        }
        if (cause instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            return clientError(e.getResponse().getStatus(), instance);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident + " at " + instance, failure);
        return Problem.of(ErrorType.INTERNAL, 500, "Something went wrong on our side (incident " + incident + ")",
                instance, List.of()).toResponse();
    }

    /** A JSON failure in a MessageBodyWriter is our response that could not be written, not the client's fault. */
    private static boolean whileWritingTheResponse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getMethodName().equals("writeTo")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Response clientError(int status, String instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Request rejected" : known.getReasonPhrase();
        ErrorType type = switch (status) {
            case 401 -> ErrorType.AUTHENTICATION;
            case 403 -> ErrorType.AUTHORIZATION;
            case 404 -> ErrorType.NOT_FOUND;
            case 429 -> ErrorType.RATE_LIMIT;
            default -> ErrorType.VALIDATION;
        };
        String detail = switch (status) {
            case 400 -> "The request body is missing or could not be read as JSON";
            case 404 -> "No resource at " + instance;
            case 405 -> "This method is not allowed on " + instance;
            case 406 -> "This endpoint answers application/json only";
            case 415 -> "Send the request body as application/json";
            default -> reason;
        };
        return Problem.of(type, status, detail, instance, List.of()).toResponse();
    }

    private static Response validation(ConstraintViolationException e, String instance) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("Invalid request");
        return Problem.of(ErrorType.VALIDATION, 400, detail, instance, errors).toResponse();
    }

    /**
     * {@code create.request.name} becomes {@code name}, an element of a list or map {@code weights[AAPL]}; a missing
     * body becomes {@code body}.
     */
    static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        boolean afterParameter = false;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // An element of a list or map: "weights[AAPL]" rather than "weights.<map value>".
                String holder = names.isEmpty() ? "body" : names.remove(names.size() - 1);
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                names.add(position == null ? holder : holder + "[" + abbreviate(String.valueOf(position)) + "]");
            } else if (node.getKind() == ElementKind.PARAMETER) {
                afterParameter = true;
            } else if (afterParameter && node.getName() != null) {
                names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            } else if (!afterParameter && node.getKind() == ElementKind.PROPERTY) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String abbreviate(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "…";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof jakarta.ejb.EJBException || current instanceof jakarta.ws.rs.ProcessingException
                || current instanceof java.util.concurrent.CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static Throwable findJsonFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException
                    || t instanceof jakarta.json.JsonException) {
                return t;
            }
        }
        return null;
    }

    /**
     * Which property was wrong and how, without class names or stack frames: Yasson's own messages name Java
     * types ("Incorrect position for processing type: class RiskRequest"), which mean nothing to a client and
     * tell an attacker how the server is built, so only messages that name no type are passed on (nor Yasson's
     * "Internal error: null" for a body that is not an object).
     */
    private static String describe(Throwable malformed) {
        List<String> properties = new ArrayList<>();
        String reason = null;
        for (Throwable t = malformed; t != null; t = t.getCause()) {
            if (t.getMessage() == null || t.getMessage().isBlank()) {
                continue;
            }
            String message = t.getMessage().lines().findFirst().orElse("");
            Matcher property = PROPERTY.matcher(message);
            if (property.find() && !properties.contains(property.group(1))) {
                properties.add(property.group(1));
            }
            String cause = message.contains(BECAUSE) ? message.substring(message.lastIndexOf(BECAUSE) + BECAUSE.length())
                    : message;
            if (!NAMES_JAVA_TYPES.matcher(cause).find() && !PROPERTY.matcher(cause).find()) {
                reason = cause;
            }
        }
        String where = properties.isEmpty() ? "" : "at '" + String.join(".", properties) + "': ";
        return where + (reason == null ? "a value has the wrong JSON type or shape for its field" : reason);
    }
}
