-- Activities: what happened in an account (buys, sells, income, fees, splits, cash in and out). Positions and
-- performance follow from them. Amounts carry their currency; nothing here converts between currencies.
CREATE TABLE activities (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id  UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    trade_date  DATE NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('BUY', 'SELL', 'DIVIDEND', 'INTEREST', 'FEE', 'SPLIT',
                                              'DEPOSIT', 'WITHDRAWAL')),
    symbol      TEXT CHECK (char_length(symbol) BETWEEN 1 AND 10),
    quantity    DECIMAL(20, 8) CHECK (quantity > 0),
    price       DECIMAL(20, 6) CHECK (price >= 0),
    amount      DECIMAL(20, 2) CHECK (amount >= 0),
    fee         DECIMAL(20, 2) NOT NULL DEFAULT 0 CHECK (fee >= 0),
    currency    CHAR(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    source      TEXT NOT NULL CHECK (source IN ('MANUAL', 'CSV', 'PLAID')),
    -- The source's own id (Plaid's investment_transaction_id): a second sync of the same item adds nothing.
    external_id TEXT,
    created_at  TIMESTAMPTZ DEFAULT NOW(),
    updated_at  TIMESTAMPTZ DEFAULT NOW(),
    CHECK (type NOT IN ('BUY', 'SELL') OR (symbol IS NOT NULL AND quantity IS NOT NULL AND price IS NOT NULL)),
    CHECK (type <> 'SPLIT' OR (symbol IS NOT NULL AND quantity IS NOT NULL)),
    CHECK (type NOT IN ('DIVIDEND', 'INTEREST', 'FEE', 'DEPOSIT', 'WITHDRAWAL') OR amount IS NOT NULL)
);

CREATE INDEX idx_activities_account_date ON activities (account_id, trade_date);
CREATE UNIQUE INDEX activities_external_id ON activities (account_id, external_id) WHERE external_id IS NOT NULL;

CREATE TRIGGER activities_touch_updated_at BEFORE UPDATE ON activities
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE activities ENABLE ROW LEVEL SECURITY;
ALTER TABLE activities FORCE ROW LEVEL SECURITY;
CREATE POLICY activities_in_own_accounts ON activities
    USING (EXISTS (SELECT 1 FROM accounts a JOIN portfolios p ON p.id = a.portfolio_id
                   WHERE a.id = activities.account_id AND p.user_id = app_current_user_id()))
    WITH CHECK (EXISTS (SELECT 1 FROM accounts a JOIN portfolios p ON p.id = a.portfolio_id
                        WHERE a.id = activities.account_id AND p.user_id = app_current_user_id()));
