package com.finagent.application.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sources a search can ask, by the name clients use ({@code news}, {@code sec}, {@code social}, {@code market}). */
public enum SourceName {
    NEWS("news"),
    SEC("sec"),
    SOCIAL("social"),
    MARKET("market");

    private final String id;

    SourceName(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<SourceName> parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }
}
