package com.finagent.web.edge;

import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content security policy of the application. Scripts run only from our own origin and Plaid Link's CDN, plus
 * the inline scripts of our own pages, allowed one by one by their SHA-256 hash rather than with
 * {@code 'unsafe-inline'}: the Next.js static export writes a few inline bootstrap scripts into each page, and the
 * hashes are taken from the exported pages when the application starts, so an injected script has no hash and does
 * not run.
 */
public final class ContentSecurityPolicy {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final String PLAID_LINK = "https://cdn.plaid.com";

    private final String header;

    private ContentSecurityPolicy(Set<String> inlineScriptHashes) {
        StringBuilder scripts = new StringBuilder("'self' " + PLAID_LINK);
        inlineScriptHashes.forEach(hash -> scripts.append(" 'sha256-").append(hash).append('\''));
        header = String.join("; ",
                "default-src 'self'",
                "script-src " + scripts,
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "frame-src " + PLAID_LINK,
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /** The policy for the HTML pages that this web application serves (every {@code .html} resource). */
    public static ContentSecurityPolicy forPages(ServletContext context) {
        Set<String> hashes = new TreeSet<>();
        Deque<String> folders = new ArrayDeque<>();
        folders.push("/");
        while (!folders.isEmpty()) {
            Set<String> paths = context.getResourcePaths(folders.pop());
            if (paths == null) {
                continue;
            }
            for (String path : paths) {
                if (path.endsWith("/") && !path.startsWith("/WEB-INF/") && !path.startsWith("/_next/")) {
                    folders.push(path);
                } else if (path.endsWith(".html")) {
                    try (InputStream page = context.getResourceAsStream(path)) {
                        if (page != null) {
                            hashes.addAll(inlineScriptHashes(new String(page.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    } catch (IOException unreadable) {
                        // A page that cannot be read cannot be served either; it needs no hash.
                    }
                }
            }
        }
        return new ContentSecurityPolicy(hashes);
    }

    static ContentSecurityPolicy of(Set<String> inlineScriptHashes) {
        return new ContentSecurityPolicy(inlineScriptHashes);
    }

    /** The base64 SHA-256 of each inline script's text, as CSP's {@code 'sha256-…'} source expects. */
    static Set<String> inlineScriptHashes(String html) {
        Set<String> hashes = new TreeSet<>();
        Matcher script = INLINE_SCRIPT.matcher(html);
        while (script.find()) {
            hashes.add(sha256(script.group(1)));
        }
        return hashes;
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public String header() {
        return header;
    }
}
