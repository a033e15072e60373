package com.finagent.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One JSON API in our code: the platform's JSON-B (binding) and JSON-P (trees and streams). A third-party library's
 * own JSON stays inside its adapter: Jackson inside LangChain4j's codec SPI ({@code ExplicitModulesJsonCodecFactory}),
 * Gson inside the Plaid SDK's adapters ({@code PlaidGateway}, and the local Plaid sandbox, which speaks Plaid's wire
 * with the SDK's Gson models). Read from the compiled classes, main and test, of every application module, so that a
 * fully qualified use counts as much as an import.
 */
class JsonLibrariesTest {

    private static final List<String> MODULES = List.of("persistence", "agents", "ejb-module", "plaid-sandbox",
            "web-module", "sso-module");
    private static final String JACKSON_ADAPTER = "com.finagent.agents.model.ExplicitModulesJsonCodecFactory";
    private static final String GSON_ADAPTER = "com.finagent.application.plaid.PlaidGateway";
    private static final String PLAID_SANDBOX = "com.finagent.plaid.sandbox..";

    private static JavaClasses classes;

    @BeforeAll
    static void importOurClasses() {
        Path root = Path.of(System.getProperty("finagent.root", ".."));
        List<Path> directories = new ArrayList<>();
        for (String module : MODULES) {
            Path main = root.resolve(module).resolve("target/classes");
            assertTrue(Files.isDirectory(main.resolve("com/finagent")), "no compiled classes in " + main);
            directories.add(main);
            Path tests = root.resolve(module).resolve("target/test-classes");
            if (Files.isDirectory(tests)) {
                directories.add(tests);
            }
        }
        classes = new ClassFileImporter().importPaths(directories);
    }

    @Test
    void jacksonOnlyInLangChain4jsCodecAdapter() {
        noClasses().that().haveNameNotMatching(adapter(JACKSON_ADAPTER))
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("our JSON is JSON-B and JSON-P; LangChain4j's codec SPI is the one place written against Jackson")
                .check(classes);
    }

    @Test
    void gsonOnlyInThePlaidSdksAdapters() {
        noClasses().that().haveNameNotMatching(adapter(GSON_ADAPTER)).and().resideOutsideOfPackage(PLAID_SANDBOX)
                .should().dependOnClassesThat().resideInAPackage("com.google.gson..")
                .because("our JSON is JSON-B and JSON-P; the Plaid SDK's models are Gson's, so its adapters use Gson")
                .check(classes);
    }

    /** The rules see the adapters and what they use, so they cannot pass for want of classes to check. */
    @Test
    void theAdaptersAreAmongTheCheckedClasses() {
        assertTrue(usesPackage(classes.get(JACKSON_ADAPTER), "com.fasterxml.jackson"));
        assertTrue(usesPackage(classes.get(GSON_ADAPTER), "com.google.gson"));
        assertTrue(classes.stream().filter(c -> c.getPackageName().startsWith("com.finagent.plaid.sandbox"))
                .anyMatch(c -> usesPackage(c, "com.google.gson")));
        for (String module : List.of("com.finagent.persistence", "com.finagent.web", "com.finagent.sso")) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(module)), module);
        }
    }

    /** The adapter and the classes nested in it. */
    private static String adapter(String name) {
        return name.replace(".", "\\.") + "(\\$.*)?";
    }

    private static boolean usesPackage(JavaClass javaClass, String prefix) {
        return javaClass.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith(prefix));
    }
}
