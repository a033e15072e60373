package com.finagent.web.health;

import com.finagent.agents.memory.MiniLmEmbedder;
import com.finagent.application.embedding.Embeddings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("embedding");
        return embeddings.loaded().map(embedder -> {
            response.up().withData("embedder", embedder.id());
            if (!MiniLmEmbedder.ID.equals(embedder.id())) {
                response.withData("fallback", "the model " + MiniLmEmbedder.ID + " could not be loaded: see the server"
                        + " log; texts are embedded by their words alone");
            }
            return response.build();
        }).orElseGet(() -> response.down().withData("embedder", "loading").build());
    }
}
