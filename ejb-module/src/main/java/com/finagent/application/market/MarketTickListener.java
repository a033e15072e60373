package com.finagent.application.market;

import com.finagent.application.messaging.Channel;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * This instance's subscription to {@link Channel#MARKET_TICKS} on Payara's broker: a non-durable subscription of its
 * own (every instance gets every tick, and a tick missed while an instance was down is worth nothing) with a single
 * endpoint, which keeps the ticks in order.
 */
@JMSDestinationDefinition(name = MarketTickListener.TOPIC, interfaceName = "jakarta.jms.Topic",
        destinationName = Channel.MARKET_TICKS_NAME)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = MarketTickListener.TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge"),
        @ActivationConfigProperty(propertyName = "endpointPoolMaxSize", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "endpointPoolSteadySize", propertyValue = "1")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MarketTickListener implements MessageListener {

    static final String TOPIC = "java:app/jms/finagent/marketTicks";

    @Inject
    MarketFeed feed;

    @Override
    public void onMessage(Message message) {
        feed.delivery().deliver(message);
    }
}
