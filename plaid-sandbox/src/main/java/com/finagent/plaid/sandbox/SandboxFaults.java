package com.finagent.plaid.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The faults a test has armed ({@link PlaidSandbox#injectFault}), in the order armed. The server threads take them
 * while a test arms or clears more, so every method holds the list's lock.
 */
final class SandboxFaults {

    private final List<ArmedFault> faults = new ArrayList<>();

    private static final class ArmedFault {
        final String itemId;
        final SandboxFault fault;
        int passesLeft;

        ArmedFault(String itemId, SandboxFault fault) {
            this.itemId = itemId;
            this.fault = fault;
            this.passesLeft = fault.passes();
        }
    }

    /** Arms {@code fault} for requests about the item {@code itemId}, or for every request when it is null. */
    void arm(String itemId, SandboxFault fault) {
        synchronized (faults) {
            faults.add(new ArmedFault(itemId, fault));
        }
    }

    void clear() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** The error an armed fault gives this request, or null; one-shot faults are used up. */
    PlaidApiError take(String itemId, String path) {
        synchronized (faults) {
            for (Iterator<ArmedFault> iterator = faults.iterator(); iterator.hasNext(); ) {
                ArmedFault armed = iterator.next();
                if ((armed.itemId != null && !armed.itemId.equals(itemId))
                        || (armed.fault.endpoint() != null && !armed.fault.endpoint().equals(path))) {
                    continue;
                }
                if (armed.passesLeft > 0) {
                    armed.passesLeft--;
                    continue;
                }
                if (!armed.fault.isPersistent()) {
                    iterator.remove();
                }
                return switch (armed.fault.kind()) {
                    case ITEM_LOGIN_REQUIRED -> PlaidApiError.itemLoginRequired();
                    case RATE_LIMIT_EXCEEDED -> PlaidApiError.rateLimitExceeded(rateLimitCode(path));
                    case INTERNAL_SERVER_ERROR -> PlaidApiError.internalServerError();
                };
            }
            return null;
        }
    }

    private static String rateLimitCode(String path) {
        return switch (path) {
            case "/transactions/sync" -> "TRANSACTIONS_SYNC_LIMIT";
            case "/accounts/get" -> "ACCOUNTS_LIMIT";
            case "/accounts/balance/get" -> "BALANCE_LIMIT";
            case "/investments/holdings/get" -> "INVESTMENT_HOLDINGS_GET_LIMIT";
            case "/investments/transactions/get" -> "INVESTMENT_TRANSACTIONS_LIMIT";
            case "/item/get" -> "ITEM_GET_LIMIT";
            case "/institutions/get_by_id" -> "INSTITUTIONS_GET_BY_ID_LIMIT";
            default -> "RATE_LIMIT";
        };
    }
}
