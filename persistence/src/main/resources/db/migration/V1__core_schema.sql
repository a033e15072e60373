-- Fin Agent core schema. Supabase's auth.users is replaced by app_users; pgvector is replaced by
-- real[] sized to the in-process embedding model (all-MiniLM-L6-v2, 384 dimensions).

CREATE TABLE app_users (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email            TEXT NOT NULL,
    display_name     TEXT,
    password_hash    TEXT,
    external_subject TEXT UNIQUE,
    roles            TEXT[] NOT NULL DEFAULT ARRAY['user']::TEXT[],
    created_at       TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT app_users_email_lower CHECK (email = lower(email)),
    CONSTRAINT app_users_email_unique UNIQUE (email),
    CONSTRAINT app_users_has_credential CHECK (password_hash IS NOT NULL OR external_subject IS NOT NULL)
);

CREATE TABLE portfolios (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     UUID NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    description TEXT,
    created_at  TIMESTAMPTZ DEFAULT NOW(),
    updated_at  TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE accounts (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    portfolio_id     UUID NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
    broker_name      TEXT NOT NULL,
    account_number   TEXT NOT NULL,
    account_type     TEXT NOT NULL,
    is_active        BOOLEAN DEFAULT TRUE,
    plaid_account_id TEXT UNIQUE,
    plaid_item_id    TEXT,
    last_synced_at   TIMESTAMPTZ,
    created_at       TIMESTAMPTZ DEFAULT NOW(),
    updated_at       TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE plaid_items (
    id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                UUID NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    plaid_item_id          TEXT NOT NULL UNIQUE,
    access_token_encrypted TEXT NOT NULL,
    institution_id         TEXT NOT NULL,
    institution_name       TEXT NOT NULL,
    status                 TEXT DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'error')),
    created_at             TIMESTAMPTZ DEFAULT NOW(),
    updated_at             TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE plaid_accounts (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    plaid_item_id     TEXT NOT NULL REFERENCES plaid_items (plaid_item_id) ON DELETE CASCADE,
    plaid_account_id  TEXT NOT NULL UNIQUE,
    account_name      TEXT NOT NULL,
    account_type      TEXT NOT NULL CHECK (account_type IN ('depository', 'investment', 'loan', 'credit')),
    account_subtype   TEXT,
    balance_available DECIMAL(20, 2),
    balance_current   DECIMAL(20, 2),
    balance_limit     DECIMAL(20, 2),
    iso_currency_code TEXT,
    last_synced_at    TIMESTAMPTZ DEFAULT NOW(),
    created_at        TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE plaid_transactions (
    id                   UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    plaid_account_id     TEXT NOT NULL REFERENCES plaid_accounts (plaid_account_id) ON DELETE CASCADE,
    plaid_transaction_id TEXT NOT NULL UNIQUE,
    amount               DECIMAL(20, 2) NOT NULL,
    date                 DATE NOT NULL,
    name                 TEXT NOT NULL,
    merchant_name        TEXT,
    category             JSONB,
    pending              BOOLEAN DEFAULT FALSE,
    created_at           TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE plaid_holdings (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    plaid_account_id  TEXT NOT NULL REFERENCES plaid_accounts (plaid_account_id) ON DELETE CASCADE,
    plaid_holding_id  TEXT NOT NULL UNIQUE,
    security_id       TEXT NOT NULL,
    symbol            TEXT,
    quantity          DECIMAL(20, 8) NOT NULL,
    cost_basis        DECIMAL(20, 2),
    value             DECIMAL(20, 2) NOT NULL,
    iso_currency_code TEXT,
    last_synced_at    TIMESTAMPTZ DEFAULT NOW(),
    created_at        TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE positions (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id     UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    symbol         TEXT NOT NULL CHECK (char_length(symbol) BETWEEN 1 AND 10),
    quantity       DECIMAL(20, 8) NOT NULL,
    average_cost   DECIMAL(20, 4) NOT NULL CHECK (average_cost > 0),
    current_price  DECIMAL(20, 4) CHECK (current_price > 0),
    market_value   DECIMAL(20, 2),
    unrealized_pnl DECIMAL(20, 2),
    created_at     TIMESTAMPTZ DEFAULT NOW(),
    updated_at     TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE tickers (
    symbol       TEXT PRIMARY KEY CHECK (char_length(symbol) BETWEEN 1 AND 10),
    company_name TEXT,
    sector       TEXT,
    industry     TEXT,
    market_cap   BIGINT,
    created_at   TIMESTAMPTZ DEFAULT NOW(),
    updated_at   TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE price_history (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    symbol         TEXT NOT NULL REFERENCES tickers (symbol) ON DELETE CASCADE,
    timestamp      TIMESTAMPTZ NOT NULL,
    open_price     DECIMAL(20, 4) NOT NULL,
    high_price     DECIMAL(20, 4) NOT NULL,
    low_price      DECIMAL(20, 4) NOT NULL,
    close_price    DECIMAL(20, 4) NOT NULL,
    volume         BIGINT NOT NULL,
    adjusted_close DECIMAL(20, 4),
    created_at     TIMESTAMPTZ DEFAULT NOW(),
    CONSTRAINT price_history_symbol_timestamp_unique UNIQUE (symbol, timestamp)
);

CREATE TABLE options_flow (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    symbol          TEXT NOT NULL REFERENCES tickers (symbol) ON DELETE CASCADE,
    strike_price    DECIMAL(20, 4) NOT NULL,
    expiration_date DATE NOT NULL,
    option_type     TEXT NOT NULL CHECK (option_type IN ('call', 'put')),
    volume          BIGINT NOT NULL,
    open_interest   BIGINT,
    premium         DECIMAL(20, 4),
    timestamp       TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE sentiment_data (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    symbol          TEXT REFERENCES tickers (symbol) ON DELETE CASCADE,
    source          TEXT NOT NULL,
    content         TEXT NOT NULL,
    sentiment_score DECIMAL(3, 2) NOT NULL CHECK (sentiment_score BETWEEN -1 AND 1),
    confidence      DECIMAL(3, 2) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    embedding       REAL[] CHECK (embedding IS NULL OR cardinality(embedding) = 384),
    timestamp       TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE agent_executions (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           UUID NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    query             TEXT NOT NULL,
    agent_name        TEXT NOT NULL,
    assistant_type    TEXT NOT NULL
        CHECK (assistant_type IN ('general', 'analyst', 'trader', 'advisor', 'riskManager', 'economist')),
    status            TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'running', 'completed', 'failed')),
    result            JSONB,
    error_message     TEXT,
    execution_time_ms INTEGER CHECK (execution_time_ms >= 0),
    created_at        TIMESTAMPTZ DEFAULT NOW(),
    completed_at      TIMESTAMPTZ
);

CREATE TABLE agent_dependencies (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    execution_id            UUID NOT NULL REFERENCES agent_executions (id) ON DELETE CASCADE,
    depends_on_execution_id UUID NOT NULL REFERENCES agent_executions (id) ON DELETE CASCADE,
    created_at              TIMESTAMPTZ DEFAULT NOW(),
    CONSTRAINT agent_dependencies_unique UNIQUE (execution_id, depends_on_execution_id),
    CONSTRAINT agent_dependencies_no_self CHECK (execution_id <> depends_on_execution_id)
);

-- Indexes for the foreign keys and the lookups the services make.
CREATE INDEX idx_portfolios_user_id ON portfolios (user_id);
CREATE INDEX idx_accounts_portfolio_id ON accounts (portfolio_id);
CREATE INDEX idx_plaid_items_user_id ON plaid_items (user_id);
CREATE INDEX idx_plaid_accounts_item_id ON plaid_accounts (plaid_item_id);
CREATE INDEX idx_plaid_transactions_account_date ON plaid_transactions (plaid_account_id, date);
CREATE INDEX idx_plaid_holdings_account_id ON plaid_holdings (plaid_account_id);
CREATE INDEX idx_positions_account_id ON positions (account_id);
CREATE INDEX idx_positions_symbol ON positions (symbol);
CREATE INDEX idx_options_flow_symbol_expiration ON options_flow (symbol, expiration_date);
CREATE INDEX idx_sentiment_data_symbol_timestamp ON sentiment_data (symbol, timestamp);
CREATE INDEX idx_agent_executions_user_created ON agent_executions (user_id, created_at);
CREATE INDEX idx_agent_executions_status ON agent_executions (status);
CREATE INDEX idx_agent_dependencies_depends_on ON agent_dependencies (depends_on_execution_id);

CREATE FUNCTION touch_updated_at() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$;

CREATE TRIGGER portfolios_touch_updated_at BEFORE UPDATE ON portfolios
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER accounts_touch_updated_at BEFORE UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER plaid_items_touch_updated_at BEFORE UPDATE ON plaid_items
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER positions_touch_updated_at BEFORE UPDATE ON positions
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER tickers_touch_updated_at BEFORE UPDATE ON tickers
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
