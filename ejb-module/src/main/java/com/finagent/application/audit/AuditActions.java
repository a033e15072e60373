package com.finagent.application.audit;

/**
 * The names of audited actions, {@code area.verb}. Features add their own constants beside these; a name, once
 * written to the log, keeps its meaning.
 */
public final class AuditActions {

    public static final String SIGN_IN = "auth.sign_in";
    public static final String TOKEN_ISSUED = "auth.token_issued";
    public static final String REGISTERED = "auth.registered";
    public static final String IDENTITY_LINKED = "auth.identity_linked";
    public static final String BANK_LINKED = "plaid.item_linked";
    public static final String BANK_UNLINKED = "plaid.item_unlinked";
    public static final String PORTFOLIO_DELETED = "portfolio.deleted";
    public static final String ACCOUNT_DELETED = "portfolio.account_deleted";
    public static final String POSITION_DELETED = "portfolio.position_deleted";
    public static final String MEMORY_ERASED = "memory.erased";
    public static final String USER_DISABLED = "admin.user_disabled";
    public static final String USER_ENABLED = "admin.user_enabled";
    public static final String ADMIN_GRANTED = "admin.role_granted";
    public static final String CLIENT_REGISTERED = "admin.client_registered";
    public static final String CLIENT_ROTATED = "admin.client_rotated";
    public static final String CLIENT_REVOKED = "admin.client_revoked";

    private AuditActions() {
    }
}
