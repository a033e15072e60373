package com.finagent.application.debate;

import com.finagent.application.messaging.Channel;
import com.finagent.application.messaging.MessagingException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Runs queued debates from Payara's broker. At most two debates at once on an instance
 * ({@code endpointPoolMaxSize}, the concurrency of the broker's resource adapter; a debate's own steps run in
 * parallel on the managed executor). No transaction around a debate, which takes minutes: the message is
 * acknowledged when {@code onMessage} returns, and a failure hands it back to the broker for another delivery.
 */
@JMSDestinationDefinition(name = DebateJobListener.QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = Channel.DEBATES_NAME)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = DebateJobListener.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge"),
        @ActivationConfigProperty(propertyName = "endpointPoolMaxSize", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "endpointPoolSteadySize", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts",
                propertyValue = "" + DebateJobs.MAX_DELIVERIES)})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DebateJobListener implements MessageListener {

    static final String QUEUE = "java:app/jms/finagent/debates";

    @EJB
    DebateJobs jobs;

    @Override
    public void onMessage(Message message) {
        if (!jobs.delivery().deliver(message)) {
            throw new MessagingException("Debate message handed back for another delivery", null);
        }
    }
}
