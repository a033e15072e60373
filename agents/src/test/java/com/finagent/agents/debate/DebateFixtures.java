package com.finagent.agents.debate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the debate fixtures of {@code src/test/resources/debate}. */
public final class DebateFixtures {

    private DebateFixtures() {
    }

    public static DebateRequest request(String name) {
        return DebateJson.readRequest(text(name));
    }

    public static String text(String name) {
        try (InputStream in = DebateFixtures.class.getResourceAsStream("/debate/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
