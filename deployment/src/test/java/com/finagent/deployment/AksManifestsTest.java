package com.finagent.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The AKS manifests in docker/aks, checked offline: each parses into fabric8's typed model without unknown fields,
 * and the resources fit together as the cluster needs them to (probes, ports, selectors, autoscaling, ingress,
 * Key Vault secrets, the data grid's Kubernetes discovery and its permissions).
 */
class AksManifestsTest {

    private static final String APP = "finagent";
    private static final Set<String> CUSTOM_KINDS = Set.of("SecretProviderClass");

    private static Manifests manifests;
    private static Deployment deployment;
    private static Container container;

    @BeforeAll
    static void load() {
        manifests = Manifests.load();
        deployment = manifests.one(Deployment.class, APP);
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), "one container per pod");
        container = containers.get(0);
    }

    @Test
    void everyManifestIsAKnownKindWithoutUnknownFields() {
        for (Manifests.Manifest manifest : manifests.all()) {
            HasMetadata object = manifest.object();
            if (object instanceof GenericKubernetesResource) {
                assertTrue(CUSTOM_KINDS.contains(object.getKind()), manifest.source() + ": " + object.getApiVersion()
                        + " " + object.getKind() + " is not a kind of the typed model (misspelt kind or apiVersion?)");
            }
            assertEquals(List.of(), UnknownFields.in(object), manifest.source() + " has fields the model does not know");
            assertNotNull(object.getMetadata().getName(), manifest.source() + " has no name");
        }
    }

    @Test
    void everyPlaceholderIsOneThePipelineFillsIn() throws IOException {
        String pipeline = Files.readString(root().resolve("docker").resolve("pipelines").resolve("deploy-stage.yml"));
        String envsubst = pipeline.lines().filter(line -> line.contains("envsubst")).collect(Collectors.joining("\n"));
        assertFalse(envsubst.isEmpty(), "the pipeline renders the manifests with envsubst");
        for (String name : Manifests.placeholdersIn(manifests.directory())) {
            assertTrue(Pattern.compile("\\$" + name + "\\b").matcher(envsubst).find(),
                    "the pipeline's envsubst does not fill in ${" + name + "}");
        }
    }

    @Test
    void everythingLivesInTheDeploymentsNamespace() {
        String namespace = deployment.getMetadata().getNamespace();
        assertNotNull(namespace);
        for (Manifests.Manifest manifest : manifests.all()) {
            HasMetadata object = manifest.object();
            if (object instanceof Namespaced || object instanceof GenericKubernetesResource) {
                assertEquals(namespace, object.getMetadata().getNamespace(), manifest.source());
            }
        }
    }

    @Test
    void deploymentRunsAtLeastTwoReplicasThatProbeHealth() {
        assertTrue(deployment.getSpec().getReplicas() >= 2, "at least 2 replicas");
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(),
                deployment.getSpec().getTemplate().getMetadata().getLabels(), "the selector matches the pods");
        assertProbe(container.getReadinessProbe(), "/health/ready");
        assertProbe(container.getLivenessProbe(), "/health/live");
        assertProbe(container.getStartupProbe(), "/health/live");
    }

    @Test
    void httpPortIsTheOneTheImageExposes() throws IOException {
        Set<Integer> exposed = dockerfileExposes();
        for (ContainerPort port : container.getPorts()) {
            assertTrue(exposed.contains(port.getContainerPort()), "the image exposes " + port.getContainerPort());
        }
        assertEquals(8080, containerPort(new IntOrString("http")));
    }

    @Test
    void memoryFitsTheImagesHeapAndIsNeverOvercommitted() {
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertNotNull(requests.get("cpu"), "the autoscaler measures CPU against the request");
        assertNotNull(limits.get("cpu"));
        assertEquals(Quantity.getAmountInBytes(limits.get("memory")), Quantity.getAmountInBytes(requests.get("memory")),
                "memory request = limit");
        // docker/Dockerfile: about 1.5 GB or more, the heap being 70 % of the limit.
        assertTrue(Quantity.getAmountInBytes(limits.get("memory")).longValue() >= 1_536L * 1024 * 1024,
                "at least 1.5 GiB");
        assertTrue(Quantity.getAmountInBytes(requests.get("cpu")).compareTo(
                Quantity.getAmountInBytes(limits.get("cpu"))) <= 0, "cpu request <= limit");
    }

    @Test
    void autoscalerScalesTheDeploymentOnCpu() {
        HorizontalPodAutoscaler hpa = manifests.one(HorizontalPodAutoscaler.class, APP);
        assertEquals("apps/v1", hpa.getSpec().getScaleTargetRef().getApiVersion());
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= deployment.getSpec().getReplicas(), "min replicas >= 2");
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
        MetricSpec cpu = hpa.getSpec().getMetrics().stream()
                .filter(m -> "Resource".equals(m.getType()) && "cpu".equals(m.getResource().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no CPU metric"));
        assertEquals("Utilization", cpu.getResource().getTarget().getType());
        int target = cpu.getResource().getTarget().getAverageUtilization();
        assertTrue(target > 0 && target <= 100, "utilization target " + target);
    }

    @Test
    void disruptionBudgetKeepsOnePodOfTheDeployment() {
        PodDisruptionBudget budget = manifests.one(PodDisruptionBudget.class, APP);
        assertEquals(deployment.getSpec().getTemplate().getMetadata().getLabels(),
                budget.getSpec().getSelector().getMatchLabels());
        assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal());
    }

    @Test
    void ingressOfApplicationGatewayRoutesToTheServicesHttpPort() {
        Ingress ingress = manifests.one(Ingress.class, APP);
        assertEquals("azure-application-gateway", ingress.getSpec().getIngressClassName());
        assertEquals("/health/ready",
                ingress.getMetadata().getAnnotations().get("appgw.ingress.kubernetes.io/health-probe-path"));
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
        assertFalse(paths.isEmpty(), "the ingress routes something");
        for (HTTPIngressPath path : paths) {
            IngressServiceBackend backend = path.getBackend().getService();
            Service service = manifests.one(Service.class, backend.getName());
            ServicePort port = service.getSpec().getPorts().stream()
                    .filter(p -> backend.getPort().getName() != null
                            ? backend.getPort().getName().equals(p.getName())
                            : backend.getPort().getNumber().equals(p.getPort()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("service " + service.getMetadata().getName()
                            + " has no port " + backend.getPort()));
            assertSelectsThePods(service);
            assertEquals(8080, containerPort(port.getTargetPort()), "the ingress reaches the HTTP listener");
        }
    }

    @Test
    void everySecretVariableNamesAKeyTheSecretProviderClassSyncs() throws IOException {
        Map<String, Set<String>> synced = new java.util.HashMap<>();
        Set<String> objects = new HashSet<>();
        for (GenericKubernetesResource spc : manifests.custom("SecretProviderClass")) {
            assertEquals("secrets-store.csi.x-k8s.io/v1", spc.getApiVersion());
            Map<String, Object> spec = map(spc.getAdditionalProperties().get("spec"), "spec");
            assertEquals("azure", spec.get("provider"));
            objects.addAll(keyVaultObjects(map(spec.get("parameters"), "spec.parameters")));
            for (Object secretObject : (List<?>) spec.get("secretObjects")) {
                Map<String, Object> secret = map(secretObject, "secretObjects[]");
                Set<String> keys = synced.computeIfAbsent((String) secret.get("secretName"), name -> new HashSet<>());
                for (Object item : (List<?>) secret.get("data")) {
                    Map<String, Object> data = map(item, "secretObjects[].data[]");
                    assertTrue(objects.contains((String) data.get("objectName")), "the synced " + data.get("key")
                            + " is the Key Vault object " + data.get("objectName") + ", which is not fetched");
                    keys.add((String) data.get("key"));
                }
            }
        }
        List<EnvVar> fromSecrets = container.getEnv().stream()
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null).toList();
        assertFalse(fromSecrets.isEmpty(), "the container takes its secrets from the synced Secret");
        for (EnvVar env : fromSecrets) {
            String secret = env.getValueFrom().getSecretKeyRef().getName();
            String key = env.getValueFrom().getSecretKeyRef().getKey();
            assertTrue(synced.containsKey(secret), env.getName() + ": no SecretProviderClass syncs the Secret " + secret);
            assertTrue(synced.get(secret).contains(key), env.getName() + ": " + secret + " gets no key " + key);
        }
        Set<String> names = fromSecrets.stream().map(EnvVar::getName).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("FINAGENT_DB_PASSWORD", "FINAGENT_PLAID_CLIENT_ID", "FINAGENT_PLAID_SECRET",
                "FINAGENT_PLAID_TOKEN_KEYS", "FINAGENT_LLM_API_KEY")), "the database, Plaid and LLM secrets: " + names);
        // The secrets volume is what makes the driver fetch and sync them; the signing key is read from it.
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getCsi() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no CSI volume"));
        assertEquals("secrets-store.csi.k8s.io", volume.getCsi().getDriver());
        String providerClass = volume.getCsi().getVolumeAttributes().get("secretProviderClass");
        assertEquals(1, manifests.custom("SecretProviderClass").stream()
                .filter(spc -> spc.getMetadata().getName().equals(providerClass)).count(), providerClass);
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("the CSI volume is not mounted"));
        assertEquals(dockerfileEnv("FINAGENT_HOME") + "/keys", mount.getMountPath(),
                "mounted where SigningKeys reads the token signing key");
        assertTrue(objects.contains("jwt-signing-key.pem"), "the token signing key is fetched as jwt-signing-key.pem");
    }

    @Test
    void dataGridDiscoversTheOtherPodsThroughTheHeadlessService() {
        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertEquals("kubernetes", env.get("FINAGENT_DATAGRID_DISCOVERY").getValue());
        EnvVar namespace = env.get("FINAGENT_DATAGRID_NAMESPACE");
        String toldNamespace = namespace.getValue() != null ? namespace.getValue()
                : "metadata.namespace".equals(namespace.getValueFrom().getFieldRef().getFieldPath())
                ? deployment.getMetadata().getNamespace() : null;
        Service grid = manifests.one(Service.class, env.get("FINAGENT_DATAGRID_SERVICE").getValue());
        assertEquals(grid.getMetadata().getNamespace(), toldNamespace, "discovery looks in the service's namespace");
        assertEquals("None", grid.getSpec().getClusterIP(), "headless: its endpoints are the pods");
        assertTrue(grid.getSpec().getPublishNotReadyAddresses(), "the grid forms before the pods are ready");
        assertSelectsThePods(grid);
        int port = Integer.parseInt(env.get("FINAGENT_DATAGRID_PORT").getValue());
        assertTrue(grid.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port
                && containerPort(p.getTargetPort()) == port), "the service carries the data grid's port " + port);
    }

    @Test
    void discoveryMayReadEndpointsAndPodsAsThePodsServiceAccount() {
        String accountName = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
        ServiceAccount account = manifests.one(ServiceAccount.class, accountName);
        assertNotNull(account.getMetadata().getAnnotations().get("azure.workload.identity/client-id"),
                "the CSI driver reaches Key Vault as the account's workload identity");
        String namespace = deployment.getMetadata().getNamespace();
        boolean granted = manifests.ofType(RoleBinding.class).stream()
                .filter(binding -> binding.getSubjects().stream().anyMatch(s -> "ServiceAccount".equals(s.getKind())
                        && accountName.equals(s.getName()) && namespace.equals(s.getNamespace())))
                .filter(binding -> "Role".equals(binding.getRoleRef().getKind()))
                .map(binding -> manifests.one(Role.class, binding.getRoleRef().getName()))
                .anyMatch(role -> allows(role, "endpoints") && allows(role, "pods"));
        assertTrue(granted, "a Role bound to " + accountName + " allows get and list on endpoints and pods");
    }

    private static boolean allows(Role role, String resource) {
        for (PolicyRule rule : role.getRules()) {
            if (rule.getApiGroups().contains("") && rule.getResources().contains(resource)
                    && rule.getVerbs().containsAll(List.of("get", "list"))) {
                return true;
            }
        }
        return false;
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, "probe on " + path);
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, "an HTTP probe on " + path);
        assertEquals(path, get.getPath());
        assertEquals(8080, containerPort(get.getPort()), "the probe asks the HTTP listener");
    }

    private static void assertSelectsThePods(Service service) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> selector = service.getSpec().getSelector();
        assertFalse(selector.isEmpty(), service.getMetadata().getName() + " selects something");
        assertTrue(labels.entrySet().containsAll(selector.entrySet()),
                service.getMetadata().getName() + " selects the Deployment's pods");
    }

    /** The container port that a port number or name stands for; fails if the container has no such port. */
    private static int containerPort(IntOrString port) {
        return container.getPorts().stream()
                .filter(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                        : port.getIntVal().equals(p.getContainerPort()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the container has no port " + port));
    }

    /** The aliases (else names) of the Key Vault objects that parameters.objects fetches. */
    private static Set<String> keyVaultObjects(Map<String, Object> parameters) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Object> objects = map(yaml.readValue((String) parameters.get("objects"), Map.class), "objects");
        Set<String> names = new HashSet<>();
        for (Object entry : (List<?>) objects.get("array")) {
            Map<String, Object> object = map(yaml.readValue((String) entry, Map.class), "objects.array[]");
            assertNotNull(object.get("objectName"));
            assertEquals("secret", object.get("objectType"));
            names.add((String) object.getOrDefault("objectAlias", object.get("objectName")));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            fail(what + " is not a map: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static Path root() {
        return manifests.directory().toAbsolutePath().getParent().getParent();
    }

    private static Set<Integer> dockerfileExposes() throws IOException {
        return Files.readAllLines(root().resolve("docker").resolve("Dockerfile")).stream()
                .filter(line -> line.startsWith("EXPOSE "))
                .flatMap(line -> List.of(line.substring("EXPOSE ".length()).trim().split("\\s+")).stream())
                .map(Integer::valueOf)
                .collect(Collectors.toSet());
    }

    private static String dockerfileEnv(String name) throws IOException {
        Matcher matcher = Pattern.compile("\\b" + name + "=(\\S+)")
                .matcher(Files.readString(root().resolve("docker").resolve("Dockerfile")));
        assertTrue(matcher.find(), "docker/Dockerfile sets " + name);
        return matcher.group(1);
    }
}
