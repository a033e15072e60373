package com.finagent.sso;

import com.finagent.application.error.ErrorType;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes RFC 9457 problems in the API's shape ({@code /problems/<type>}), for the few answers this WAR gives itself. */
final class Problems {

    private Problems() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, ErrorType type, int status,
                     String detail) throws IOException {
        send(response, type, status, detail, request.getRequestURI());
    }

    static void send(HttpServletResponse response, ErrorType type, int status, String detail, String instance)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", "/problems/" + type.code())
                .add("title", type.title())
                .add("status", status)
                .add("detail", detail)
                .add("instance", instance == null ? "" : instance)
                .build().toString());
    }
}
