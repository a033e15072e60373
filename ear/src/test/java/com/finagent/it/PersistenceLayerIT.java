package com.finagent.it;

import com.finagent.application.cluster.ServerInstance;
import com.finagent.application.debate.DebateStore;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.portfolio.PortfolioService;
import com.finagent.persistence.chat.Conversation;
import com.finagent.persistence.market.Ticker;
import com.finagent.persistence.sentiment.SentimentRecord;
import com.finagent.persistence.user.AppUser;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persistence layer alone, as Cargo Tracker tests a layer: a small WAR with the data source, Flyway's migration,
 * the JPA mappings and the services that write through them (portfolios with their audit entries, the debate
 * graph's JDBC store), deployed in seconds beside the shared EAR instead of replacing it. Inside the container:
 * container transactions, JPA mappings of PostgreSQL's own types, the debate graph's store.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceLayerIT {

    @EJB
    PortfolioService portfolios;

    @EJB
    DebateStore debateStore;

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    @Resource
    UserTransaction transaction;

    @Deployment
    static WebArchive persistenceLayer() {
        return ShrinkWrap.create(WebArchive.class, "persistence-layer.war")
                .addPackages(false, "com.finagent.application.database", "com.finagent.application.audit",
                        "com.finagent.application.error")
                .addClasses(PortfolioService.class, DebateStore.class, ServerInstance.class)
                .addAsLibraries(Stream.of("com.finagent-persistence", "org.postgresql-postgresql",
                        "org.flywaydb-flyway-core", "org.flywaydb-flyway-database-postgresql",
                        "com.fasterxml.jackson.dataformat-jackson-dataformat-toml",
                        "com.fasterxml.jackson.core-jackson-databind", "com.fasterxml.jackson.core-jackson-core",
                        "com.fasterxml.jackson.core-jackson-annotations").map(Deployments::earLibrary).toList())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addClass(PersistenceLayerIT.class);
    }

    /** A user as registration stores one (the password hash is never read here). */
    private UUID newUser(String prefix) throws Exception {
        AppUser user = AppUser.local(prefix + "-" + UUID.randomUUID() + "@example.com", prefix, "unused-hash");
        transaction.begin();
        entityManager.persist(user);
        transaction.commit();
        return user.getId();
    }

    @Test
    void aFailureRollsBackEverythingTheTransactionWrote() throws Exception {
        UUID owner = newUser("rollback");

        transaction.begin();
        portfolios.create(owner, "Written, then rolled back", null);
        assertThrows(FinAgentException.class, () -> portfolios.get(owner, UUID.randomUUID()));
        assertEquals(Status.STATUS_MARKED_ROLLBACK, transaction.getStatus(), "FinAgentException marks rollback");
        transaction.rollback();

        assertEquals(List.of(), portfolios.list(owner));
    }

    @Test
    void postgresTypesRoundTripThroughJpa() throws Exception {
        UUID owner = newUser("types");
        float[] embedding = new float[SentimentRecord.EMBEDDING_DIMENSIONS];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = (i - 192) / 384f;
        }
        String symbol = "T" + Integer.toString((int) (Math.random() * 1_000_000), 36).toUpperCase();

        transaction.begin();
        entityManager.createNativeQuery("SELECT set_config('app.user_id', ?1, true)")
                .setParameter(1, owner.toString()).getSingleResult();
        entityManager.persist(new Ticker(symbol));
        SentimentRecord sentiment = new SentimentRecord(symbol, "news", "Shares rose", new BigDecimal("0.75"),
                new BigDecimal("0.90"), embedding, "test-embedder");
        entityManager.persist(sentiment);
        entityManager.persist(new Conversation(owner, "analyst", "[{\"results\": [1, 2, 3]}]"));
        transaction.commit();
        entityManager.clear();

        transaction.begin();
        entityManager.createNativeQuery("SELECT set_config('app.user_id', ?1, true)")
                .setParameter(1, owner.toString()).getSingleResult();
        SentimentRecord storedSentiment = entityManager.find(SentimentRecord.class, sentiment.getId());
        assertArrayEquals(embedding, storedSentiment.getEmbedding(), 1e-6f);
        assertEquals("test-embedder", storedSentiment.getEmbedder());
        assertEquals(new BigDecimal("0.75"), storedSentiment.getSentimentScore());
        Conversation storedConversation = entityManager.find(Conversation.class, new Conversation.Key(owner, "analyst"));
        assertTrue(storedConversation.getMessages().replace(" ", "").contains("\"results\":[1,2,3]"),
                storedConversation.getMessages());
        AppUser storedUser = entityManager.find(AppUser.class, owner);
        assertEquals(List.of("user"), storedUser.getRoles());
        transaction.commit();
    }

    @Test
    void debateExecutionsRoundTripThroughTheStore() throws Exception {
        UUID owner = newUser("graph");
        UUID debate = UUID.randomUUID();
        debateStore.create(owner, debate, "Should I buy?", "analyst", List.of("AAPL"), 7L);
        UUID search = UUID.randomUUID();
        UUID analysis = UUID.randomUUID();
        Instant started = Instant.now();
        debateStore.record(owner, debate, "Should I buy?", "analyst", new DebateStore.ExecutionEvent(search,
                "parallel-search", "analyst", "completed", null, null, "{\"results\": [1, 2, 3]}", null, 12L,
                started, started.plusMillis(12), List.of()));
        debateStore.record(owner, debate, "Should I buy?", "analyst", new DebateStore.ExecutionEvent(analysis,
                "initial-analysis", "analyst", "running", null, null, null, null, null, started.plusMillis(13), null,
                List.of(search)));

        List<DebateStore.ExecutionRow> stored = debateStore.executions(owner, debate);
        DebateStore.ExecutionRow storedSearch = stored.stream().filter(e -> e.id().equals(search)).findFirst().orElseThrow();
        assertEquals("completed", storedSearch.status());
        assertTrue(storedSearch.result().replace(" ", "").contains("\"results\":[1,2,3]"), storedSearch.result());
        DebateStore.ExecutionRow storedAnalysis = stored.stream().filter(e -> e.id().equals(analysis)).findFirst().orElseThrow();
        assertEquals(List.of(search), storedAnalysis.dependsOn());
    }
}
