package com.finagent.application.embedding;

import com.finagent.agents.memory.Embedder;
import com.finagent.agents.memory.MiniLmEmbedder;
import com.finagent.agents.offline.memory.HashingEmbedder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's one text embedder: the in-process all-MiniLM-L6-v2 model, loaded in the background as the
 * application starts (it takes seconds) and closed when the application stops, so that a redeployment does not leak
 * the model's native memory. The model's native runtimes come from the server's domain lib (see ear/pom.xml); if
 * they cannot be loaded there, the hashing embedder stands in, which the log and readiness say. Stored vectors carry
 * their embedder's id, so vectors of the two are never compared.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Embeddings {

    private static final Logger LOG = Logger.getLogger(Embeddings.class.getName());

    @Resource
    ManagedExecutorService executor;

    private Future<Embedder> loading;

    @PostConstruct
    void startLoading() {
        loading = executor.submit(Embeddings::load);
    }

    private static Embedder load() {
        long start = System.nanoTime();
        try {
            MiniLmEmbedder model = MiniLmEmbedder.load();
            LOG.info(() -> "Embedding model " + model.id() + " loaded in " + (System.nanoTime() - start) / 1_000_000
                    + " ms");
            return model;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: ONNX Runtime or the tokenizer missing from the domain lib, or no native build for this
            // platform.
            LOG.log(Level.WARNING, "The embedding model " + MiniLmEmbedder.ID + " could not be loaded; the fallback "
                    + HashingEmbedder.ID + " embeds texts instead, by their words alone", e);
            return new HashingEmbedder();
        }
    }

    /** The embedder, waiting for the model if it is still loading. */
    public Embedder embedder() {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the embedding model loads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Loading the embedding model failed", e.getCause());
        }
    }

    /** The embedder once loaded; empty while the model is still loading. */
    public Optional<Embedder> loaded() {
        return loading.isDone() ? Optional.of(embedder()) : Optional.empty();
    }

    @PreDestroy
    void close() {
        Embedder embedder;
        try {
            embedder = embedder();
        } catch (IllegalStateException notLoaded) {
            LOG.log(Level.FINE, "No embedding model was loaded, so none is closed", notLoaded);
            return;
        }
        if (embedder instanceof MiniLmEmbedder model) {
            model.close();
        }
    }
}
