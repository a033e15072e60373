package com.finagent.it;

import com.finagent.application.debate.DebateStore;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.portfolio.PortfolioService;
import com.finagent.application.user.UserService;
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
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inside the container: container transactions, JPA mappings of PostgreSQL's own types, the debate graph's store. */
@ExtendWith({DeployedApplication.Withdrawn.class, ArquillianExtension.class})
class TransactionIT {

    @EJB
    PortfolioService portfolios;

    @EJB
    UserService users;

    @EJB
    DebateStore debateStore;

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    @Resource
    UserTransaction transaction;

    @Deployment
    static EnterpriseArchive ear() {
        EnterpriseArchive ear = Deployments.builtEar();
        // DeployedApplication too: the extension this class names is looked up where the test runs, in the server
        // (where it finds no shared deployment to withdraw).
        WebArchive web = ear.getAsType(WebArchive.class, "finagent-web.war").addClasses(TransactionIT.class,
                DeployedApplication.class, DeployedApplication.Withdrawn.class, DeployedApplication.Server.class);
        // The EAR holds two WARs (the API and the sign-on module): name the one Arquillian runs this test in.
        Testable.archiveToTest(web);
        return ear;
    }

    @Test
    void aFailureRollsBackEverythingTheTransactionWrote() throws Exception {
        UUID owner = users.register("rollback-" + UUID.randomUUID() + "@example.com", ApiClient.PASSWORD, "R").user().getId();

        transaction.begin();
        portfolios.create(owner, "Written, then rolled back", null);
        assertThrows(FinAgentException.class, () -> portfolios.get(owner, UUID.randomUUID()));
        assertEquals(Status.STATUS_MARKED_ROLLBACK, transaction.getStatus(), "FinAgentException marks rollback");
        transaction.rollback();

        assertEquals(List.of(), portfolios.list(owner));
    }

    @Test
    void postgresTypesRoundTripThroughJpa() throws Exception {
        UUID owner = users.register("types-" + UUID.randomUUID() + "@example.com", ApiClient.PASSWORD, "T").user().getId();
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
    void debateExecutionsRoundTripThroughTheStore() {
        UUID owner = users.register("graph-" + UUID.randomUUID() + "@example.com", ApiClient.PASSWORD, "G").user().getId();
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
