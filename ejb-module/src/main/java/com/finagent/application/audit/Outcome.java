package com.finagent.application.audit;

/** How an audited action ended. */
public enum Outcome {
    /** It was done. */
    SUCCESS,
    /** It was tried and failed, e.g. a wrong password. */
    FAILURE,
    /** It was refused before being tried: a rate limit, a lockout, a missing role or scope, a disabled account. */
    DENIED
}
