package com.finagent.agents.offline.sentiment;

/**
 * Step 1 of the Porter stemmer (plurals, -ed, -ing, -y): enough to join "rise/rises/rising" and
 * "increase/increased/increases" without the later steps' over-stemming of finance terms.
 */
final class Stemmer {

    private Stemmer() {
    }

    static String stem(String word) {
        if (word.length() <= 2) {
            return word;
        }
        String w = step1a(word);
        w = step1b(w);
        return step1c(w);
    }

    private static String step1a(String w) {
        if (w.endsWith("sses")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ies")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
            return w;
        }
        if (w.endsWith("s")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String step1b(String w) {
        if (w.endsWith("eed")) {
            String stem = w.substring(0, w.length() - 3);
            return measure(stem) > 0 ? stem + "ee" : w;
        }
        String stem = null;
        if (w.endsWith("ed")) {
            stem = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ing")) {
            stem = w.substring(0, w.length() - 3);
        }
        if (stem == null || !hasVowel(stem)) {
            return w;
        }
        if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) {
            return stem + "e";
        }
        int len = stem.length();
        if (len >= 2 && stem.charAt(len - 1) == stem.charAt(len - 2) && isConsonant(stem, len - 1)) {
            char last = stem.charAt(len - 1);
            if (last != 'l' && last != 's' && last != 'z') {
                return stem.substring(0, len - 1);
            }
            return stem;
        }
        if (measure(stem) == 1 && endsCvc(stem)) {
            return stem + "e";
        }
        return stem;
    }

    private static String step1c(String w) {
        if (w.endsWith("y") && hasVowel(w.substring(0, w.length() - 1))) {
            return w.substring(0, w.length() - 1) + "i";
        }
        return w;
    }

    private static boolean isConsonant(String w, int i) {
        char c = w.charAt(i);
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> false;
            case 'y' -> i == 0 || !isConsonant(w, i - 1);
            default -> true;
        };
    }

    private static boolean hasVowel(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!isConsonant(w, i)) {
                return true;
            }
        }
        return false;
    }

    /** Porter's m: the number of vowel-consonant sequences. */
    private static int measure(String w) {
        int m = 0;
        int i = 0;
        int n = w.length();
        while (i < n && isConsonant(w, i)) {
            i++;
        }
        while (i < n) {
            while (i < n && !isConsonant(w, i)) {
                i++;
            }
            if (i >= n) {
                break;
            }
            while (i < n && isConsonant(w, i)) {
                i++;
            }
            m++;
        }
        return m;
    }

    private static boolean endsCvc(String w) {
        int n = w.length();
        if (n < 3) {
            return false;
        }
        char last = w.charAt(n - 1);
        return isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1)
                && last != 'w' && last != 'x' && last != 'y';
    }
}
