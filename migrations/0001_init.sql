-- Linimasa workspace schema, version 1.
-- Machine output (article columns from import, time_expr, mention, actor, place, event...) is
-- rewritten whenever extraction runs again; the user's corrections live in the correction_* tables,
-- keyed by stable keys (content hash, event key, actor name), so a re-run never loses them.

CREATE TABLE article (
    id               INTEGER PRIMARY KEY,
    content_hash     TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    publisher        TEXT,
    url              TEXT,
    language         TEXT,
    section          TEXT,
    text             TEXT NOT NULL,
    warnings         TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    source           TEXT,
    file_modified    TEXT,                         -- ISO date, kept to re-derive the article date
    date_meta_value  TEXT,                         -- the raw metadata date and its field, likewise
    date_meta_field  TEXT,
    -- machine-found publication date
    pub_date         TEXT,
    pub_method       TEXT,
    pub_evidence     TEXT,
    pub_span_start   INTEGER,
    pub_span_end     INTEGER,
    pub_confidence   REAL,
    pub_derivation   TEXT,
    imported_at      TEXT NOT NULL,
    extractor        TEXT NOT NULL
);

CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text, content='article', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
    INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
    INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER article_fts_update AFTER UPDATE OF title, text ON article BEGIN
    INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE time_expr (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    surface      TEXT NOT NULL,
    timex_type   TEXT NOT NULL,
    value        TEXT NOT NULL,
    grain        TEXT NOT NULL,
    earliest_day INTEGER,                          -- days since 1970-01-01
    latest_day   INTEGER,
    anchor_kind  TEXT NOT NULL,
    anchor_date  TEXT,
    extractor    TEXT NOT NULL,
    rule         TEXT NOT NULL
);
CREATE INDEX time_expr_article ON time_expr(article_id);

CREATE TABLE mention (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    surface     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    extractor   TEXT NOT NULL,
    rule        TEXT NOT NULL
);
CREATE INDEX mention_article ON mention(article_id);

CREATE TABLE actor (
    id             INTEGER PRIMARY KEY,
    canonical_name TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL,
    extractor      TEXT NOT NULL,
    rule           TEXT NOT NULL
);
CREATE TABLE actor_alias (
    actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;
CREATE INDEX actor_alias_by_alias ON actor_alias(alias);

CREATE TABLE place (
    id             INTEGER PRIMARY KEY,
    canonical_name TEXT NOT NULL UNIQUE,
    country_code   TEXT,
    lat            REAL,
    lon            REAL,
    extractor      TEXT NOT NULL,
    rule           TEXT NOT NULL
);

CREATE TABLE event (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    event_key      TEXT NOT NULL UNIQUE,           -- stable across re-runs: corrections refer to it
    cameo          TEXT NOT NULL,
    date_value     TEXT,
    earliest_day   INTEGER,                        -- machine values
    latest_day     INTEGER,
    precision      TEXT NOT NULL,
    derivation     TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL,
    attribution    TEXT,
    modality       TEXT NOT NULL,
    confidence     REAL NOT NULL,
    extractor      TEXT NOT NULL,
    rule           TEXT NOT NULL,
    -- effective values (machine output with the user's corrections applied): what queries read.
    -- Derived, rewritten by the store whenever either side changes.
    day_from       INTEGER,
    day_to         INTEGER,
    month          INTEGER,                        -- year * 12 + (month - 1) of day_from
    eff_cameo      TEXT NOT NULL,
    hidden         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_article ON event(article_id);
CREATE INDEX event_window ON event(day_from, day_to);
CREATE INDEX event_type_window ON event(eff_cameo, day_from);

CREATE TABLE event_actor (
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    day_from INTEGER,                              -- copy of event.day_from for the actor + window index
    PRIMARY KEY (event_id, actor_id, role)
) WITHOUT ROWID;
CREATE INDEX event_actor_window ON event_actor(actor_id, day_from, event_id);

CREATE TABLE event_place (
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    place_id INTEGER NOT NULL REFERENCES place(id) ON DELETE CASCADE,
    day_from INTEGER,
    PRIMARY KEY (event_id, place_id)
) WITHOUT ROWID;
CREATE INDEX event_place_window ON event_place(place_id, day_from, event_id);

-- Per-month event counts for the overview histogram, kept by triggers.
CREATE TABLE event_month (
    month INTEGER PRIMARY KEY,
    n     INTEGER NOT NULL
);
CREATE TRIGGER event_month_insert AFTER INSERT ON event WHEN new.month IS NOT NULL AND new.hidden = 0 BEGIN
    INSERT INTO event_month(month, n) VALUES (new.month, 1) ON CONFLICT(month) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER event_month_delete AFTER DELETE ON event WHEN old.month IS NOT NULL AND old.hidden = 0 BEGIN
    UPDATE event_month SET n = n - 1 WHERE month = old.month;
END;
CREATE TRIGGER event_month_update AFTER UPDATE OF month, hidden ON event BEGIN
    UPDATE event_month SET n = n - 1 WHERE old.month IS NOT NULL AND old.hidden = 0 AND month = old.month;
    INSERT INTO event_month(month, n) SELECT new.month, 1 WHERE new.month IS NOT NULL AND new.hidden = 0
        ON CONFLICT(month) DO UPDATE SET n = n + 1;
END;

-- The user's corrections. Never touched by extraction.
CREATE TABLE correction_article_date (
    content_hash TEXT PRIMARY KEY,
    date         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE TABLE correction_event (
    event_key    TEXT PRIMARY KEY,
    cameo        TEXT,
    date_value   TEXT,
    earliest_day INTEGER,
    latest_day   INTEGER,
    hidden       INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL
);
CREATE TABLE correction_actor_merge (
    alias_name TEXT PRIMARY KEY,                   -- canonical name merged away
    into_name  TEXT NOT NULL,
    created_at TEXT NOT NULL
);
-- An append-only log of every correction, for audit and undo.
CREATE TABLE correction_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    kind    TEXT NOT NULL,
    payload TEXT NOT NULL                          -- JSON
);

-- Date-window index over the effective event dates: an overlap query ("what happened between
-- these days") is a box query on a one-dimensional R*Tree.
CREATE VIRTUAL TABLE event_window_rtree USING rtree_i32(id, day_from, day_to);
CREATE TRIGGER event_rtree_insert AFTER INSERT ON event WHEN new.day_from IS NOT NULL BEGIN
    INSERT INTO event_window_rtree(id, day_from, day_to) VALUES (new.id, new.day_from, coalesce(new.day_to, new.day_from));
END;
CREATE TRIGGER event_rtree_delete AFTER DELETE ON event BEGIN
    DELETE FROM event_window_rtree WHERE id = old.id;
END;
CREATE TRIGGER event_rtree_update AFTER UPDATE OF day_from, day_to ON event BEGIN
    DELETE FROM event_window_rtree WHERE id = old.id;
    INSERT INTO event_window_rtree(id, day_from, day_to)
        SELECT new.id, new.day_from, coalesce(new.day_to, new.day_from) WHERE new.day_from IS NOT NULL;
END;
