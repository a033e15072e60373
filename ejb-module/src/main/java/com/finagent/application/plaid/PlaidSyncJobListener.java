package com.finagent.application.plaid;

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
 * Runs queued background syncs from Payara's broker, at most two at once on an instance
 * ({@code endpointPoolMaxSize}). A sync writes in its own transaction once everything is fetched, so none is
 * held around the Plaid calls; a failure hands the message back for another delivery.
 */
@JMSDestinationDefinition(name = PlaidSyncJobListener.QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = Channel.PLAID_SYNCS_NAME)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = PlaidSyncJobListener.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge"),
        @ActivationConfigProperty(propertyName = "endpointPoolMaxSize", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "endpointPoolSteadySize", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts",
                propertyValue = "" + PlaidSyncJobs.MAX_DELIVERIES)})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlaidSyncJobListener implements MessageListener {

    static final String QUEUE = "java:app/jms/finagent/plaidSyncs";

    @EJB
    PlaidSyncJobs jobs;

    @Override
    public void onMessage(Message message) {
        if (!jobs.delivery().deliver(message)) {
            throw new MessagingException("Sync message handed back for another delivery", null);
        }
    }
}
