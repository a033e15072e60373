package com.finagent.web.health;

import com.finagent.agents.memory.MiniLmEmbedder;
import com.finagent.application.embedding.Embeddings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the embedding model has loaded (memories and sentiment texts wait for it until then), naming the
 * embedder in use; the model-free fallback is ready too, but labelled as such.
 */
@Readiness
@ApplicationScoped
public class EmbeddingReadinessCheck implements HealthCheck {

    @EJB
    Embeddings embeddings;

    @Override
    public HealthCheckResponse call() {
        return embeddings.loaded()
                .map(embedder -> HealthCheckResponse.named("embedding").up().withData("embedder", embedder.id())
                        .withData("fallback", !MiniLmEmbedder.ID.equals(embedder.id())).build())
                .orElseGet(() -> HealthCheckResponse.named("embedding").down().withData("embedder", "loading")
                        .build());
    }
}
