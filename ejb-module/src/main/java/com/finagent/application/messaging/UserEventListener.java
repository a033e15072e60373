package com.finagent.application.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * This instance's subscription to {@link Channel#USER_EVENTS} on Payara's broker: a non-durable subscription of its
 * own (so every instance gets every event) with a single endpoint ({@code endpointPoolMaxSize = 1}), which keeps
 * the events of a debate in order.
 */
@JMSDestinationDefinition(name = UserEventListener.TOPIC, interfaceName = "jakarta.jms.Topic",
        destinationName = Channel.USER_EVENTS_NAME)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = UserEventListener.TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge"),
        @ActivationConfigProperty(propertyName = "endpointPoolMaxSize", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "endpointPoolSteadySize", propertyValue = "1")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserEventListener implements MessageListener {

    static final String TOPIC = "java:app/jms/finagent/userEvents";

    @Inject
    UserEvents events;

    @Override
    public void onMessage(Message message) {
        events.delivery().deliver(message);
    }
}
