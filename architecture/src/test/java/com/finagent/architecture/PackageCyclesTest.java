package com.finagent.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feature packages of the application services and of the HTTP layer depend on each other in one direction only,
 * so a feature can be read (and moved) without the ones that use it. A calculation several features share lives in
 * a package of its own (the FIFO ledger that activities, performance and the Plaid sync replay). The agents' feature
 * packages likewise: the offline model implements the other features' contracts, and only the model catalogue builds
 * it (memory extraction takes its fallback rules as {@code ExtractionRules}), so it uses those features and they do
 * not use it; inside it, and inside every feature, the sub-packages depend on each other one way too.
 */
class PackageCyclesTest {

    @Test
    void featurePackagesFormNoCycle() {
        Path root = Path.of(System.getProperty("finagent.root", ".."));
        Path services = root.resolve("ejb-module/target/classes");
        Path web = root.resolve("web-module/target/classes");
        assertTrue(Files.isDirectory(services.resolve("com/finagent")), "no compiled classes in " + services);
        JavaClasses classes = new ClassFileImporter().importPaths(services, web);
        slices().matching("com.finagent.(*).(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void agentFeaturePackagesFormNoCycle() {
        slices().matching("com.finagent.agents.(*)..").should().beFreeOfCycles().check(agentClasses());
    }

    @Test
    void everyAgentPackageDependsOnItsNeighboursOneWay() {
        // Each package by itself, sub-packages included: the offline model's entry point uses its chat and analyst
        // responders, which share only the text package with the other offline models.
        slices().matching("com.finagent.agents.(**)").should().beFreeOfCycles().check(agentClasses());
    }

    private static JavaClasses agentClasses() {
        Path root = Path.of(System.getProperty("finagent.root", ".."));
        Path agents = root.resolve("agents/target/classes");
        assertTrue(Files.isDirectory(agents.resolve("com/finagent/agents")), "no compiled classes in " + agents);
        return new ClassFileImporter().importPaths(agents);
    }
}
