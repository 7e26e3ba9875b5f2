-- Which articles name each actor, as what kind, how many times, by which other names and with
-- which roles: an actor's kind is the one most of its mentions across articles give it (not
-- the first article's), its aliases and roles are those some article still gives it, and an
-- actor extraction made that no article names any more, after extraction runs again, is
-- removed with its aliases and roles.
CREATE TABLE article_actor (
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    actor_id   INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    mentions   INTEGER NOT NULL DEFAULT 1,
    aliases    TEXT,                            -- JSON array; NULL: not known (written before)
    roles      TEXT,                            -- JSON array ("Juru bicara Kremlin"); NULL: not known
    PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX article_actor_by_actor ON article_actor(actor_id);

-- Workspaces written before: the articles whose events name the actor, or whose names are its
-- name or one of its aliases, with its kind as stored.
INSERT OR IGNORE INTO article_actor(article_id, actor_id, kind)
    SELECT DISTINCT e.article_id, ea.actor_id, a.kind
    FROM event_actor ea JOIN event e ON e.id = ea.event_id JOIN actor a ON a.id = ea.actor_id
    WHERE a.user_made = 0;
INSERT OR IGNORE INTO article_actor(article_id, actor_id, kind)
    SELECT DISTINCT m.article_id, a.id, a.kind
    FROM mention m JOIN actor a ON a.canonical_name = m.surface
    WHERE a.user_made = 0;
INSERT OR IGNORE INTO article_actor(article_id, actor_id, kind)
    SELECT DISTINCT m.article_id, a.id, a.kind
    FROM mention m JOIN actor_alias al ON al.alias = m.surface JOIN actor a ON a.id = al.actor_id
    WHERE a.user_made = 0;

-- Names extraction made that no article names any more and nothing points at (no correction,
-- no other name counting as them): left by older rules, the actor list showed them with no
-- events, and the table above has no row to remove them by later.
DELETE FROM actor
WHERE user_made = 0
  AND id NOT IN (SELECT actor_id FROM article_actor)
  AND id NOT IN (SELECT actor_id FROM event_actor)
  AND id NOT IN (SELECT eff_id FROM actor WHERE eff_id IS NOT NULL AND eff_id <> id)
  AND canonical_name NOT IN (SELECT name FROM correction_actor_name)
  AND canonical_name NOT IN (SELECT into_name FROM correction_actor_name);
