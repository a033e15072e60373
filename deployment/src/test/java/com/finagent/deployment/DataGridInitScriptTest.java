package com.finagent.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/init_0_datagrid.sh, sourced by bash as the Payara image's entrypoint sources it: the post-boot command
 * that switches the data grid to Kubernetes discovery, only when asked, and once however often the container starts.
 */
class DataGridInitScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("finagent.manifests", "../docker/aks"))
            .toAbsolutePath().getParent().resolve("init_0_datagrid.sh");

    @TempDir
    Path config;

    @Test
    void kubernetesDiscoveryBecomesOnePostBootCommand() throws Exception {
        Map<String, String> env = Map.of("FINAGENT_DATAGRID_DISCOVERY", "kubernetes",
                "FINAGENT_DATAGRID_NAMESPACE", "finagent-staging", "FINAGENT_DATAGRID_SERVICE", "finagent-datagrid",
                "FINAGENT_DATAGRID_PORT", "4900");
        assertEquals(0, source(env));
        assertEquals(0, source(env));
        assertEquals(List.of("set-hazelcast-configuration --dynamic=true --clustermode=kubernetes"
                        + " --kubernetesNamespace=finagent-staging --kubernetesServicename=finagent-datagrid --dasport=4900"),
                Files.readAllLines(postBoot()));
    }

    @Test
    void withoutTheVariablePayarasOwnDiscoveryStays() throws Exception {
        assertEquals(0, source(Map.of()));
        assertTrue(Files.notExists(postBoot()) || Files.readString(postBoot()).isEmpty());
    }

    @Test
    void kubernetesDiscoveryWithoutItsServiceChangesNothing() throws Exception {
        assertEquals(0, source(Map.of("FINAGENT_DATAGRID_DISCOVERY", "kubernetes")));
        assertTrue(Files.notExists(postBoot()) || Files.readString(postBoot()).isEmpty());
    }

    private Path postBoot() {
        return config.resolve("post-boot-commands.asadmin");
    }

    /** Sources the script as the entrypoint does and reports the shell's exit status (the script must not exit). */
    private int source(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", ". \"$0\"; echo sourced", SCRIPT.toString())
                .redirectErrorStream(true);
        bash.environment().keySet().removeIf(name -> name.startsWith("FINAGENT_"));
        bash.environment().putAll(env);
        bash.environment().put("POSTBOOT_COMMANDS", postBoot().toString());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        assertTrue(output.endsWith("sourced\n"), "the script returned to the entrypoint: " + output);
        return status;
    }
}
