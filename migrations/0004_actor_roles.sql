-- Roles as articles give them ("Juru bicara Kremlin" for Dmitry Peskov), per actor name.
CREATE TABLE actor_role (
    actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    PRIMARY KEY (actor_id, role)
) WITHOUT ROWID;
