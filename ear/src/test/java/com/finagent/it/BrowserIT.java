package com.finagent.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
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
 * deep link, all through the UI.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void userJourneyInTheBrowser() throws Exception {
        File frontend = new File(System.getProperty("finagent.frontend"));
        ProcessBuilder builder = new ProcessBuilder("npm", "run", "--silent", "test:e2e")
                .directory(frontend)
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", "http://localhost:8080");
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
