package com.finagent.web.partner;

import com.finagent.application.partner.TokenRequestException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Parses an {@code application/x-www-form-urlencoded} body. Read by hand rather than with {@code @FormParam} so that
 * a repeated parameter can be refused (RFC 6749 section 3.2) and a malformed body answers invalid_request.
 */
final class Forms {

    /** Well above any token request; a larger body is not one. */
    private static final int MAX_LENGTH = 8192;

    private Forms() {
    }

    static MultivaluedMap<String, String> parse(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (body == null || body.isBlank()) {
            throw new TokenRequestException(TokenRequestException.Error.INVALID_REQUEST, "The request has no form body");
        }
        if (body.length() > MAX_LENGTH) {
            throw new TokenRequestException(TokenRequestException.Error.INVALID_REQUEST, "The form body is too large");
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            form.add(name, value);
        }
        return form;
    }

    private static String decode(String text) {
        try {
            String decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
            if (decoded.indexOf('\0') >= 0) {
                throw new TokenRequestException(TokenRequestException.Error.INVALID_REQUEST,
                        "The form holds a NUL character");
            }
            return decoded;
        } catch (IllegalArgumentException malformed) {
            throw new TokenRequestException(TokenRequestException.Error.INVALID_REQUEST, "The form body is malformed");
        }
    }
}
