package com.finagent.web.partner;

import com.finagent.application.partner.ActiveClient;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The partner client of the current request, once {@link ClientAccessFilter} has found it active. */
@RequestScoped
public class CurrentClient {

    private ActiveClient client;

    void set(ActiveClient active) {
        this.client = active;
    }

    public Optional<ActiveClient> get() {
        return Optional.ofNullable(client);
    }
}
