package com.finagent.agents.offline.sentiment;

import com.finagent.agents.offline.text.WordLists;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits tweets and news sentences into words, numbers and punctuation. Drops what only social media carries
 * (links, cashtags, mentions, the hash of hashtags) so a model trained on tweets does not lean on it, and copes
 * with wire-text spacing such as {@code company 's} and {@code 5 %}.
 */
final class TextLexer {

    /** Words whose following full stop abbreviates rather than ends a sentence. */
    private static final Set<String> ABBREVIATIONS = WordLists.load(TextLexer.class, "text-words.txt")
            .set("abbreviations");

    private TextLexer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(Math.max(8, text.length() / 5));
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (startsLink(text, i)) {
                i = skipNonSpace(text, i);
            } else if ((c == '$' || c == '@') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                // cashtag or mention: a ticker or handle says nothing about sentiment and never occurs in news prose
                i++;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || (text.charAt(i) == '.' && i + 1 < n && Character.isLetter(text.charAt(i + 1))))) {
                    i++;
                }
            } else if (Character.isLetter(c)) {
                i = readWord(text, i, out);
            } else if (Character.isDigit(c)) {
                i = readNumber(text, i, 0, out);
            } else if ((c == '+' || c == '-' || c == '\u2212') && i + 1 < n && Character.isDigit(text.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i = readNumber(text, i + 1, c == '+' ? 1 : -1, out);
            } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                // a detached clitic as in wire text "company 's": skip the possessive, keep anything else
                int end = i + 1;
                while (end < n && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                String clitic = text.substring(i + 1, end).toLowerCase();
                if (clitic.equals("t")) {
                    out.add(word("not"));
                } else if (!clitic.equals("s") && !clitic.equals("re") && !clitic.equals("ll")
                        && !clitic.equals("ve") && !clitic.equals("d") && !clitic.equals("m")) {
                    out.add(word(clitic));
                }
                i = end;
            } else {
                String p = punctuation(c);
                if (p != null) {
                    out.add(Token.punct(p));
                }
                i++;
            }
        }
        return out;
    }

    private static Token word(String w) {
        return Token.word(w);
    }

    private static String punctuation(char c) {
        return switch (c) {
            case '.', '\u2026' -> ".";
            case ',' -> ",";
            case ';', '|', '\u2013', '\u2014' -> ";";
            case ':' -> ":";
            case '!' -> "!";
            case '?' -> "?";
            case '(', '[' -> "(";
            case ')', ']' -> ")";
            case '%' -> "%";
            case '$', '\u20ac', '\u00a3' -> "$";
            default -> null;
        };
    }

    private static boolean startsLink(String s, int i) {
        return s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
                || s.regionMatches(true, i, "www.", 0, 4);
    }

    private static int skipNonSpace(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int readWord(String s, int start, List<Token> out) {
        int n = s.length();
        int i = start;
        while (i < n && Character.isLetter(s.charAt(i))) {
            i++;
        }
        String w = s.substring(start, i).toLowerCase();
        if (i + 1 < n && (s.charAt(i) == '\'' || s.charAt(i) == '\u2019') && Character.isLetter(s.charAt(i + 1))) {
            int end = i + 1;
            while (end < n && Character.isLetter(s.charAt(end))) {
                end++;
            }
            String clitic = s.substring(i + 1, end).toLowerCase();
            if (clitic.equals("t") && w.endsWith("n") && w.length() > 1) {
                out.add(word(w.equals("can") ? "can" : w.equals("won") ? "will" : w.substring(0, w.length() - 1)));
                out.add(word("not"));
            } else {
                out.add(word(w));
            }
            return end;
        }
        out.add(word(w));
        if (i + 1 < n && s.charAt(i) == '.' && (w.length() == 1
                || (ABBREVIATIONS.contains(w) && !Character.isUpperCase(nextNonSpace(s, i + 1))))) {
            return i + 1;
        }
        return i;
    }

    private static char nextNonSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < s.length() ? s.charAt(i) : ' ';
    }

    private static int readNumber(String s, int start, int sign, List<Token> out) {
        int n = s.length();
        int i = start;
        StringBuilder digits = new StringBuilder();
        boolean decimal = false;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
                i++;
            } else if (c == ',' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                int run = countDigits(s, i + 1);
                if (run == 3 && !decimal) {
                    i++;
                } else if (!decimal) {
                    decimal = true;
                    digits.append('.');
                    i++;
                } else {
                    break;
                }
            } else if (c == '.' && !decimal && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                decimal = true;
                digits.append('.');
                i++;
            } else {
                break;
            }
        }
        double value;
        try {
            value = Double.parseDouble(digits.toString());
        } catch (NumberFormatException e) {
            value = 0;
        }
        out.add(Token.number(s.substring(start, i), sign < 0 ? -value : value, sign));
        return i;
    }

    private static int countDigits(String s, int i) {
        int k = 0;
        while (i + k < s.length() && Character.isDigit(s.charAt(i + k))) {
            k++;
        }
        return k;
    }
}
