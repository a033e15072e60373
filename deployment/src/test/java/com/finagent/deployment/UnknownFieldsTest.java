package com.finagent.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The check behind {@link AksManifestsTest}: a field the model does not know is found, with where it is. */
class UnknownFieldsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: broken
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: broken
              template:
                metadata:
                  labels:
                    app: broken
                spec:
                  containers:
                    - name: app
                      image: example/app:1
                      %s:
                        httpGet:
                          path: /health/ready
                          port: 8080
            """;

    @Test
    void aKnownFieldPasses() {
        assertEquals(List.of(), UnknownFields.in(Manifests.parse(DEPLOYMENT.formatted("readinessProbe"))));
    }

    @Test
    void aMisspeltFieldDeepInThePodIsFoundWithItsPath() {
        HasMetadata deployment = Manifests.parse(DEPLOYMENT.formatted("readinesProbe"));
        assertInstanceOf(Deployment.class, deployment);
        assertEquals(List.of("spec.template.spec.containers[0].[readinesProbe]"), UnknownFields.in(deployment));
    }

    @Test
    void aMisspeltApiVersionIsNoLongerTheTypedKind() {
        HasMetadata object = Manifests.parse(DEPLOYMENT.formatted("readinessProbe").replace("apps/v1", "app/v1"));
        assertInstanceOf(GenericKubernetesResource.class, object);
    }

    @Test
    void aCustomResourceIsCheckedOnlyInItsMetadata() {
        HasMetadata custom = Manifests.parse("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata:
                  name: vault
                  namspace: typo
                spec:
                  provider: azure
                """);
        assertEquals(List.of("metadata.[namspace]"), UnknownFields.in(custom));
    }
}
