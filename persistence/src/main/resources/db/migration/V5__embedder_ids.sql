-- Every stored vector names the embedder that produced it ('all-minilm-l6-v2', the in-process model, or
-- 'hashing-384-v1', the model-free fallback): both have 384 dimensions, but vectors of different embedders are not
-- comparable, so similarity is only ever computed between vectors of one embedder. All vectors stored before this
-- migration came from the hashing embedder.
--   user_memories: a memory whose vector another embedder made is re-embedded with the running one and stored again
--   the next time the user's memories are retrieved (MemoryService).
--   sentiment_data: old vectors stay as they are; nothing searches them by similarity yet, and whatever does must
--   compare only rows of its own embedder.
ALTER TABLE user_memories ADD COLUMN embedder TEXT;
ALTER TABLE sentiment_data ADD COLUMN embedder TEXT;

-- The owner's backfill must reach every user's memories: FORCE is lifted inside this migration's transaction only.
ALTER TABLE user_memories NO FORCE ROW LEVEL SECURITY;
UPDATE user_memories SET embedder = 'hashing-384-v1' WHERE embedding IS NOT NULL;
ALTER TABLE user_memories FORCE ROW LEVEL SECURITY;
UPDATE sentiment_data SET embedder = 'hashing-384-v1' WHERE embedding IS NOT NULL;

ALTER TABLE user_memories ADD CONSTRAINT user_memories_embedder
    CHECK ((embedding IS NULL) = (embedder IS NULL));
ALTER TABLE sentiment_data ADD CONSTRAINT sentiment_data_embedder
    CHECK ((embedding IS NULL) = (embedder IS NULL));
