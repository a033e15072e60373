package com.finagent.application.analytics;

import com.finagent.application.error.FinAgentException;
import com.finagent.application.workload.WorkBudget;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The risk measures as an application service: turns the core's input errors (ours, and Commons Math's,
 * which are also {@code IllegalArgumentException}s) into validation problems.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RiskService {

    public RiskReport analyse(RiskQuery query) {
        WorkBudget.checkRisk(query.prices(), query.returns(), query.assets(), query.benchmark());
        try {
            return RiskAnalysis.analyse(query);
        } catch (IllegalArgumentException invalid) {
            throw FinAgentException.fromInvalidInput(invalid, "body");
        }
    }
}
