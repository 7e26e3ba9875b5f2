//! Stage 8, store: one SQLite file per workspace.
//!
//! - Embedded, versioned migrations (`migrations/NNNN_*.sql`), each in its own transaction; the
//!   schema version is SQLite's `user_version`. WAL journal.
//! - Import is idempotent: articles are keyed by content hash.
//! - An article and everything extracted from it are written in one transaction.
//! - Machine output and the user's corrections are separate tables; corrections are keyed by stable
//!   keys and re-applied whenever machine output is rewritten.

mod columns;
mod curation;
mod merge;
mod query;

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};
use thiserror::Error;

pub use curation::{EventCorrection, Reextract};
pub use query::EventFilter;

use crate::model::{Article, DateMethod, Event, Extraction, PublishedDate, Span};

/// The migrations, in order. Version N is the N-th entry.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../../migrations/0001_init.sql")),
    (
        "0002_curation",
        include_str!("../../migrations/0002_curation.sql"),
    ),
    (
        "0003_event_reports",
        include_str!("../../migrations/0003_event_reports.sql"),
    ),
    (
        "0004_actor_roles",
        include_str!("../../migrations/0004_actor_roles.sql"),
    ),
    (
        "0005_event_trigger",
        include_str!("../../migrations/0005_event_trigger.sql"),
    ),
    (
        "0006_article_actor",
        include_str!("../../migrations/0006_article_actor.sql"),
    ),
];

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("workspace database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("workspace {path}: cannot create its folder: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("workspace schema version {found} is newer than this Linimasa supports ({supported}); update Linimasa")]
    TooNew { found: i64, supported: i64 },
    #[error("migration {name} failed: {source}")]
    Migration {
        name: &'static str,
        source: rusqlite::Error,
    },
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: i64 },
    #[error("no {what} named {name:?}")]
    UnknownName { what: &'static str, name: String },
    /// A correction that cannot be made as asked.
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An article ready to store: its extraction, and the raw inputs its date was derived from (kept so
/// the date can be derived again later).
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub article: Article,
    pub extraction: Extraction,
    pub date_meta: Option<crate::import::DateMeta>,
    pub file_modified: Option<NaiveDate>,
}

/// What happened to one article given to [`Store::insert_articles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    New(i64),
    /// Already stored (same content hash): nothing was written. Holds the existing id.
    Duplicate(i64),
}

/// An open workspace.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Days since 1970-01-01: how dates are indexed.
pub fn day_number(date: NaiveDate) -> i64 {
    date.signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch"))
        .num_days()
}

/// The date of a day number.
pub fn from_day_number(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(day))
}

fn month_index(date: NaiveDate) -> i64 {
    date.year() as i64 * 12 + date.month0() as i64
}

