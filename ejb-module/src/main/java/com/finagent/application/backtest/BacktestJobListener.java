package com.finagent.application.backtest;

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
 * Runs queued backtests from Payara's broker, one at a time on an instance ({@code endpointPoolMaxSize}): a
 * backtest runs its own debates two at a time, which is what the machine has room for next to live debates. No
 * transaction around a backtest, which takes minutes; a failure hands the message back for another delivery.
 */
@JMSDestinationDefinition(name = BacktestJobListener.QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = Channel.BACKTESTS_NAME)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = BacktestJobListener.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge"),
        @ActivationConfigProperty(propertyName = "endpointPoolMaxSize", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "endpointPoolSteadySize", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts",
                propertyValue = "" + BacktestJobs.MAX_DELIVERIES)})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BacktestJobListener implements MessageListener {

    static final String QUEUE = "java:app/jms/finagent/backtests";

    @EJB
    BacktestJobs jobs;

    @Override
    public void onMessage(Message message) {
        if (!jobs.delivery().deliver(message)) {
            throw new MessagingException("Backtest message handed back for another delivery", null);
        }
    }
}
