package com.finagent.agents.offline.chat;

import com.finagent.agents.offline.text.WordLists;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ticker symbols written in a message: {@code AAPL}, {@code $NVDA}, {@code BRK.B}. */
final class Tickers {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w$])(\\$)?([A-Z]{1,5}(?:\\.[A-Z])?)(?![\\w])");
    /** Upper-case words of finance talk that are not the symbols meant. */
    private static final Set<String> NOT_TICKERS = WordLists.load(Tickers.class, "ticker-words.txt")
            .set("not-tickers");

    private Tickers() {
    }

    /** Tickers in order of appearance; in shouted text only {@code $}-prefixed words count. */
    static List<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return List.of();
        }
        long letters = text.chars().filter(Character::isLetter).count();
        long upper = text.chars().filter(Character::isUpperCase).count();
        boolean shouting = letters > 12 && upper > letters * 0.6;
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            boolean dollar = m.group(1) != null;
            String symbol = m.group(2);
            if (dollar || !shouting && symbol.length() >= 2 && !NOT_TICKERS.contains(symbol)) {
                found.add(symbol);
            }
        }
        return List.copyOf(found);
    }
}
