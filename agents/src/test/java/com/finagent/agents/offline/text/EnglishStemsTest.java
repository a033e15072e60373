package com.finagent.agents.offline.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnglishStemsTest {

    @Test
    void inflectionsOfAWordMeet() {
        assertEquals(EnglishStems.stem("rise"), EnglishStems.stem("rising"));
        assertEquals(EnglishStems.stem("rise"), EnglishStems.stem("rises"));
        assertEquals(EnglishStems.stem("increased"), EnglishStems.stem("increases"));
        assertEquals(EnglishStems.stem("profit"), EnglishStems.stem("profits"));
    }

    @Test
    void wordsWithoutASuffixStayAsTheyAre() {
        for (String word : List.of("", "up", "eur", "loss", "long-term")) {
            assertEquals(word, EnglishStems.stem(word));
        }
    }

    @Test
    void stemsTheSameOnEveryThread() throws InterruptedException {
        String[] seen = new String[2];
        Thread first = new Thread(() -> seen[0] = EnglishStems.stem("narrowed"));
        Thread second = new Thread(() -> seen[1] = EnglishStems.stem("narrowed"));
        first.start();
        second.start();
        first.join();
        second.join();
        assertEquals(EnglishStems.stem("narrowing"), seen[0]);
        assertEquals(seen[0], seen[1]);
    }
}
