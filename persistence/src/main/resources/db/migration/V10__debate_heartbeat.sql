-- Debates run on whichever instance takes their message from the queue. The instance running a debate touches
-- heartbeat_at while it runs; when an instance stops, the survivors find its debates by their silent heartbeat
-- and end them as failed with a reason, so that no debate stays 'running' for ever. For a pending debate the
-- column holds the time it was queued.
ALTER TABLE debates ADD COLUMN heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT NOW();

CREATE INDEX idx_debates_unfinished ON debates (heartbeat_at) WHERE status IN ('pending', 'running');

-- The survivors' check reads unfinished debates of every user (ids and owners only), then acts as each owner.
CREATE POLICY debates_scheduler ON debates FOR SELECT
    USING (current_setting('app.scheduler', TRUE) = 'on');
