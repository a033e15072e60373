package com.finagent.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Kubernetes manifests of docker/aks, read as the pipeline applies them: the {@code ${NAME}} placeholders that
 * the pipeline fills with envsubst are replaced by sample values, then every YAML document becomes a typed fabric8
 * model object (a kind fabric8 does not know becomes a {@link GenericKubernetesResource}).
 */
final class Manifests {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    /** What a placeholder stands for; each value is of the form the real one takes. */
    static final Map<String, String> SAMPLE_VALUES = Map.ofEntries(
            Map.entry("NAMESPACE", "finagent-staging"),
            Map.entry("IMAGE", "finagentacr.azurecr.io/finagent:1234"),
            Map.entry("HOST", "staging.finagent.example.com"),
            Map.entry("KEYVAULT_NAME", "finagent-staging-kv"),
            Map.entry("TENANT_ID", "00000000-0000-0000-0000-000000000001"),
            Map.entry("WORKLOAD_CLIENT_ID", "00000000-0000-0000-0000-000000000002"),
            Map.entry("POSTGRES_HOST", "finagent-staging.postgres.database.azure.com"),
            Map.entry("APPGW_SUBNET_CIDR", "10.225.0.0/24"),
            Map.entry("APPGW_CERTIFICATE", "finagent-staging-tls"),
            Map.entry("PLAID_ENVIRONMENT", "sandbox"),
            Map.entry("PLAID_TOKEN_KEY_ID", "k1"),
            Map.entry("LLM_PROVIDER", "openai"),
            Map.entry("LLM_MODEL", "gpt-4o-mini"));

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private final Path directory;
    private final List<Manifest> manifests;

    private Manifests(Path directory, List<Manifest> manifests) {
        this.directory = directory;
        this.manifests = manifests;
    }

    /** The directory the build names ({@code finagent.manifests}), else docker/aks from the module's directory. */
    static Manifests load() {
        String configured = System.getProperty("finagent.manifests");
        return load(configured != null ? Path.of(configured) : Path.of("..", "docker", "aks"));
    }

    static Manifests load(Path directory) {
        List<Manifest> read = new ArrayList<>();
        for (Path file : yamlFiles(directory)) {
            String text = read(file);
            int index = 0;
            for (String document : DOCUMENT_SEPARATOR.split(text)) {
                if (document.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
                    continue;
                }
                read.add(new Manifest(file.getFileName() + "#" + index++, parse(substitute(document, file))));
            }
        }
        if (read.isEmpty()) {
            throw new IllegalStateException("no manifests in " + directory.toAbsolutePath());
        }
        return new Manifests(directory, List.copyOf(read));
    }

    /** One document into the typed model; a document that is not a Kubernetes object fails here. */
    static HasMetadata parse(String yaml) {
        KubernetesResource resource = new KubernetesSerialization().unmarshal(yaml);
        if (!(resource instanceof HasMetadata object)) {
            throw new IllegalStateException("not a Kubernetes object: " + resource);
        }
        return object;
    }

    List<Manifest> all() {
        return manifests;
    }

    Path directory() {
        return directory;
    }

    <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return manifests.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> named = ofType(type).stream().filter(o -> name.equals(o.getMetadata().getName())).toList();
        if (named.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " named " + name + ", found " + named.size());
        }
        return named.get(0);
    }

    List<GenericKubernetesResource> custom(String kind) {
        return ofType(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    /** Every placeholder the manifests use, before substitution. */
    static Set<String> placeholdersIn(Path directory) {
        Set<String> names = new TreeSet<>();
        for (Path file : yamlFiles(directory)) {
            Matcher matcher = PLACEHOLDER.matcher(read(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static String substitute(String document, Path file) {
        Matcher matcher = PLACEHOLDER.matcher(document);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = SAMPLE_VALUES.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(file.getFileName() + " uses ${" + matcher.group(1)
                        + "}, which the pipeline does not fill in");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document and where it came from (file#index), for messages. */
    record Manifest(String source, HasMetadata object) {
    }
}
