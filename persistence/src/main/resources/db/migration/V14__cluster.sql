-- Work the cluster does once per period, not once per instance (the scheduled Plaid sync): every instance's timer
-- fires, and the first to claim the period's run in this table does the work (ClusterDuties). A duty holds no user
-- data, so the table needs no row-level policy.
CREATE TABLE cluster_duties (
    name       TEXT PRIMARY KEY,
    -- The earliest time the next run may be claimed.
    due_at     TIMESTAMPTZ NOT NULL,
    -- The instance that claimed the latest run, and when: for operators asking who ran it.
    claimed_by TEXT        NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL
);

-- The instance that runs (or ran) a debate, for operators following a debate across a cluster.
ALTER TABLE debates ADD COLUMN runner TEXT;
