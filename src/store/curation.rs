//! The user's corrections and their history (undo/redo).
//!
//! Corrections live in their own tables (`correction_*`), keyed by what survives re-extraction: an
//! article's content hash, an event's stable key, an actor's name. Every change the user makes is
//! one `history` row holding the correction rows before and after it; undo writes the `before`
//! rows back, redo the `after` rows, and then the effective data is brought in line:
//! - events: their effective columns are recomputed from the machine values and the correction;
//! - actors: each actor row is a name as extracted; `eff_id` says which actor it counts as after
//!   renames, merges and splits, so no event is rewritten;
//! - article dates: the article must be extracted again (its relative dates move), which the
//!   pipeline does with the ids these functions return.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use std::collections::{HashMap, HashSet};

use super::{day_number, from_day_number, month_index, now, Result, Store, StoreError};
use crate::view::HistoryState;

/// A user's edit of one event; `None` fields keep their current value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventCorrection {
    pub cameo: Option<String>,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub hidden: Option<bool>,
}

/// Articles whose extraction must run again after a change (their date changed).
pub type Reextract = Vec<i64>;

/// One correction row before and after a change (`None`: no row).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RowChange {
    table: Table,
    key: String,
    before: Option<Json>,
    after: Option<Json>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Table {
    ArticleDate,
    Event,
    ActorName,
    /// A report the user keeps apart from other articles' reports.
    Apart,
}

impl Store {
    /// Sets an article's publication date. Returns the article to extract again.
    pub fn set_article_date(&mut self, article_id: i64, date: NaiveDate) -> Result<Reextract> {
        let tx = self.conn.transaction()?;
        let (hash, title): (String, String) = tx
            .query_row(
                "SELECT content_hash, title FROM article WHERE id = ?1",
                [article_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "article",
                id: article_id,
            })?;
        let after = serde_json::json!({ "date": date.to_string() });
        let change = change_row(&tx, Table::ArticleDate, &hash, Some(after))?;
        record(
            &tx,
            &format!("set the date of “{}” to {date}", short(&title)),
            &[change],
        )?;
        tx.commit()?;
        Ok(vec![article_id])
    }

