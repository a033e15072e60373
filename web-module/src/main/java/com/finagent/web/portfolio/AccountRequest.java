package com.finagent.web.portfolio;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * An account to add to a portfolio: either {@code plaidAccountId} (one of the caller's linked accounts) or a
 * manual account described by {@code brokerName}, {@code accountNumber} and {@code accountType}.
 */
public class AccountRequest {

    @Size(max = 100)
    private String plaidAccountId;

    @Size(min = 1, max = 100)
    private String brokerName;

    @Size(min = 1, max = 64)
    private String accountNumber;

    @Size(min = 1, max = 32)
    private String accountType;

    @AssertTrue(message = "give either plaidAccountId, or brokerName, accountNumber and accountType")
    public boolean isComplete() {
        boolean manual = brokerName != null && accountNumber != null && accountType != null;
        return plaidAccountId != null ^ manual;
    }

    public String getPlaidAccountId() {
        return plaidAccountId;
    }

    public void setPlaidAccountId(String plaidAccountId) {
        this.plaidAccountId = plaidAccountId;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public void setAccountNumber(String accountNumber) {
        this.accountNumber = accountNumber;
    }

    public String getAccountType() {
        return accountType;
    }

    public void setAccountType(String accountType) {
        this.accountType = accountType;
    }
}
