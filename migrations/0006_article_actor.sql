-- Which articles name each actor, as what kind, how many times and by which other names: an
-- actor's kind is the one most of its mentions across articles give it (not the first
-- article's), its aliases are those some article still gives it, and an actor extraction made
-- that no article names any more, after extraction runs again, is removed with its aliases and
-- roles.
CREATE TABLE article_actor (
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    actor_id   INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    mentions   INTEGER NOT NULL DEFAULT 1,
    aliases    TEXT,                            -- JSON array; NULL: not known (written before)
    PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX article_actor_by_actor ON article_actor(actor_id);

-- Workspaces written before: the articles whose events name the actor, with its kind as stored.
INSERT OR IGNORE INTO article_actor(article_id, actor_id, kind)
    SELECT DISTINCT e.article_id, ea.actor_id, a.kind
    FROM event_actor ea JOIN event e ON e.id = ea.event_id JOIN actor a ON a.id = ea.actor_id
    WHERE a.user_made = 0;

-- Names extraction made that no event names and nothing points at (no correction, no other
-- name counting as them): the actor list showed them with no events, and the table above has
-- no row to remove them by later. One an article still names comes back when extraction runs
-- on it again.
DELETE FROM actor
WHERE user_made = 0
  AND id NOT IN (SELECT actor_id FROM event_actor)
  AND id NOT IN (SELECT eff_id FROM actor WHERE eff_id IS NOT NULL AND eff_id <> id)
  AND canonical_name NOT IN (SELECT name FROM correction_actor_name)
  AND canonical_name NOT IN (SELECT into_name FROM correction_actor_name);
