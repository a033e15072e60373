package com.finagent.web.alert;

import jakarta.validation.constraints.NotNull;

/** Whether the alerts of a symbol are muted. */
public class MuteRequest {

    @NotNull
    private Boolean muted;

    public Boolean getMuted() {
        return muted;
    }

    public void setMuted(Boolean muted) {
        this.muted = muted;
    }
}
