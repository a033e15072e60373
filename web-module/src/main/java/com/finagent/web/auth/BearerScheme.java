package com.finagent.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches the {@code Bearer} scheme of an {@code Authorization} header case-insensitively, as RFC 9110 section 11.1
 * requires of authentication schemes. Payara's MicroProfile JWT mechanism only recognises the exact spelling
 * {@code "Bearer "}, so a request that spells it otherwise is handed on with the header rewritten to that spelling;
 * the token itself is passed on unchanged.
 */
final class BearerScheme {

    static final String AUTHORIZATION = "Authorization";
    private static final String CANONICAL = "Bearer ";
    private static final Pattern ANY_SPELLING = Pattern.compile("(?i)bearer[ \\t]+(\\S.*)");

    private BearerScheme() {
    }

    /** {@code request} itself, or a view of it whose {@code Authorization} header spells the scheme canonically. */
    static HttpServletRequest canonical(HttpServletRequest request) {
        String header = request.getHeader(AUTHORIZATION);
        String rewritten = canonicalHeader(header);
        if (rewritten == null || rewritten.equals(header)) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name) ? rewritten : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(rewritten)) : super.getHeaders(name);
            }
        };
    }

    /** The header with the scheme spelled {@code Bearer}, or null when it is not a bearer credential. */
    static String canonicalHeader(String header) {
        if (header == null) {
            return null;
        }
        Matcher matcher = ANY_SPELLING.matcher(header.strip());
        return matcher.matches() ? CANONICAL + matcher.group(1).strip() : null;
    }
}
