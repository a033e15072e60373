-- Debates: the trigger, everything needed to replay it (evidence, prompts, models, seed) and its outcome. Each
-- step and agent call is an agent_executions row of the debate; agent_dependencies link them into the graph.

CREATE TABLE debates (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        UUID        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    query          TEXT        NOT NULL CHECK (char_length(query) BETWEEN 1 AND 2000),
    assistant_type TEXT        NOT NULL
        CHECK (assistant_type IN ('general', 'analyst', 'trader', 'advisor', 'riskManager', 'economist')),
    symbols        TEXT[]      NOT NULL DEFAULT ARRAY[]::TEXT[],
    status         TEXT        NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'running', 'completed', 'failed')),
    budget_limited BOOLEAN     NOT NULL DEFAULT FALSE,
    model          TEXT,
    seed           BIGINT      NOT NULL,
    replay         JSONB,
    outcome        JSONB,
    tokens_used    INTEGER CHECK (tokens_used >= 0),
    error_message  TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    completed_at   TIMESTAMPTZ
);
CREATE INDEX idx_debates_user_created ON debates (user_id, created_at DESC);

ALTER TABLE agent_executions
    ADD COLUMN debate_id UUID REFERENCES debates (id) ON DELETE CASCADE,
    ADD COLUMN step      TEXT,
    ADD COLUMN model     TEXT,
    ADD COLUMN tokens    INTEGER CHECK (tokens >= 0);
CREATE INDEX idx_agent_executions_debate ON agent_executions (debate_id, created_at);

-- Conversation memory: one row per user and assistant, the messages as LangChain4j serialises them.
CREATE TABLE chat_memories (
    user_id        UUID        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    assistant_type TEXT        NOT NULL,
    messages       JSONB       NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (user_id, assistant_type)
);

-- Long-term memory: facts and preferences a user stated, retrieved by similarity into the agents' context.
CREATE TABLE user_memories (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    UUID        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    kind       TEXT        NOT NULL
        CHECK (kind IN ('risk_tolerance', 'horizon', 'holding_interest', 'dislike', 'preference', 'fact')),
    content    TEXT        NOT NULL CHECK (char_length(content) BETWEEN 1 AND 1000),
    embedding  REAL[] CHECK (embedding IS NULL OR cardinality(embedding) = 384),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT user_memories_unique UNIQUE (user_id, kind, content)
);

-- Reflection: a recommendation's outcome once its horizon has passed, and the lesson drawn from it.
CREATE TABLE debate_reflections (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       UUID        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    debate_id     UUID        NOT NULL REFERENCES debates (id) ON DELETE CASCADE,
    symbol        TEXT        NOT NULL,
    rating        TEXT        NOT NULL,
    price_at_call DOUBLE PRECISION NOT NULL,
    spy_at_call   DOUBLE PRECISION NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    evaluated_at  TIMESTAMPTZ,
    symbol_return DOUBLE PRECISION,
    spy_return    DOUBLE PRECISION,
    lesson        TEXT,
    CONSTRAINT debate_reflections_unique UNIQUE (debate_id, symbol)
);

ALTER TABLE debates ENABLE ROW LEVEL SECURITY;
ALTER TABLE debates FORCE ROW LEVEL SECURITY;
CREATE POLICY debates_owner ON debates
    USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());

ALTER TABLE chat_memories ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_memories FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_memories_owner ON chat_memories
    USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());

ALTER TABLE user_memories ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_memories FORCE ROW LEVEL SECURITY;
CREATE POLICY user_memories_owner ON user_memories
    USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());

ALTER TABLE debate_reflections ENABLE ROW LEVEL SECURITY;
ALTER TABLE debate_reflections FORCE ROW LEVEL SECURITY;
CREATE POLICY debate_reflections_owner ON debate_reflections
    USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
-- The reflection job evaluates due recommendations of every user (ids only), then acts as each owner.
CREATE POLICY debate_reflections_scheduler ON debate_reflections FOR SELECT
    USING (current_setting('app.scheduler', TRUE) = 'on');
