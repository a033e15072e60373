-- Point-in-time backtests: the request as given (enough to replay it), progress, and the result once finished.
CREATE TABLE backtests (
    id            UUID PRIMARY KEY,
    user_id       UUID        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    status        TEXT        NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    request       JSONB       NOT NULL,
    seed          BIGINT      NOT NULL,
    replay_of     UUID REFERENCES backtests (id) ON DELETE SET NULL,
    debates_done  INTEGER     NOT NULL DEFAULT 0,
    debates_total INTEGER     NOT NULL DEFAULT 0,
    tokens_used   BIGINT      NOT NULL DEFAULT 0,
    result        JSONB,
    error_message TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    heartbeat_at  TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    completed_at  TIMESTAMPTZ
);
CREATE INDEX idx_backtests_user_created ON backtests (user_id, created_at DESC);

ALTER TABLE backtests ENABLE ROW LEVEL SECURITY;
ALTER TABLE backtests FORCE ROW LEVEL SECURITY;
CREATE POLICY backtests_owner ON backtests
    USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());

-- The watchdog of every instance looks for backtests whose instance stopped (ids and owners only), then ends each
-- as its owner.
CREATE POLICY backtests_scheduler ON backtests FOR SELECT
    USING (current_setting('app.scheduler', TRUE) = 'on');

-- A backtest's debates are kept (each rebalance links to the debate behind its rating) but are not the user's own
-- questions: the debate list leaves them out.
ALTER TABLE debates ADD COLUMN backtest_id UUID REFERENCES backtests (id) ON DELETE CASCADE;
CREATE INDEX idx_debates_backtest ON debates (backtest_id) WHERE backtest_id IS NOT NULL;
