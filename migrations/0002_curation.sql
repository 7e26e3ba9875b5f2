-- Curation with undo. Actor rows are names as extracted (plus names the user made by renaming);
-- `eff_id` points at the actor a name counts as after the user's renames, merges and splits, so a
-- correction changes a mapping instead of rewriting events, and undoing it is exact.
ALTER TABLE actor ADD COLUMN eff_id INTEGER;
ALTER TABLE actor ADD COLUMN user_made INTEGER NOT NULL DEFAULT 0;
UPDATE actor SET eff_id = id;
CREATE INDEX actor_eff ON actor(eff_id);

-- An actor name (as extracted, or made by the user) and the name of the actor it counts as.
-- A row mapping a name to itself keeps it an actor of its own (a split).
CREATE TABLE correction_actor_name (
    name       TEXT PRIMARY KEY,
    into_name  TEXT NOT NULL,
    created_at TEXT NOT NULL
);
INSERT INTO correction_actor_name(name, into_name, created_at)
    SELECT alias_name, into_name, created_at FROM correction_actor_merge;
DROP TABLE correction_actor_merge;

-- The user's changes, newest last: each holds the correction rows before and after it (JSON), so
-- undo writes `before` back and redo writes `after`. Undone changes are dropped by the next change.
DROP TABLE correction_log;
CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    description TEXT NOT NULL,
    changes     TEXT NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0
);
