-- A position is one row per account and symbol (entered by hand) or per account and Plaid security (mirrored from
-- a linked holding). Before this migration, concurrent adds could each read the old quantity and leave two rows of
-- one symbol, and every sync deleted and re-inserted the mirrored rows, giving them new ids.

-- The clean-up must reach every user's rows: FORCE is lifted inside this migration's transaction only.
ALTER TABLE positions NO FORCE ROW LEVEL SECURITY;

-- Duplicate manual rows merge into the oldest, at the quantity-weighted average cost.
UPDATE positions p
SET quantity     = merged.quantity,
    average_cost = COALESCE(merged.average_cost, p.average_cost),
    updated_at   = NOW()
FROM (SELECT (array_agg(id ORDER BY created_at, id))[1]                               AS keep_id,
             sum(quantity)                                                           AS quantity,
             round(sum(quantity * average_cost) / NULLIF(sum(quantity), 0), 4)       AS average_cost
      FROM positions
      WHERE plaid_security_id IS NULL
      GROUP BY account_id, symbol
      HAVING count(*) > 1) merged
WHERE p.id = merged.keep_id;

-- Every row but the kept one of each group goes; mirrored duplicates are derived data and the next sync restores them.
DELETE FROM positions
WHERE id IN (SELECT id
             FROM (SELECT id, row_number() OVER (PARTITION BY account_id, COALESCE(plaid_security_id, symbol),
                                                     plaid_security_id IS NULL
                                                 ORDER BY created_at, id) AS n
                   FROM positions) ranked
             WHERE n > 1);

ALTER TABLE positions FORCE ROW LEVEL SECURITY;

CREATE UNIQUE INDEX positions_manual_symbol ON positions (account_id, symbol) WHERE plaid_security_id IS NULL;
CREATE UNIQUE INDEX positions_linked_security ON positions (account_id, plaid_security_id)
    WHERE plaid_security_id IS NOT NULL;
