package com.finagent.application.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Subscribes this instance to the user events at start-up when the consumers are ours (AMQP). */
@Singleton
@Startup
public class MessagingStartup {

    @Inject
    UserEvents events;

    @PostConstruct
    void subscribe() {
        events.listen();
    }
}
