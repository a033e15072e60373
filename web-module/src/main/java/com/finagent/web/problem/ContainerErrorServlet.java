package com.finagent.web.problem;

import com.finagent.application.error.ErrorType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * Answers errors raised by the container before JAX-RS runs (an invalid or expired bearer token
 * rejected by MicroProfile JWT, an uncaught servlet failure) in the same problem shape.
 * Registered as the error page in web.xml.
 */
@WebServlet("/problem")
public class ContainerErrorServlet extends HttpServlet {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorType type = switch (status) {
            case 401 -> ErrorType.AUTHENTICATION;
            case 403 -> ErrorType.AUTHORIZATION;
            case 404 -> ErrorType.NOT_FOUND;
            default -> status >= 500 ? ErrorType.INTERNAL : ErrorType.VALIDATION;
        };
        String detail = switch (status) {
            case 401 -> "The bearer token is missing, malformed, expired or not signed by Fin Agent; sign in again";
            case 403 -> "You are not allowed to do this";
            case 400 -> "The request could not be read";
            case 404 -> "No resource at " + uri;
            case 405 -> "This method is not allowed on " + uri;
            case 415 -> "Send the request body as application/json";
            default -> status >= 500 ? "Something went wrong on our side" : "Request rejected";
        };
        Problem problem = Problem.of(type, status, detail, uri == null ? null : uri.toString(), List.of());
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", Problem.BEARER_CHALLENGE);
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(problem));
    }
}
