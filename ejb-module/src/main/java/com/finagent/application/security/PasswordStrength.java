package com.finagent.application.security;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FieldError;
import com.finagent.application.error.FinAgentException;
import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Refuses common and guessable passwords with zxcvbn (dictionaries of common passwords, names and words, keyboard
 * patterns, dates, repeats, l33t substitutions), counting the user's own e-mail and name as guessable.
 * A password must score at least {@link #MIN_SCORE} of 4 ("safely unguessable: moderate protection from an
 * offline attack").
 */
@ApplicationScoped
public class PasswordStrength {

    public static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /**
     * Throws a validation problem on field {@code password}, with zxcvbn's warning and suggestions, unless
     * {@code password} is strong enough.
     *
     * @param userInputs the user's e-mail, name and the like, which a guesser would try first
     */
    public void check(String password, List<String> userInputs) {
        List<String> inputs = new ArrayList<>();
        for (String input : userInputs) {
            if (input != null && !input.isBlank()) {
                String lower = input.strip().toLowerCase(Locale.ROOT);
                inputs.add(lower);
                inputs.addAll(List.of(lower.split("[^\\p{L}\\p{N}]+")));
            }
        }
        inputs.removeIf(String::isBlank);
        Strength strength = zxcvbn.measure(password, inputs);
        if (strength.getScore() < MIN_SCORE) {
            String message = "is too easy to guess" + advice(strength.getFeedback());
            throw new FinAgentException(ErrorType.VALIDATION, ErrorType.VALIDATION.status(), "password: " + message,
                    List.of(new FieldError("password", message)), null);
        }
    }

    private static String advice(Feedback feedback) {
        StringBuilder text = new StringBuilder();
        String warning = feedback.getWarning(Locale.ENGLISH);
        if (warning != null && !warning.isBlank()) {
            text.append(": ").append(warning.strip().replaceAll("\\.+$", ""));
        }
        List<String> suggestions = feedback.getSuggestions(Locale.ENGLISH).stream()
                .filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!suggestions.isEmpty()) {
            text.append(text.isEmpty() ? ": " : ". ").append(String.join(" ", suggestions));
        } else if (text.isEmpty()) {
            text.append(": add another word or two; uncommon words are better");
        }
        return text.toString();
    }
}