    /// Corrects an event's type, dates, or visibility. Keyed by the event's stable key, so the
    /// correction survives re-extraction.
    pub fn correct_event(&mut self, event_id: i64, correction: &EventCorrection) -> Result<()> {
        if let Some(code) = &correction.cameo {
            // CAMEO roots 01 to 20, and 00 for an event of none of them.
            let valid = code.len() == 2 && code.parse::<u8>().is_ok_and(|n| n <= 20);
            if !valid {
                return Err(StoreError::Invalid(format!(
                    "{code:?} is not a CAMEO root code (01 to 20, or 00 for another event)"
                )));
            }
        }
        let tx = self.conn.transaction()?;
        let (key, day_from, day_to): (String, Option<i64>, Option<i64>) = tx
            .query_row(
                "SELECT event_key, day_from, day_to FROM event WHERE id = ?1",
                [event_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "event",
                id: event_id,
            })?;
        let from = correction.earliest.map(day_number).or(day_from);
        let to = match correction.latest {
            Some(d) => Some(day_number(d)),
            // A new start after the old end moves the end with it.
            None => match (day_to, from) {
                (Some(t), Some(f)) if t < f => Some(f),
                (t, _) => t,
            },
        };
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(StoreError::Invalid(format!(
                    "the event would end ({}) before it starts ({})",
                    show_day(t),
                    show_day(f)
                )));
            }
        }
        let before = read_row(&tx, Table::Event, &key)?;
        let old = before.clone().unwrap_or(Json::Null);
        let keep = |field: &str| old.get(field).cloned().unwrap_or(Json::Null);
        let dated = correction.earliest.is_some() || correction.latest.is_some();
        let after = serde_json::json!({
            "cameo": correction.cameo.clone().map_or_else(|| keep("cameo"), Json::from),
            "earliest_day": if dated { Json::from(from) } else { keep("earliest_day") },
            "latest_day": if dated { Json::from(to) } else { keep("latest_day") },
            "hidden": correction.hidden.map_or_else(|| keep("hidden"), Json::from),
        });
        let change = change_row(&tx, Table::Event, &key, Some(after))?;
        let mut parts = Vec::new();
        if let Some(c) = &correction.cameo {
            parts.push(format!("type {c}"));
        }
        if dated {
            parts.push(match (from, to) {
                (Some(f), Some(t)) if f != t => format!("dates {}–{}", show_day(f), show_day(t)),
                (Some(f), _) => format!("date {}", show_day(f)),
                _ => "dates".into(),
            });
        }
        let description = match correction.hidden {
            Some(true) => format!("hide event {event_id}"),
            Some(false) if parts.is_empty() => format!("show event {event_id}"),
            _ => format!("set event {event_id}'s {}", parts.join(" and ")),
        };
        record(&tx, &description, &[change])?;
        tx.commit()?;
        Ok(())
    }

    /// Renames an actor. Its old name stays as an alias; events follow.
    pub fn rename_actor(&mut self, name: &str, new_name: &str) -> Result<()> {
        let new_name = new_name.trim();
        if new_name.is_empty() {
            return Err(StoreError::Invalid(
                "an actor's name cannot be empty".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let current = effective_name(&tx, name)?;
        if current == new_name {
            return Ok(());
        }
        if let Some(other) = actor_row(&tx, new_name)? {
            let other_eff = effective_of(&tx, other)?;
            if other_eff != effective_id(&tx, &current)? {
                return Err(StoreError::Invalid(format!(
                    "{new_name:?} is already an actor; merge the two instead"
                )));
            }
        }
        // Renaming back to an earlier name: that name becomes the actor again.
        let mut changes = vec![];
        if read_row(&tx, Table::ActorName, new_name)?.is_some() {
            changes.push(change_row(&tx, Table::ActorName, new_name, None)?);
        }
        changes.push(change_row(
            &tx,
            Table::ActorName,
            &current,
            Some(serde_json::json!({ "into_name": new_name })),
        )?);
        refresh_actor_mapping(&tx)?;
        record(
            &tx,
            &format!("rename “{current}” to “{new_name}”"),
            &changes,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Merges actor `from` into actor `into` (names or aliases): `from` and its aliases become
    /// aliases of `into`, and its events count for `into`.
    pub fn merge_actors(&mut self, from: &str, into: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let (from, into) = (effective_name(&tx, from)?, effective_name(&tx, into)?);
        if from == into {
            return Ok(());
        }
        let change = change_row(
            &tx,
            Table::ActorName,
            &from,
            Some(serde_json::json!({ "into_name": into })),
        )?;
        refresh_actor_mapping(&tx)?;
        record(&tx, &format!("merge “{from}” into “{into}”"), &[change])?;
        tx.commit()?;
        Ok(())
    }

    /// Makes `alias`, a name that counts as `actor` (through a merge, or because the extractor
    /// found both), an actor of its own again with its own events.
    pub fn split_actor(&mut self, actor: &str, alias: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let actor = effective_name(&tx, actor)?;
        let Some(row) = actor_row(&tx, alias)? else {
            return Err(StoreError::Invalid(format!(
                "{alias:?} is a spelling of {actor:?} found inside articles, with no events of its \
                 own to split off; rename or merge instead"
            )));
        };
        if effective_of(&tx, row)? != effective_id(&tx, &actor)? || alias == actor {
            return Err(StoreError::Invalid(format!(
                "{alias:?} is not merged into {actor:?}"
            )));
        }
        let change = change_row(
            &tx,
            Table::ActorName,
            alias,
            Some(serde_json::json!({ "into_name": alias })),
        )?;
        refresh_actor_mapping(&tx)?;
        record(&tx, &format!("split “{alias}” from “{actor}”"), &[change])?;
        tx.commit()?;
        Ok(())
    }

    /// Keeps a report apart from the other articles' reports it was grouped with: it becomes an
    /// event of its own again (undoable; survives re-extraction).
    pub fn keep_apart(&mut self, event_id: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        let (key, grouped): (String, bool) = tx
            .query_row(
                "SELECT event_key, merged_into IS NOT NULL
                        OR EXISTS (SELECT 1 FROM event r WHERE r.merged_into = event.id)
                 FROM event WHERE id = ?1",
                [event_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "event",
                id: event_id,
            })?;
        if !grouped {
            return Err(StoreError::Invalid(format!(
                "event {event_id} is not grouped with reports from other articles"
            )));
        }
        let change = change_row(
            &tx,
            Table::Apart,
            &key,
            Some(serde_json::json!({ "apart": true })),
        )?;
        record(
            &tx,
            &format!("keep report {event_id} apart from the other articles' reports"),
            &[change],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// What undo and redo would do next.
    pub fn history(&self) -> Result<HistoryState> {
        let describe = |sql: &str| -> Result<Option<String>> {
            Ok(self
                .conn
                .query_row(sql, [], |r| r.get::<_, String>(0))
                .optional()?)
        };
        Ok(HistoryState {
            undo: describe(
                "SELECT description FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1",
            )?
            .map(|d| format!("Undo: {d}")),
            redo: describe("SELECT description FROM history WHERE undone = 1 ORDER BY id LIMIT 1")?
                .map(|d| format!("Redo: {d}")),
        })
    }

    /// Undoes the latest change. Returns the articles to extract again (`None`: nothing to undo).
    pub fn undo(&mut self) -> Result<Option<Reextract>> {
        self.step(true)
    }

    /// Redoes the latest undone change. Returns the articles to extract again.
    pub fn redo(&mut self) -> Result<Option<Reextract>> {
        self.step(false)
    }

    fn step(&mut self, undo: bool) -> Result<Option<Reextract>> {
        let tx = self.conn.transaction()?;
        let sql = if undo {
            "SELECT id, changes FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1"
        } else {
            "SELECT id, changes FROM history WHERE undone = 1 ORDER BY id LIMIT 1"
        };
        let Some((id, changes)) = tx
            .query_row(sql, [], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?
        else {
            return Ok(None);
        };
        let changes: Vec<RowChange> = serde_json::from_str(&changes)
            .map_err(|e| StoreError::Invalid(format!("history entry {id} is unreadable: {e}")))?;
        let mut reextract = Vec::new();
        let mut ordered: Vec<&RowChange> = changes.iter().collect();
        if undo {
            ordered.reverse();
        }
        for c in ordered {
            let row = if undo { &c.before } else { &c.after };
            write_row(&tx, c.table, &c.key, row.as_ref())?;
            reextract.extend(refresh(&tx, c.table, &c.key)?);
        }
        tx.execute(
            "UPDATE history SET undone = ?2 WHERE id = ?1",
            params![id, undo],
        )?;
        tx.commit()?;
        Ok(Some(reextract))
    }
}

/// Records a change in the history; changes undone before it can no longer be redone.
fn record(tx: &Transaction<'_>, description: &str, changes: &[RowChange]) -> Result<()> {
    tx.execute("DELETE FROM history WHERE undone = 1", [])?;
    let changes = serde_json::to_string(changes).expect("history changes serialise");
    tx.execute(
        "INSERT INTO history(at, description, changes) VALUES (?1, ?2, ?3)",
        params![now(), description, changes],
    )?;
    Ok(())
}

/// Writes `after` as the correction row for `key` and refreshes what depends on it; returns the
/// change for the history.
fn change_row(
    tx: &Transaction<'_>,
    table: Table,
    key: &str,
    after: Option<Json>,
) -> Result<RowChange> {
    let before = read_row(tx, table, key)?;
    write_row(tx, table, key, after.as_ref())?;
    refresh(tx, table, key)?;
    Ok(RowChange {
        table,
        key: key.to_string(),
        before,
        after,
    })
}

fn read_row(tx: &Transaction<'_>, table: Table, key: &str) -> Result<Option<Json>> {
    Ok(match table {
        Table::ArticleDate => tx
            .query_row(
                "SELECT date FROM correction_article_date WHERE content_hash = ?1",
                [key],
                |r| Ok(serde_json::json!({ "date": r.get::<_, String>(0)? })),
            )
            .optional()?,
        Table::Event => tx
            .query_row(
                "SELECT cameo, earliest_day, latest_day, hidden FROM correction_event WHERE event_key = ?1",
                [key],
                |r| {
                    Ok(serde_json::json!({
                        "cameo": r.get::<_, Option<String>>(0)?,
                        "earliest_day": r.get::<_, Option<i64>>(1)?,
                        "latest_day": r.get::<_, Option<i64>>(2)?,
                        "hidden": r.get::<_, bool>(3)?,
                    }))
                },
            )
            .optional()?,
        Table::ActorName => tx
            .query_row(
                "SELECT into_name FROM correction_actor_name WHERE name = ?1",
                [key],
                |r| Ok(serde_json::json!({ "into_name": r.get::<_, String>(0)? })),
            )
            .optional()?,
        Table::Apart => tx
            .query_row(
                "SELECT 1 FROM correction_event_apart WHERE event_key = ?1",
                [key],
                |_| Ok(serde_json::json!({ "apart": true })),
            )
            .optional()?,
    })
}

fn write_row(tx: &Transaction<'_>, table: Table, key: &str, row: Option<&Json>) -> Result<()> {
    let text = |field: &str| {
        row.and_then(|r| r.get(field))
            .and_then(Json::as_str)
            .map(String::from)
    };
    let int = |field: &str| row.and_then(|r| r.get(field)).and_then(Json::as_i64);
    match (table, row) {
        (Table::ArticleDate, None) => {
            tx.execute(
                "DELETE FROM correction_article_date WHERE content_hash = ?1",
                [key],
            )?;
        }
        (Table::ArticleDate, Some(_)) => {
            tx.execute(
                "INSERT INTO correction_article_date(content_hash, date, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(content_hash) DO UPDATE SET date = excluded.date, created_at = excluded.created_at",
                params![key, text("date"), now()],
            )?;
        }
        (Table::Event, None) => {
            tx.execute("DELETE FROM correction_event WHERE event_key = ?1", [key])?;
        }
        (Table::Event, Some(r)) => {
            tx.execute(
                "INSERT INTO correction_event(event_key, cameo, earliest_day, latest_day, hidden, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(event_key) DO UPDATE SET cameo = excluded.cameo, earliest_day = excluded.earliest_day,
                     latest_day = excluded.latest_day, hidden = excluded.hidden, created_at = excluded.created_at",
                params![
                    key,
                    text("cameo"),
                    int("earliest_day"),
                    int("latest_day"),
                    r.get("hidden").and_then(Json::as_bool).unwrap_or(false),
                    now()
                ],
            )?;
        }
        (Table::ActorName, None) => {
            tx.execute("DELETE FROM correction_actor_name WHERE name = ?1", [key])?;
        }
        (Table::Apart, None) => {
            tx.execute(
                "DELETE FROM correction_event_apart WHERE event_key = ?1",
                [key],
            )?;
        }
        (Table::Apart, Some(_)) => {
            tx.execute(
                "INSERT OR REPLACE INTO correction_event_apart(event_key, created_at) VALUES (?1, ?2)",
                params![key, now()],
            )?;
        }
        (Table::ActorName, Some(_)) => {
            tx.execute(
                "INSERT INTO correction_actor_name(name, into_name, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(name) DO UPDATE SET into_name = excluded.into_name, created_at = excluded.created_at",
                params![key, text("into_name"), now()],
            )?;
        }
    }
    Ok(())
}

/// Brings the effective data in line with the correction row for `key`; returns articles that
/// must be extracted again.
fn refresh(tx: &Transaction<'_>, table: Table, key: &str) -> Result<Reextract> {
    match table {
        Table::ArticleDate => {
            let id: Option<i64> = tx
                .query_row(
                    "SELECT id FROM article WHERE content_hash = ?1",
                    [key],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(id.into_iter().collect())
        }
        Table::Event => {
            let id: Option<i64> = tx
                .query_row("SELECT id FROM event WHERE event_key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(id) = id {
                apply_event_correction(tx, id, key)?;
            }
            Ok(vec![])
        }
        Table::ActorName => {
            refresh_actor_mapping(tx)?;
            Ok(vec![])
        }
        Table::Apart => {
            let id: Option<i64> = tx
                .query_row("SELECT id FROM event WHERE event_key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(id) = id {
                // The whole group is formed again: without this report when it is kept apart.
                super::merge::regroup(tx, &super::merge::group_of(tx, id)?)?;
            }
            Ok(vec![])
        }
    }
}

/// Rewrites an event's effective columns (and the copies in its index tables) from its machine
/// values and the user's correction, if any.
pub(super) fn apply_event_correction(tx: &Transaction<'_>, event_id: i64, key: &str) -> Result<()> {
    let correction: Option<(Option<String>, Option<i64>, Option<i64>, bool)> = tx
        .prepare_cached("SELECT cameo, earliest_day, latest_day, hidden FROM correction_event WHERE event_key = ?1")?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let (cameo, from, to, hidden) = correction.unwrap_or((None, None, None, false));
    let (m_cameo, m_from, m_to, merged): (String, Option<i64>, Option<i64>, Option<i64>) = tx
        .prepare_cached(
            "SELECT cameo, earliest_day, latest_day, merged_into FROM event WHERE id = ?1",
        )?
        .query_row([event_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
    // A report grouped under another event is shown through that event.
    let hidden = hidden || merged.is_some();
    let day_from = from.or(m_from);
    let day_to = to.or(m_to).or(day_from);
    let month = day_from.and_then(from_day_number).map(month_index);
    tx.prepare_cached("UPDATE event SET day_from = ?2, day_to = ?3, month = ?4, eff_cameo = ?5, hidden = ?6 WHERE id = ?1")?
        .execute(params![event_id, day_from, day_to, month, cameo.unwrap_or(m_cameo), hidden])?;
    tx.prepare_cached("UPDATE event_actor SET day_from = ?2 WHERE event_id = ?1")?
        .execute(params![event_id, day_from])?;
    tx.prepare_cached("UPDATE event_place SET day_from = ?2 WHERE event_id = ?1")?
        .execute(params![event_id, day_from])?;
    Ok(())
}

/// The name an actor name counts as after the user's corrections (following chains; a name
/// mapped to itself stops the chain).
fn resolve(tx: &Transaction<'_>, name: &str) -> Result<String> {
    let mut current = name.to_string();
    for _ in 0..32 {
        let next: Option<String> = tx
            .prepare_cached("SELECT into_name FROM correction_actor_name WHERE name = ?1")?
            .query_row([&current], |r| r.get(0))
            .optional()?;
        match next {
            Some(n) if n != current => current = n,
            _ => break,
        }
    }
    Ok(current)
}

/// Inserts an actor name as extracted (if new) and returns its row; a new name is mapped to the
/// actor the user's corrections say it counts as.
pub(super) fn upsert_actor(
    tx: &Transaction<'_>,
    name: &str,
    kind: &str,
    prov: &crate::model::Provenance,
) -> Result<i64> {
    let inserted = tx
        .prepare_cached(
            "INSERT INTO actor(canonical_name, kind, extractor, rule) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(canonical_name) DO UPDATE SET kind = excluded.kind
                 WHERE actor.kind = 'group' AND excluded.kind <> 'group'",
        )?
        .execute(params![name, kind, prov.extractor, prov.rule])?;
    let (id, eff): (i64, Option<i64>) = tx
        .prepare_cached("SELECT id, eff_id FROM actor WHERE canonical_name = ?1")?
        .query_row([name], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if inserted > 0 && eff.is_none() {
        let mut target = resolve(tx, name)?;
        if target == name {
            let full = match surname_target(tx, name, kind)? {
                Some(full) => Some(full),
                None => acronym_target(tx, name, kind)?,
            };
            if let Some(full) = full {
                target = resolve(tx, &full)?;
            }
        }
        let eff = if target == name {
            id
        } else {
            ensure_actor(tx, &target, kind)?
        };
        tx.prepare_cached("UPDATE actor SET eff_id = ?2 WHERE id = ?1")?
            .execute(params![id, eff])?;
        // A new full name takes up (or, if the short name is now shared, lets go of) the
        // surname, or the first and last name, found alone in other articles.
        for short in short_forms(name).into_iter().filter(|_| kind == "person") {
            if let Some(row) = actor_row(tx, &short)? {
                let kind: String =
                    tx.query_row("SELECT kind FROM actor WHERE id = ?1", [row], |r| r.get(0))?;
                if let Some(full) = surname_target(tx, &short, &kind)? {
                    let target = resolve(tx, &full)?;
                    let eff = ensure_actor(tx, &target, &kind)?;
                    tx.execute(
                        "UPDATE actor SET eff_id = ?2 WHERE id = ?1",
                        params![row, eff],
                    )?;
                } else if !has_correction(tx, &short)? {
                    tx.execute("UPDATE actor SET eff_id = id WHERE id = ?1", [row])?;
                }
            }
        }
    }
    Ok(id)
}

/// After articles were written: each actor they name, or named before extraction ran again,
/// takes the kind most of its mentions in all articles give it ("Mac" a person in one headline,
/// a product everywhere else) and keeps the aliases and roles some article still gives it, and
/// an actor extraction made that no article names any more is removed with its aliases and
/// roles, unless a correction names it. The name mapping is recomputed when either changed
/// anything.
pub(super) fn settle_actors(tx: &Transaction<'_>, touched: &[i64], before: &[i64]) -> Result<()> {
    let mut changed = false;
    let mut seen = HashSet::new();
    for &id in touched {
        if !seen.insert(id) {
            continue;
        }
        let Some((kind, user_made)): Option<(String, bool)> = tx
            .prepare_cached("SELECT kind, user_made FROM actor WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
        else {
            continue;
        };
        if user_made {
            continue;
        }
        // Aliases no article gives any more go, once every article's are known; so do roles.
        let dropped = tx
            .prepare_cached(
                "DELETE FROM actor_alias WHERE actor_id = ?1
                   AND NOT EXISTS (SELECT 1 FROM article_actor WHERE actor_id = ?1 AND aliases IS NULL)
                   AND alias NOT IN (SELECT j.value FROM article_actor aa, json_each(aa.aliases) j
                                     WHERE aa.actor_id = ?1)",
            )?
            .execute([id])?;
        changed |= dropped > 0;
        tx.prepare_cached(
            "DELETE FROM actor_role WHERE actor_id = ?1
               AND NOT EXISTS (SELECT 1 FROM article_actor WHERE actor_id = ?1 AND roles IS NULL)
               AND role NOT IN (SELECT j.value FROM article_actor aa, json_each(aa.roles) j
                                WHERE aa.actor_id = ?1)",
        )?
        .execute([id])?;
        // A country is the gazetteer's word.
        if kind == "country" {
            continue;
        }
        let votes: Vec<(String, i64)> = tx
            .prepare_cached(
                "SELECT kind, sum(mentions) FROM article_actor WHERE actor_id = ?1 AND kind <> 'group'
                 GROUP BY kind",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(winner) = most_given(&votes, &kind).filter(|w| *w != kind) {
            tx.prepare_cached("UPDATE actor SET kind = ?2 WHERE id = ?1")?
                .execute(params![id, winner])?;
            changed = true;
        }
    }
    let mut gone = HashSet::new();
    for &id in before {
        if !gone.insert(id) {
            continue;
        }
        let removed = tx
            .prepare_cached(
                "DELETE FROM actor WHERE id = ?1 AND user_made = 0
                   AND NOT EXISTS (SELECT 1 FROM article_actor WHERE actor_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM event_actor WHERE actor_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM correction_actor_name c
                                   WHERE c.name = actor.canonical_name OR c.into_name = actor.canonical_name)",
            )?
            .execute([id])?;
        changed |= removed > 0;
    }
    if changed {
        refresh_actor_mapping(tx)?;
    }
    Ok(())
}

/// The kind given most often; on a tie the `current` one stays if it is among the first, else
/// the first by name.
fn most_given<'a>(votes: &'a [(String, i64)], current: &str) -> Option<&'a str> {
    let top = votes.iter().map(|(_, n)| *n).max()?;
    let mut first: Vec<&str> = votes
        .iter()
        .filter(|(_, n)| *n == top)
        .map(|(k, _)| k.as_str())
        .collect();
    first.sort_unstable();
    Some(
        first
            .iter()
            .copied()
            .find(|k| *k == current)
            .unwrap_or(first[0]),
    )
}

/// After an organisation's aliases are stored: an acronym among them that another article
/// named alone ("SIA" beside "Singapore Airlines ( SIA )") now counts as the organisation, if
/// it is the one organisation with that alias and the user decided nothing about the acronym;
/// an acronym two organisations now share stands alone again.
pub(super) fn take_up_acronyms(tx: &Transaction<'_>, aliases: &[String], kind: &str) -> Result<()> {
    for alias in aliases
        .iter()
        .filter(|a| kind == "organisation" && is_acronym(a))
    {
        let Some(row) = actor_row(tx, alias)? else {
            continue;
        };
        let alone: String =
            tx.query_row("SELECT kind FROM actor WHERE id = ?1", [row], |r| r.get(0))?;
        if let Some(full) = acronym_target(tx, alias, &alone)? {
            let eff = ensure_actor(tx, &resolve(tx, &full)?, &alone)?;
            tx.execute(
                "UPDATE actor SET eff_id = ?2 WHERE id = ?1",
                params![row, eff],
            )?;
        } else if alone == "organisation" && !has_correction(tx, alias)? {
            // Now shared by two organisations: the acronym alone could be either.
            tx.execute("UPDATE actor SET eff_id = id WHERE id = ?1", [row])?;
        }
    }
    Ok(())
}

/// An organisation's acronym: two to six capitals or digits, no space ("SIA", "GAO", "3M").
fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && name.chars().any(|c| c.is_ascii_uppercase())
}

/// The organisation an acronym found alone in an article stands for: the one organisation
/// found in another article with it as an alias ("SIA" → "Singapore Airlines"). None when no
/// organisation or several have it, or when the user decided about the acronym.
fn acronym_target(tx: &Transaction<'_>, name: &str, kind: &str) -> Result<Option<String>> {
    if kind != "organisation" || !is_acronym(name) || has_correction(tx, name)? {
        return Ok(None);
    }
    let owners: Vec<String> = tx
        .prepare_cached(
            "SELECT DISTINCT a.canonical_name FROM actor_alias al JOIN actor a ON a.id = al.actor_id
             WHERE al.alias = ?1 AND a.kind = 'organisation' AND a.user_made = 0
                 AND a.canonical_name <> ?1",
        )?
        .query_map([name], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match owners.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    })
}

/// Whether the user decided what a name counts as (a rename, merge or split row).
fn has_correction(tx: &Transaction<'_>, name: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM correction_actor_name WHERE name = ?1")?
        .query_row([name], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The actor a person's surname found alone in an article stands for: the one person whose full
/// name, found in another article, ends with it ("Peskov" → "Dmitry Peskov"); likewise a first
/// and last name for the one full name with middle names between them ("Anies Baswedan" →
/// "Anies Rasyid Baswedan"). None when no person or several share the short name, or when the
/// user decided about the name (a split keeps it apart).
fn surname_target(tx: &Transaction<'_>, name: &str, kind: &str) -> Result<Option<String>> {
    if !could_be_surname(name, kind) || has_correction(tx, name)? {
        return Ok(None);
    }
    let last = name.rsplit(' ').next().unwrap_or(name);
    // `LIKE` narrows by the last word (any case); the exact match is checked after it.
    let pattern = format!(
        "% {}",
        last.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let full: Vec<String> = tx
        .prepare_cached(
            "SELECT canonical_name FROM actor
             WHERE kind = 'person' AND user_made = 0 AND canonical_name LIKE ?1 ESCAPE '\\'",
        )?
        .query_map([pattern], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(one_full_name(name, full.iter().map(String::as_str)))
}

/// A one-word person name of at least three letters, or a first and last name: what
/// [`surname_target`] links.
fn could_be_surname(name: &str, kind: &str) -> bool {
    kind == "person"
        && match name.split(' ').count() {
            1 => name.chars().count() >= 3,
            2 => true,
            _ => false,
        }
}

/// The short forms a full person name takes up in other articles: its surname, and with
/// middle names its first and last name ("Anies Rasyid Baswedan": "Baswedan", "Anies Baswedan").
fn short_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    match words[..] {
        [first, _, .., last] => vec![last.to_string(), format!("{first} {last}")],
        [_, last] => vec![last.to_string()],
        _ => vec![],
    }
}

/// The one full name among `candidates` that ends with the word `name`, or for a first and last
/// name, that has middle names between them. A first and last name beside a fuller form of it
/// counts as that one person ("Anies Baswedan" and "Anies Rasyid Baswedan" for "Baswedan").
fn one_full_name<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let found: Vec<&str> = candidates
        .filter(|f| match words[..] {
            [_] => f
                .strip_suffix(name)
                .is_some_and(|rest| rest.ends_with(' ') && rest.trim() != ""),
            [first, last] => {
                let full: Vec<&str> = f.split(' ').collect();
                full.len() > 2 && full[0] == first && full.last() == Some(&last)
            }
            _ => false,
        })
        .collect();
    let fuller = |short: &str| {
        found
            .iter()
            .any(|f| *f != short && short_forms(f).iter().any(|s| s == short))
    };
    let mut people = found.iter().filter(|f| !fuller(f));
    match (people.next(), people.next()) {
        (Some(one), None) => Some(one.to_string()),
        _ => None,
    }
}

/// [`surname_target`] for every name at once: the full person names by last word, and the names
/// the user decided about, read once.
struct Surnames {
    by_last_word: HashMap<String, Vec<String>>,
    /// Organisations by their acronym aliases ([`acronym_target`]).
    by_acronym: HashMap<String, Vec<String>>,
    decided: HashSet<String>,
}

impl Surnames {
    fn load(tx: &Transaction<'_>) -> Result<Surnames> {
        let mut by_last_word: HashMap<String, Vec<String>> = HashMap::new();
        let names: Vec<String> = tx
            .prepare("SELECT canonical_name FROM actor WHERE kind = 'person' AND user_made = 0")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for name in names {
            if let Some((_, last)) = name.rsplit_once(' ') {
                by_last_word.entry(last.to_string()).or_default().push(name);
            }
        }
        let decided = tx
            .prepare("SELECT name FROM correction_actor_name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut by_acronym: HashMap<String, Vec<String>> = HashMap::new();
        let owned: Vec<(String, String)> = tx
            .prepare(
                "SELECT DISTINCT al.alias, a.canonical_name FROM actor_alias al
                 JOIN actor a ON a.id = al.actor_id
                 WHERE a.kind = 'organisation' AND a.user_made = 0 AND a.canonical_name <> al.alias",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (alias, owner) in owned.into_iter().filter(|(a, _)| is_acronym(a)) {
            by_acronym.entry(alias).or_default().push(owner);
        }
        Ok(Surnames {
            by_last_word,
            by_acronym,
            decided,
        })
    }

    /// [`acronym_target`] from the loaded aliases.
    fn acronym(&self, name: &str, kind: &str) -> Option<String> {
        if kind != "organisation" || !is_acronym(name) || self.decided.contains(name) {
            return None;
        }
        match self.by_acronym.get(name)?.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
    }

    fn target(&self, name: &str, kind: &str) -> Option<String> {
        if !could_be_surname(name, kind) || self.decided.contains(name) {
            return None;
        }
        let last = name.rsplit(' ').next().unwrap_or(name);
        let candidates = self.by_last_word.get(last)?;
        one_full_name(name, candidates.iter().map(String::as_str))
    }
}

/// The row of an actor name, creating it as a user-made name when missing.
fn ensure_actor(tx: &Transaction<'_>, name: &str, kind: &str) -> Result<i64> {
    if let Some(id) = actor_row(tx, name)? {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO actor(canonical_name, kind, extractor, rule, user_made) VALUES (?1, ?2, 'user', 'user', 1)",
        params![name, kind],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute("UPDATE actor SET eff_id = id WHERE id = ?1", [id])?;
    Ok(id)
}

fn actor_row(tx: &Transaction<'_>, name: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM actor WHERE canonical_name = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()?)
}

fn effective_of(tx: &Transaction<'_>, row: i64) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT coalesce(eff_id, id) FROM actor WHERE id = ?1",
        [row],
        |r| r.get(0),
    )?)
}

/// The effective actor a name or alias refers to (any case), by row id.
fn effective_id(tx: &Transaction<'_>, name: &str) -> Result<i64> {
    tx.query_row(
        "SELECT coalesce(eff_id, id) FROM actor WHERE canonical_name = ?1 COLLATE NOCASE
         UNION ALL SELECT coalesce(m.eff_id, m.id) FROM actor_alias al JOIN actor m ON m.id = al.actor_id
             WHERE al.alias = ?1 COLLATE NOCASE LIMIT 1",
        [name],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::UnknownName {
        what: "actor",
        name: name.to_string(),
    })
}

/// The effective actor's name for a name or alias.
fn effective_name(tx: &Transaction<'_>, name: &str) -> Result<String> {
    let id = effective_id(tx, name)?;
    Ok(tx.query_row(
        "SELECT canonical_name FROM actor WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

/// Recomputes which actor every actor name counts as, from the correction rows; drops user-made
/// names nothing counts as any more.
fn refresh_actor_mapping(tx: &Transaction<'_>) -> Result<()> {
    let rows: Vec<(i64, String, String, Option<i64>)> = tx
        .prepare("SELECT id, canonical_name, kind, eff_id FROM actor WHERE user_made = 0")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let surnames = Surnames::load(tx)?;
    for (id, name, kind, eff) in rows {
        let mut target = resolve(tx, &name)?;
        if target == name {
            let full = surnames
                .target(&name, &kind)
                .or_else(|| surnames.acronym(&name, &kind));
            if let Some(full) = full {
                target = resolve(tx, &full)?;
            }
        }
        let want = if target == name {
            id
        } else {
            ensure_actor(tx, &target, &kind)?
        };
        if eff != Some(want) {
            tx.prepare_cached("UPDATE actor SET eff_id = ?2 WHERE id = ?1")?
                .execute(params![id, want])?;
        }
    }
    // A user-made name that was renamed again points on too.
    let made: Vec<(i64, String, String)> = tx
        .prepare("SELECT id, canonical_name, kind FROM actor WHERE user_made = 1")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, name, kind) in made {
        let target = resolve(tx, &name)?;
        let want = if target == name {
            id
        } else {
            ensure_actor(tx, &target, &kind)?
        };
        tx.execute(
            "UPDATE actor SET eff_id = ?2 WHERE id = ?1",
            params![id, want],
        )?;
    }
    // Machine names pointing at a user-made name that now points on are re-pointed above only if
    // they resolve there; point every row at the end of its chain.
    tx.execute_batch(
        "UPDATE actor SET eff_id = (SELECT coalesce(t.eff_id, t.id) FROM actor t WHERE t.id = actor.eff_id)
         WHERE eff_id IS NOT NULL AND eff_id <> id;
         DELETE FROM actor WHERE user_made = 1
             AND NOT EXISTS (SELECT 1 FROM actor b WHERE b.eff_id = actor.id AND b.id <> actor.id)
             AND NOT EXISTS (SELECT 1 FROM correction_actor_name c WHERE c.into_name = actor.canonical_name);",
    )?;
    Ok(())
}

fn show_day(day: i64) -> String {
    from_day_number(day).map_or_else(|| day.to_string(), |d| d.to_string())
}

fn short(title: &str) -> String {
    let mut out: String = title.chars().take(40).collect();
    if title.chars().count() > 40 {
        out.push('…');
    }
    out
}
