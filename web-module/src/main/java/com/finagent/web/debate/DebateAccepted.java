package com.finagent.web.debate;

import java.util.UUID;

/** A debate just started: where to watch it happen and where to read its steps. */
public record DebateAccepted(UUID id, String status, String stream, String executions) {

    static DebateAccepted pending(UUID id) {
        return new DebateAccepted(id, "pending", "/ws/debates/" + id, "/api/v1/executions?debateId=" + id);
    }
}
