package com.finagent.application.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current HTTP request comes from, set by the web layer once per request (from the peer address, or
 * from {@code X-Forwarded-For} when the peer is a trusted proxy; see {@link ClientAddress}), so services can audit
 * and rate-limit by address without passing it down every call.
 */
@RequestScoped
public class RequestOrigin {

    private String clientAddress;

    public String clientAddress() {
        return clientAddress;
    }

    public void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }
}
