-- Partner systems that call the API as themselves (OAuth 2.0 client credentials). Not user-owned, so no
-- row-level security: only administrators reach these tables, through the application.
-- Each client owns an account in app_users that holds what the client creates (its debates), so the
-- row-level security of those tables applies to partners unchanged; nobody can sign in to that account.

CREATE TABLE partner_clients (
    id                    UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id             TEXT        NOT NULL UNIQUE CHECK (client_id ~ '^fac_[A-Za-z0-9_-]{16,64}$'),
    name                  TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    scopes                TEXT[]      NOT NULL CHECK (cardinality(scopes) > 0),
    rate_limit_per_minute INTEGER     NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 100000),
    owner_user_id         UUID        NOT NULL UNIQUE REFERENCES app_users (id),
    created_by            UUID        REFERENCES app_users (id) ON DELETE SET NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    revoked_at            TIMESTAMPTZ
);

-- A secret is stored as the SHA-256 of a 256-bit random value (hex); the value itself is shown once.
-- The current secret has no expiry; a rotated-out one expires at the end of its grace period.
CREATE TABLE partner_client_secrets (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    client_ref  UUID        NOT NULL REFERENCES partner_clients (id) ON DELETE CASCADE,
    secret_hash TEXT        NOT NULL UNIQUE CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    expires_at  TIMESTAMPTZ
);
CREATE INDEX idx_partner_client_secrets_client ON partner_client_secrets (client_ref);
