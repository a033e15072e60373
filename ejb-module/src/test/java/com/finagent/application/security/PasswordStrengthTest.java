package com.finagent.application.security;

import com.finagent.application.error.FinAgentException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordStrengthTest {

    private final PasswordStrength strength = new PasswordStrength();

    @Test
    void commonAndGuessablePasswordsAreRefusedNamingTheField() {
        for (String weak : List.of("password1", "long enough", "ann lee 1990", "qwertyuiop", "12345678910", "Summer2024!")) {
            FinAgentException refused = assertThrows(FinAgentException.class,
                    () -> strength.check(weak, List.of("ann@example.com", "Ann Lee")), weak);
            assertEquals(400, refused.getStatus());
            assertEquals("password", refused.getFieldErrors().get(0).field());
            assertTrue(refused.getFieldErrors().get(0).message().startsWith("is too easy to guess"), weak);
        }
    }

    @Test
    void theUsersOwnEmailAndNameCountAsGuessable() {
        String password = "tiberiuskowalczykowna";
        assertDoesNotThrow(() -> strength.check(password, List.of("ann@example.com", "Ann Lee")));
        assertThrows(FinAgentException.class,
                () -> strength.check(password, List.of("tiberius.kowalczykowna@example.com", "Tiberius Kowalczykowna")));
    }

    @Test
    void feedbackSaysWhy() {
        FinAgentException refused = assertThrows(FinAgentException.class, () -> strength.check("password1", List.of()));
        assertTrue(refused.getMessage().toLowerCase().contains("common"), refused.getMessage());
    }

    @Test
    void unusualPassphrasesPass() {
        assertDoesNotThrow(() -> strength.check("plaid-otter-quarry-91", List.of("ann@example.com")));
        assertDoesNotThrow(() -> strength.check("Tr4nquil-Harbour-Lamp", List.of()));
    }
}
