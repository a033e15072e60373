-- The audit log and disabled accounts.

-- Append-only: rows are inserted, never changed or removed. The application's role owns the table (Flyway runs
-- as it), so REVOKE alone would not bind it; the triggers refuse UPDATE, DELETE and TRUNCATE for every role.
CREATE TABLE audit_events (
    id              UUID PRIMARY KEY,
    occurred_at     TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    actor_kind      TEXT        NOT NULL CHECK (actor_kind IN ('USER', 'CLIENT', 'ANONYMOUS', 'SYSTEM')),
    actor_id        TEXT,
    action          TEXT        NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
    outcome         TEXT        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    -- whose security event this is; no foreign key: the log outlives a deleted account
    subject_user_id UUID,
    target          TEXT CHECK (length(target) <= 300),
    detail          TEXT CHECK (length(detail) <= 1000),
    client_address  TEXT CHECK (length(client_address) <= 45),
    CONSTRAINT audit_events_actor_id CHECK ((actor_kind IN ('USER', 'CLIENT')) = (actor_id IS NOT NULL))
);

CREATE INDEX audit_events_occurred ON audit_events (occurred_at DESC);
CREATE INDEX audit_events_subject ON audit_events (subject_user_id, occurred_at DESC) WHERE subject_user_id IS NOT NULL;
CREATE INDEX audit_events_actor ON audit_events (actor_id, occurred_at DESC) WHERE actor_id IS NOT NULL;

CREATE FUNCTION audit_events_append_only() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;

-- A disabled account cannot sign in, and its tokens stop working on the next request.
ALTER TABLE app_users ADD COLUMN disabled_at TIMESTAMPTZ;
