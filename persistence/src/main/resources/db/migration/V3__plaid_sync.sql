-- Plaid sync state. The transactions cursor is stored with the rows it produced, in one transaction, so a
-- sync that dies part-way repeats from the last committed cursor. The access token column holds
-- "<key id>:<base64 of nonce and AES-GCM ciphertext>"; the key id lets keys rotate.

ALTER TABLE plaid_items
    ADD COLUMN transactions_cursor TEXT,
    ADD COLUMN error_code          TEXT,
    ADD COLUMN error_message       TEXT,
    ADD COLUMN last_synced_at      TIMESTAMPTZ;

ALTER TABLE plaid_holdings
    ADD COLUMN security_name     TEXT,
    ADD COLUMN security_type     TEXT,
    ADD COLUMN institution_price DECIMAL(20, 4);

ALTER TABLE positions
    ADD COLUMN plaid_security_id TEXT;

-- The scheduled sync and the webhook run for no signed-in user: they may see which items exist (ids and
-- owners) when they mark themselves with app.scheduler; everything else they touch is read as the owner.
CREATE POLICY plaid_items_scheduler ON plaid_items FOR SELECT
    USING (current_setting('app.scheduler', TRUE) = 'on');
