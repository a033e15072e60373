package com.finagent.web.auth;

import com.finagent.application.partner.ActiveClient;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The partner client of the current request, once the partner access filter has found it active. */
@RequestScoped
public class CurrentClient {

    private ActiveClient client;

    public void set(ActiveClient active) {
        this.client = active;
    }

    public Optional<ActiveClient> get() {
        return Optional.ofNullable(client);
    }
}
