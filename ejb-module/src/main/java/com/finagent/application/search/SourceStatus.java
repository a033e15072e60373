package com.finagent.application.search;

import java.util.Locale;

/**
 * How one source answered: {@code OK} the live service answered; {@code OFFLINE} the service is not configured
 * and the offline corpus answered; {@code TIMEOUT} and {@code FAILED} the source gave nothing in time or failed;
 * {@code DISABLED} neither the service nor the offline corpus is available.
 */
public enum SourceStatus {
    OK, OFFLINE, TIMEOUT, FAILED, DISABLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
