package com.finagent.application.debate;

import com.finagent.agents.debate.DebateJson;
import com.finagent.agents.debate.DebateRequest;
import com.finagent.agents.debate.DebateSettings;
import com.finagent.agents.debate.Evidence;
import com.finagent.application.messaging.Envelope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A queued debate carries everything the instance that takes it needs, and always its owner. */
class DebateJobTest {

    @Test
    void theRequestAsQueuedIsTheRequestThatRuns() {
        UUID user = UUID.randomUUID();
        UUID debate = UUID.randomUUID();
        DebateRequest request = new DebateRequest(debate.toString(), "Should I buy Apple now?", "analyst",
                List.of("AAPL", "MSFT"), Evidence.empty(), null,
                DebateSettings.defaults().withMaxRounds(2).withTokenBudget(5000).withSeed(42));
        DebateJob job = new DebateJob(user, debate, true, DebateJson.toJson(request));

        Envelope envelope = job.toEnvelope();
        assertEquals(user, envelope.user());
        DebateJob received = DebateJob.of(new Envelope(envelope.properties(), envelope.body()));
        assertEquals(job, received);
        assertEquals(request, DebateJson.readRequest(received.requestJson()), "query, symbols, settings and seed");
    }

    @Test
    void aMessageWithoutItsUserOrWithForeignPropertiesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Envelope(Map.of("finagentDebate", UUID.randomUUID().toString()), "{}"));
        assertThrows(IllegalArgumentException.class,
                () -> Envelope.of(UUID.randomUUID(), Map.of("JMSXGroupID", "g"), "{}"));
        Envelope noDebate = Envelope.of(UUID.randomUUID(), Map.of(), "{}");
        assertThrows(IllegalArgumentException.class, () -> DebateJob.of(noDebate));
    }
}
