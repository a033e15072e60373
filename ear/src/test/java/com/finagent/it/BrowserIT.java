package com.finagent.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front end in a real browser: runs the Playwright suite in {@code frontend/e2e} (Debian's Chromium)
 * against the deployed EAR. It registers, signs in, picks an assistant, creates a portfolio and reloads a
 * deep link, all through the UI; on every page it runs axe-core and checks the layout at a phone's width.
 */
@ExtendWith(DeployedApplication.class)
class BrowserIT {


    @Test
    void userJourneyInTheBrowser() throws Exception {
        File frontend = new File(System.getProperty("finagent.frontend"));
        ProcessBuilder builder = new ProcessBuilder("npm", "run", "--silent", "test:e2e")
                .directory(frontend)
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", "http://localhost:8080");
        // The journey's screenshots at desktop and phone widths, for a person to look at; never committed.
        builder.environment().put("SCREENSHOT_DIR", new File("target/screenshots").getAbsolutePath());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the browser suite did not exit:\n" + output);
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        // Every step the journey declares ran and passed: none skipped, cancelled or left out.
        long steps = Pattern.compile("^\\s*step\\(", Pattern.MULTILINE)
                .matcher(Files.readString(frontend.toPath().resolve("e2e/app.e2e.mjs"))).results().count();
        assertTrue(steps >= 15, "journey steps declared: " + steps);
        assertTrue(output.contains("# tests " + steps) && output.contains("# pass " + steps), output);
    }
}
