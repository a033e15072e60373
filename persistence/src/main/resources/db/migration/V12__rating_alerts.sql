-- Alerts on held positions: the last rating each user's debates gave a symbol they hold, and a notification when a
-- later debate rates it differently (unless the user muted the symbol).
CREATE TABLE rating_watches (
    user_id    UUID        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    symbol     TEXT        NOT NULL CHECK (char_length(symbol) BETWEEN 1 AND 10),
    rating     TEXT        NOT NULL,
    debate_id  UUID REFERENCES debates (id) ON DELETE SET NULL,
    muted      BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (user_id, symbol)
);

CREATE TABLE rating_alerts (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         UUID        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    symbol          TEXT        NOT NULL,
    previous_rating TEXT        NOT NULL,
    rating          TEXT        NOT NULL,
    debate_id       UUID REFERENCES debates (id) ON DELETE SET NULL,
    message         TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    read_at         TIMESTAMPTZ
);
CREATE INDEX idx_rating_alerts_user_created ON rating_alerts (user_id, created_at DESC);

-- One row: when the scheduled review of held positions last started, so that one instance of a cluster starts it.
CREATE TABLE holdings_reviews (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    last_started TIMESTAMPTZ NOT NULL
);
INSERT INTO holdings_reviews (id, last_started) VALUES (1, TIMESTAMPTZ '1970-01-01 00:00:00+00');

ALTER TABLE rating_watches ENABLE ROW LEVEL SECURITY;
ALTER TABLE rating_watches FORCE ROW LEVEL SECURITY;
CREATE POLICY rating_watches_owner ON rating_watches
    USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());

ALTER TABLE rating_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE rating_alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY rating_alerts_owner ON rating_alerts
    USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());

-- The review lists every user's held symbols (ids and symbols only), then acts as each owner.
CREATE POLICY portfolios_scheduler ON portfolios FOR SELECT
    USING (current_setting('app.scheduler', TRUE) = 'on');
CREATE POLICY accounts_scheduler ON accounts FOR SELECT
    USING (current_setting('app.scheduler', TRUE) = 'on');
CREATE POLICY positions_scheduler ON positions FOR SELECT
    USING (current_setting('app.scheduler', TRUE) = 'on');
