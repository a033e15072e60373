-- Row-level security: defence in depth behind the application's own owner-scoped queries.
-- The application sets app.user_id per transaction (set_config(..., true)); with no setting every
-- user-owned table looks empty. FORCE makes the policies apply to the table owner too, which is the
-- role the application connects as; that role must be neither superuser nor BYPASSRLS.

CREATE FUNCTION app_current_user_id() RETURNS UUID
    LANGUAGE sql STABLE AS
$$
SELECT NULLIF(current_setting('app.user_id', TRUE), '')::UUID
$$;

ALTER TABLE portfolios ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolios FORCE ROW LEVEL SECURITY;
CREATE POLICY portfolios_owner ON portfolios
    USING (user_id = app_current_user_id())
    WITH CHECK (user_id = app_current_user_id());

ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY accounts_in_own_portfolios ON accounts
    USING (EXISTS (SELECT 1 FROM portfolios p
                   WHERE p.id = accounts.portfolio_id AND p.user_id = app_current_user_id()))
    WITH CHECK (EXISTS (SELECT 1 FROM portfolios p
                        WHERE p.id = accounts.portfolio_id AND p.user_id = app_current_user_id()));

ALTER TABLE positions ENABLE ROW LEVEL SECURITY;
ALTER TABLE positions FORCE ROW LEVEL SECURITY;
CREATE POLICY positions_in_own_accounts ON positions
    USING (EXISTS (SELECT 1 FROM accounts a JOIN portfolios p ON p.id = a.portfolio_id
                   WHERE a.id = positions.account_id AND p.user_id = app_current_user_id()))
    WITH CHECK (EXISTS (SELECT 1 FROM accounts a JOIN portfolios p ON p.id = a.portfolio_id
                        WHERE a.id = positions.account_id AND p.user_id = app_current_user_id()));

ALTER TABLE plaid_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE plaid_items FORCE ROW LEVEL SECURITY;
CREATE POLICY plaid_items_owner ON plaid_items
    USING (user_id = app_current_user_id())
    WITH CHECK (user_id = app_current_user_id());

ALTER TABLE plaid_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE plaid_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY plaid_accounts_of_own_items ON plaid_accounts
    USING (EXISTS (SELECT 1 FROM plaid_items i
                   WHERE i.plaid_item_id = plaid_accounts.plaid_item_id AND i.user_id = app_current_user_id()))
    WITH CHECK (EXISTS (SELECT 1 FROM plaid_items i
                        WHERE i.plaid_item_id = plaid_accounts.plaid_item_id AND i.user_id = app_current_user_id()));

ALTER TABLE plaid_transactions ENABLE ROW LEVEL SECURITY;
ALTER TABLE plaid_transactions FORCE ROW LEVEL SECURITY;
CREATE POLICY plaid_transactions_of_own_accounts ON plaid_transactions
    USING (EXISTS (SELECT 1 FROM plaid_accounts a JOIN plaid_items i ON i.plaid_item_id = a.plaid_item_id
                   WHERE a.plaid_account_id = plaid_transactions.plaid_account_id
                     AND i.user_id = app_current_user_id()))
    WITH CHECK (EXISTS (SELECT 1 FROM plaid_accounts a JOIN plaid_items i ON i.plaid_item_id = a.plaid_item_id
                        WHERE a.plaid_account_id = plaid_transactions.plaid_account_id
                          AND i.user_id = app_current_user_id()));

ALTER TABLE plaid_holdings ENABLE ROW LEVEL SECURITY;
ALTER TABLE plaid_holdings FORCE ROW LEVEL SECURITY;
CREATE POLICY plaid_holdings_of_own_accounts ON plaid_holdings
    USING (EXISTS (SELECT 1 FROM plaid_accounts a JOIN plaid_items i ON i.plaid_item_id = a.plaid_item_id
                   WHERE a.plaid_account_id = plaid_holdings.plaid_account_id
                     AND i.user_id = app_current_user_id()))
    WITH CHECK (EXISTS (SELECT 1 FROM plaid_accounts a JOIN plaid_items i ON i.plaid_item_id = a.plaid_item_id
                        WHERE a.plaid_account_id = plaid_holdings.plaid_account_id
                          AND i.user_id = app_current_user_id()));

ALTER TABLE agent_executions ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_executions FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_executions_owner ON agent_executions
    USING (user_id = app_current_user_id())
    WITH CHECK (user_id = app_current_user_id());

ALTER TABLE agent_dependencies ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_dependencies FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_dependencies_of_own_executions ON agent_dependencies
    USING (EXISTS (SELECT 1 FROM agent_executions e
                   WHERE e.id = agent_dependencies.execution_id AND e.user_id = app_current_user_id()))
    WITH CHECK (EXISTS (SELECT 1 FROM agent_executions e
                        WHERE e.id = agent_dependencies.execution_id AND e.user_id = app_current_user_id()));