/// The import key of an article: SHA-256 over its title and text with whitespace normalised, so the
/// same article read from a re-saved file is still the same article.
pub fn content_hash(title: &str, text: &str) -> String {
    let mut h = Sha256::new();
    for (i, part) in [title, text].iter().enumerate() {
        if i > 0 {
            h.update(b"\n\x1f\n");
        }
        for (j, word) in part.split_whitespace().enumerate() {
            if j > 0 {
                h.update(b" ");
            }
            h.update(word.as_bytes());
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The stable key of a machine-made event: its article, evidence span and type.
/// An event's stable key: its article's content, its evidence clause and its type — and, for a
/// second event of the same type in one clause ("sold ... and delivered", every event verb of an
/// English clause), its trigger too. The first such event keeps the plain key, which is the key
/// the same event had when a clause gave one event, so corrections made then still find it.
/// `second` is the event's place in the article's list, a last resort when it has no trigger.
fn event_key(content_hash: &str, event: &Event, second: Option<usize>) -> String {
    let mut h = Sha256::new();
    h.update(content_hash.as_bytes());
    h.update(
        format!(
            "|{}|{}|{}",
            event.evidence.start, event.evidence.end, event.cameo
        )
        .as_bytes(),
    );
    if let Some(index) = second {
        let extra = match event.trigger {
            Some(t) => format!("|{}|{}", t.start, t.end),
            None => format!("|#{index}"),
        };
        h.update(extra.as_bytes());
    }
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The trigger's words, cut from the evidence they lie in.
fn trigger_text(e: &Event) -> Option<&str> {
    let t = e.trigger?;
    let from = t.start.checked_sub(e.evidence.start)?;
    e.evidence_text.get(from..from + (t.end - t.start))
}

fn now() -> String {
    Utc::now().to_rfc3339()
}

impl Store {
    /// Opens (creating if needed) the workspace at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Folder {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 64 MiB of page cache: imports and the timeline's queries revisit the same index pages.
        conn.pragma_update(None, "cache_size", -65536)?;
        Self::init(conn, Some(path.to_path_buf()))
    }

    /// A throwaway workspace in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Writing an article runs some forty distinct statements; rusqlite keeps 16 by default,
        // so each article prepared most of them again.
        conn.set_prepared_statement_cache_capacity(128);
        let mut store = Store { conn, path };
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version this build writes.
    pub fn schema_version() -> i64 {
        MIGRATIONS.len() as i64
    }

    fn migrate(&mut self) -> Result<()> {
        let current: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current > Self::schema_version() {
            return Err(StoreError::TooNew {
                found: current,
                supported: Self::schema_version(),
            });
        }
        for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)
                .map_err(|source| StoreError::Migration { name, source })?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Checks the database file's integrity and the store's own invariants (every event belongs to
    /// an article, the histogram and window index agree with the events). Returns the problems found.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if integrity != "ok" {
            problems.push(format!("integrity_check: {integrity}"));
        }
        let fk: i64 =
            self.conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
        if fk > 0 {
            problems.push(format!("{fk} rows break a foreign key"));
        }
        let (month_sum, visible): (i64, i64) = self.conn.query_row(
            "SELECT (SELECT coalesce(sum(n), 0) FROM event_month),
                    (SELECT count(*) FROM event WHERE month IS NOT NULL AND hidden = 0)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if month_sum != visible {
            problems.push(format!(
                "histogram counts {month_sum} events, the event table has {visible}"
            ));
        }
        let fts: i64 = self
            .conn
            .query_row("SELECT count(*) FROM article_fts", [], |r| r.get(0))?;
        let articles: i64 = self
            .conn
            .query_row("SELECT count(*) FROM article", [], |r| r.get(0))?;
        if fts != articles {
            problems.push(format!(
                "full-text index has {fts} rows for {articles} articles"
            ));
        }
        Ok(problems)
    }

    /// Stores new articles with their extraction, all in one transaction. Articles whose content
    /// hash is already stored are skipped and reported as [`Inserted::Duplicate`].
    pub fn insert_articles(&mut self, items: &[NewArticle]) -> Result<Vec<Inserted>> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(items.len());
        let mut touched = Vec::new();
        for item in items {
            let (article, extraction) = (&item.article, &item.extraction);
            let existing: Option<i64> = tx
                .prepare_cached("SELECT id FROM article WHERE content_hash = ?1")?
                .query_row([&article.content_hash], |r| r.get(0))
                .optional()?;
            if let Some(id) = existing {
                out.push(Inserted::Duplicate(id));
                continue;
            }
            let id = insert_article_row(&tx, item)?;
            touched.extend(write_extraction(
                &tx,
                id,
                &article.content_hash,
                extraction,
            )?);
            out.push(Inserted::New(id));
        }
        curation::settle_actors(&tx, &touched, &[])?;
        for inserted in &out {
            if let Inserted::New(id) = inserted {
                merge::merge_article(&tx, *id)?;
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// Replaces everything extracted from one article, in one transaction. The user's corrections
    /// are untouched and re-applied.
    pub fn replace_extraction(&mut self, article_id: i64, extraction: &Extraction) -> Result<()> {
        let tx = self.conn.transaction()?;
        let hash: String = tx
            .query_row(
                "SELECT content_hash FROM article WHERE id = ?1",
                [article_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "article",
                id: article_id,
            })?;
        // Reports of other articles grouped under this article's events lose their group.
        let orphans = merge::reports_of_article(&tx, article_id)?;
        tx.execute("DELETE FROM event WHERE article_id = ?1", [article_id])?;
        tx.execute("DELETE FROM time_expr WHERE article_id = ?1", [article_id])?;
        tx.execute("DELETE FROM mention WHERE article_id = ?1", [article_id])?;
        // The actors the article named before: kept, re-kinded or, named nowhere now, removed.
        let before: Vec<i64> = tx
            .prepare("SELECT actor_id FROM article_actor WHERE article_id = ?1")?
            .query_map([article_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        tx.execute(
            "DELETE FROM article_actor WHERE article_id = ?1",
            [article_id],
        )?;
        let mut touched = write_extraction(&tx, article_id, &hash, extraction)?;
        touched.extend(&before);
        curation::settle_actors(&tx, &touched, &before)?;
        merge::regroup(&tx, &orphans)?;
        merge::merge_article(&tx, article_id)?;
        tx.commit()?;
        Ok(())
    }

    /// Loads a stored article, with the user's date correction applied to `published`.
    pub fn article(&self, id: i64) -> Result<Article> {
        self.conn
            .query_row(
                "SELECT a.id, content_hash, title, publisher, url, language, section, text, warnings, source,
                        pub_date, pub_method, pub_evidence, pub_span_start, pub_span_end, pub_confidence,
                        pub_derivation, c.date
                 FROM article a LEFT JOIN correction_article_date c USING (content_hash) WHERE a.id = ?1",
                [id],
                |r| {
                    let warnings: String = r.get(8)?;
                    let machine_date: Option<String> = r.get(10)?;
                    let user_date: Option<String> = r.get(17)?;
                    let published = match (user_date, machine_date) {
                        (Some(d), _) => d.parse().ok().map(|date| PublishedDate {
                            date,
                            method: DateMethod::User,
                            evidence: None,
                            span: None,
                            confidence: 1.0,
                            derivation: "set by the user".into(),
                        }),
                        (None, Some(d)) => d.parse().ok().map(|date| PublishedDate {
                            date,
                            method: r
                                .get::<_, Option<String>>(11)
                                .ok()
                                .flatten()
                                .and_then(|m| DateMethod::parse(&m))
                                .unwrap_or(DateMethod::Metadata),
                            evidence: r.get(12).ok().flatten(),
                            span: match (r.get::<_, Option<i64>>(13).ok().flatten(), r.get::<_, Option<i64>>(14).ok().flatten()) {
                                (Some(s), Some(e)) => Some(Span::new(s as usize, e as usize)),
                                _ => None,
                            },
                            confidence: r.get::<_, Option<f32>>(15).ok().flatten().unwrap_or(0.0),
                            derivation: r.get::<_, Option<String>>(16).ok().flatten().unwrap_or_default(),
                        }),
                        (None, None) => None,
                    };
                    Ok(Article {
                        id: r.get(0)?,
                        content_hash: r.get(1)?,
                        title: r.get(2)?,
                        publisher: r.get(3)?,
                        url: r.get(4)?,
                        language: r.get(5)?,
                        section: r.get(6)?,
                        text: r.get(7)?,
                        warnings: serde_json::from_str(&warnings).unwrap_or_default(),
                        source: r.get(9)?,
                        published,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "article", id })
    }

    /// The raw inputs the article-date stage used, kept so the date can be derived again.
    pub fn article_date_inputs(
        &self,
        id: i64,
    ) -> Result<(Option<crate::import::DateMeta>, Option<NaiveDate>)> {
        self.conn
            .query_row(
                "SELECT date_meta_value, date_meta_field, file_modified FROM article WHERE id = ?1",
                [id],
                |r| {
                    let meta = match (
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, Option<String>>(1)?,
                    ) {
                        (Some(value), Some(field)) => {
                            Some(crate::import::DateMeta { value, field })
                        }
                        _ => None,
                    };
                    let modified = r.get::<_, Option<String>>(2)?.and_then(|d| d.parse().ok());
                    Ok((meta, modified))
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "article",
                id,
            })
    }

    /// Ids of all stored articles, oldest import first.
    pub fn article_ids(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare("SELECT id FROM article ORDER BY id")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Counts for the workspace header.
    pub fn info(&self) -> Result<crate::view::WorkspaceInfo> {
        let (articles, events) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM event WHERE hidden = 0)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(crate::view::WorkspaceInfo {
            path: self
                .path
                .as_ref()
                .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string()),
            articles,
            events,
        })
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

fn insert_article_row(tx: &Transaction<'_>, item: &NewArticle) -> Result<i64> {
    let a = &item.article;
    let p = a.published.as_ref();
    tx.prepare_cached(
        "INSERT INTO article(content_hash, title, publisher, url, language, section, text, warnings, source,
             pub_date, pub_method, pub_evidence, pub_span_start, pub_span_end, pub_confidence, pub_derivation,
             imported_at, extractor, date_meta_value, date_meta_field, file_modified)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    )?
    .execute(params![
        a.content_hash,
        a.title,
        a.publisher,
        a.url,
        a.language,
        a.section,
        a.text,
        serde_json::to_string(&a.warnings).unwrap_or_else(|_| "[]".into()),
        a.source,
        p.map(|p| p.date.to_string()),
        p.map(|p| p.method.as_str()),
        p.and_then(|p| p.evidence.clone()),
        p.and_then(|p| p.span).map(|s| s.start as i64),
        p.and_then(|p| p.span).map(|s| s.end as i64),
        p.map(|p| p.confidence),
        p.map(|p| p.derivation.clone()),
        now(),
        crate::model::EXTRACTOR_VERSION,
        item.date_meta.as_ref().map(|m| m.value.clone()),
        item.date_meta.as_ref().map(|m| m.field.clone()),
        item.file_modified.map(|d| d.to_string()),
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Writes one article's machine output and applies the user's corrections to the effective columns.
fn write_extraction(
    tx: &Transaction<'_>,
    article_id: i64,
    content_hash: &str,
    ex: &Extraction,
) -> Result<Vec<i64>> {
    // The actors this article names, for [`curation::settle_actors`].
    let mut actor_ids = Vec::new();
    for t in &ex.time_exprs {
        let (anchor_kind, anchor_date) = match &t.anchor {
            crate::model::Anchor::None => ("none", None),
            crate::model::Anchor::ArticleDate(d) => ("article_date", Some(d.to_string())),
            crate::model::Anchor::Narrative(d) => ("narrative", Some(d.to_string())),
        };
        tx.prepare_cached(
            "INSERT INTO time_expr(article_id, span_start, span_end, surface, timex_type, value, grain,
                 earliest_day, latest_day, anchor_kind, anchor_date, extractor, rule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            article_id,
            t.span.start as i64,
            t.span.end as i64,
            t.surface,
            t.timex_type.as_str(),
            t.value,
            t.grain.as_str(),
            t.earliest.map(day_number),
            t.latest.map(day_number),
            anchor_kind,
            anchor_date,
            t.provenance.extractor,
            t.provenance.rule,
        ])?;
    }
    for m in &ex.mentions {
        tx.prepare_cached(
            "INSERT INTO mention(article_id, span_start, span_end, surface, kind, extractor, rule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            article_id,
            m.span.start as i64,
            m.span.end as i64,
            m.surface,
            serde_json::to_value(m.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string)),
            m.provenance.extractor,
            m.provenance.rule,
        ])?;
    }
    for a in &ex.actors {
        // Stored under the name as extracted; the user's renames and merges map it (see curation).
        let id = curation::upsert_actor(tx, &a.canonical_name, a.kind.as_str(), &a.provenance)?;
        let mentions = ex
            .mentions
            .iter()
            .filter(|m| m.surface == a.canonical_name || a.aliases.contains(&m.surface))
            .count()
            .max(1);
        tx.prepare_cached(
            "INSERT OR REPLACE INTO article_actor(article_id, actor_id, kind, mentions, aliases, roles)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            article_id,
            id,
            a.kind.as_str(),
            mentions as i64,
            serde_json::to_string(&a.aliases).unwrap_or_else(|_| "[]".into()),
            serde_json::to_string(&a.roles).unwrap_or_else(|_| "[]".into()),
        ])?;
        actor_ids.push(id);
        for role in &a.roles {
            tx.prepare_cached("INSERT OR IGNORE INTO actor_role(actor_id, role) VALUES (?1, ?2)")?
                .execute(params![id, role])?;
        }
        for alias in &a.aliases {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO actor_alias(actor_id, alias) VALUES (?1, ?2)",
            )?
            .execute(params![id, alias])?;
        }
        curation::take_up_acronyms(tx, &a.aliases, a.kind.as_str())?;
    }
    for p in &ex.places {
        tx.prepare_cached(
            "INSERT INTO place(canonical_name, country_code, lat, lon, extractor, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(canonical_name) DO UPDATE SET country_code = coalesce(place.country_code, excluded.country_code),
                 lat = coalesce(place.lat, excluded.lat), lon = coalesce(place.lon, excluded.lon)",
        )?
        .execute(params![p.canonical_name, p.country_code, p.lat, p.lon, p.provenance.extractor, p.provenance.rule])?;
    }
    let mut keyed: std::collections::HashSet<String> = Default::default();
    for (index, e) in ex.events.iter().enumerate() {
        let mut key = event_key(content_hash, e, None);
        if !keyed.insert(key.clone()) {
            key = event_key(content_hash, e, Some(index));
            keyed.insert(key.clone());
        }
        let (day_from, day_to) = (e.earliest.map(day_number), e.latest.map(day_number));
        let month = day_from.and_then(from_day_number).map(month_index);
        tx.prepare_cached(
            "INSERT INTO event(article_id, event_key, cameo, date_value, earliest_day, latest_day, precision, derivation,
                 evidence_start, evidence_end, evidence_text, attribution, modality, confidence, extractor, rule,
                 day_from, day_to, month, eff_cameo, hidden, trigger_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
        )?
        .execute(params![
            article_id,
            key,
            e.cameo,
            e.date_value,
            e.earliest.map(day_number),
            e.latest.map(day_number),
            e.precision.as_str(),
            e.date_derivation,
            e.evidence.start as i64,
            e.evidence.end as i64,
            e.evidence_text,
            e.attribution,
            e.modality.as_str(),
            e.confidence,
            e.provenance.extractor,
            e.provenance.rule,
            day_from,
            day_to.or(day_from),
            month,
            e.cameo,
            false,
            trigger_text(e),
        ])?;
        let event_id = tx.last_insert_rowid();
        for p in &e.participants {
            let actor_id = curation::upsert_actor(tx, &p.actor, "group", &e.provenance)?;
            tx.prepare_cached("INSERT OR IGNORE INTO event_actor(event_id, actor_id, role, day_from) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![event_id, actor_id, p.role.as_str(), day_from])?;
            // A participant the names did not list counts as the article's, of no known kind.
            tx.prepare_cached(
                "INSERT OR IGNORE INTO article_actor(article_id, actor_id, kind, aliases, roles)
                 VALUES (?1, ?2, 'group', '[]', '[]')",
            )?
            .execute(params![article_id, actor_id])?;
            actor_ids.push(actor_id);
        }
        for place in &e.places {
            tx.prepare_cached(
                "INSERT INTO place(canonical_name, extractor, rule) VALUES (?1, ?2, ?3) ON CONFLICT(canonical_name) DO NOTHING",
            )?
            .execute(params![place, e.provenance.extractor, e.provenance.rule])?;
            tx.prepare_cached(
                "INSERT OR IGNORE INTO event_place(event_id, place_id, day_from)
                 SELECT ?1, id, ?3 FROM place WHERE canonical_name = ?2",
            )?
            .execute(params![event_id, place, day_from])?;
        }
        curation::apply_event_correction(tx, event_id, &key)?;
    }
    Ok(actor_ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_ignores_whitespace_layout() {
        assert_eq!(
            content_hash("A  title", "one\n two"),
            content_hash("A title", "one two")
        );
        assert_ne!(
            content_hash("A title", "one two"),
            content_hash("A title", "one three")
        );
        assert_ne!(content_hash("ab", "c"), content_hash("a", "bc"));
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
        assert_eq!(day_number(d), 19052);
        assert_eq!(from_day_number(19052), Some(d));
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let store = Store::open_in_memory().unwrap();
        store.conn.pragma_update(None, "user_version", 99).unwrap();
        let Store { conn, .. } = store;
        let err = Store::init(conn, None).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    }
}
