package com.finagent.application.partner;

import java.util.UUID;

/** What a request with a client's token needs to know of a client that is not revoked. */
public record ActiveClient(String clientId, UUID ownerUserId, int rateLimitPerMinute) {
}
