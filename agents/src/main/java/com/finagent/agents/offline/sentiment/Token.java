package com.finagent.agents.offline.sentiment;

import com.finagent.agents.offline.text.EnglishStems;

/**
 * One lexical unit of a text.
 *
 * @param kind  word, number or punctuation
 * @param text  lower-case word, raw number text, or the punctuation character
 * @param value the parsed value of a number (0 otherwise)
 * @param sign  +1 or -1 when a number was written with an explicit sign, else 0
 * @param stem  the {@link EnglishStems} stem of a word, computed once for the rules and the classifier; else the text
 */
record Token(Kind kind, String text, double value, int sign, String stem) {

    static Token word(String lowerCase) {
        return new Token(Kind.WORD, lowerCase, 0, 0, EnglishStems.stem(lowerCase));
    }

    static Token number(String text, double value, int sign) {
        return new Token(Kind.NUMBER, text, value, sign, "");
    }

    static Token punct(String p) {
        return new Token(Kind.PUNCT, p, 0, 0, p);
    }

    enum Kind { WORD, NUMBER, PUNCT }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean isPunct(String p) {
        return kind == Kind.PUNCT && text.equals(p);
    }
}
