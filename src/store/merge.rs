//! One real-world event reported by several articles becomes one event with several sources.
//!
//! Two reports from different articles are grouped when they have the same type, their dates
//! overlap (within a day), they share an actor, and either their evidence is alike (shared
//! words), or they share a second actor or a place. Statements need closer evidence: the same
//! spokesperson says many things on one day. A report of what happened (asserted or reported)
//! and one of what is planned, supposed or denied are never the same event, nor are two of
//! different such kinds. Only events dated to within a month take part. Untyped events (type
//! `events::OTHER`, one per event verb or noun) group only with reports found by the same word:
//! "selected" and "defeated" in one copied sentence are two events.
//! A group's representative is its lowest event id; the other reports point at it with
//! `merged_into` and are hidden from listings, so counts, histograms and indexes need no change.
//! The user can keep a report apart (`correction_event_apart`, undoable).

use std::collections::{BTreeSet, HashSet};

use rusqlite::{params, OptionalExtension, Transaction};

use super::Result;

/// Reports dated more loosely than this (in days) are never grouped.
const MAX_RANGE_DAYS: i64 = 31;

/// Words of a piece of evidence that carry meaning (three letters or more, lower-cased).
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Jaccard similarity of two word sets.
fn similarity(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

/// Whether two reports that share an actor tell of the same event.
fn same_event(cameo: &str, sim: f64, shared_actors: i64, shared_places: i64) -> bool {
    if cameo == "01" {
        sim >= 0.3
    } else {
        sim >= 0.15 || shared_actors >= 2 || shared_places >= 1
    }
}

/// What a report's modality says of the event's reality: a report that it happened (asserted,
/// or reported by someone) or one of the other kinds (planned, hypothetical, denied).
fn modality_kind(modality: &str) -> &str {
    if modality == "reported" {
        "asserted"
    } else {
        modality
    }
}

/// Groups each event of an article with matching reports from other articles.
pub(super) fn merge_article(tx: &Transaction<'_>, article_id: i64) -> Result<()> {
    let ids: Vec<i64> = tx
        .prepare_cached("SELECT id FROM event WHERE article_id = ?1 ORDER BY id")?
        .query_map([article_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        merge_event(tx, id)?;
    }
    Ok(())
}

/// Events of other articles grouped under this article's events (before these are deleted).
pub(super) fn reports_of_article(tx: &Transaction<'_>, article_id: i64) -> Result<Vec<i64>> {
    Ok(tx
        .prepare_cached(
            "SELECT r.id FROM event r JOIN event e ON e.id = r.merged_into
             WHERE e.article_id = ?1 AND r.article_id <> ?1 ORDER BY r.id",
        )?
        .query_map([article_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Takes events out of their groups and groups them again from scratch.
pub(super) fn regroup(tx: &Transaction<'_>, ids: &[i64]) -> Result<()> {
    for &id in ids {
        set_group(tx, id, None)?;
    }
    for &id in ids {
        merge_event(tx, id)?;
    }
    Ok(())
}

/// Every event in the group of `id` (its representative and all reports), in id order.
pub(super) fn group_of(tx: &Transaction<'_>, id: i64) -> Result<Vec<i64>> {
    let rep: Option<Option<i64>> = tx
        .prepare_cached("SELECT merged_into FROM event WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let Some(rep) = rep else { return Ok(vec![]) };
    let rep = rep.unwrap_or(id);
    let mut ids: Vec<i64> = tx
        .prepare_cached("SELECT id FROM event WHERE merged_into = ?1")?
        .query_map([rep], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.push(rep);
    ids.sort_unstable();
    Ok(ids)
}

/// Points `id` at a representative (or at none) and updates its effective visibility.
fn set_group(tx: &Transaction<'_>, id: i64, rep: Option<i64>) -> Result<()> {
    tx.prepare_cached("UPDATE event SET merged_into = ?2 WHERE id = ?1")?
        .execute(params![id, rep])?;
    let key: String = tx
        .prepare_cached("SELECT event_key FROM event WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    super::curation::apply_event_correction(tx, id, &key)
}

/// Groups one event with the matching reports of other articles (and their groups).
pub(super) fn merge_event(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let row: Option<(
        i64,
        Option<i64>,
        Option<i64>,
        String,
        String,
        String,
        Option<i64>,
        String,
        Option<String>,
    )> = tx
        .prepare_cached(
            "SELECT article_id, day_from, day_to, eff_cameo, evidence_text, event_key, merged_into,
                    modality, trigger_text
             FROM event WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })
        .optional()?;
    let Some((article, Some(from), to, cameo, evidence, key, current, modality, trigger)) = row
    else {
        return Ok(());
    };
    let to = to.unwrap_or(from);
    let excluded: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM correction_event WHERE event_key = ?1 AND hidden = 1)
                 OR EXISTS (SELECT 1 FROM correction_event_apart WHERE event_key = ?1)",
        )?
        .query_row([&key], |r| r.get(0))?;
    if excluded || to - from > MAX_RANGE_DAYS {
        return Ok(());
    }
    let mine = words(&evidence);
    // This event's actors (as the actors they count as) and places.
    let ids = |sql: &str| -> Result<Vec<i64>> {
        Ok(tx
            .prepare_cached(sql)?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    };
    let actors = ids(
        "SELECT DISTINCT m.eff_id FROM event_actor a JOIN actor m ON m.id = a.actor_id
         WHERE a.event_id = ?1",
    )?;
    if actors.is_empty() {
        return Ok(());
    }
    let places = ids("SELECT place_id FROM event_place WHERE event_id = ?1")?;
    // Candidates: other articles' reports of the same type in the date window that share an
    // actor, with their actors and places to count what else they share. The (type, day) index
    // bounds the scan: a candidate spans at most MAX_RANGE_DAYS, so it starts at most that long
    // before this event.
    let sql = "SELECT e.id, e.merged_into, e.evidence_text,
                (SELECT group_concat(DISTINCT m.eff_id) FROM event_actor a JOIN actor m ON m.id = a.actor_id
                  WHERE a.event_id = e.id),
                (SELECT group_concat(place_id) FROM event_place WHERE event_id = e.id),
                e.modality
         FROM event e
         WHERE e.eff_cameo = ?4 AND e.day_from BETWEEN ?1 - 1 - ?5 AND ?2 + 1
           AND e.day_to >= ?1 - 1 AND e.article_id <> ?3 AND e.day_to - e.day_from <= ?5
           AND EXISTS (SELECT 1 FROM event_actor a JOIN actor m ON m.id = a.actor_id
                       WHERE a.event_id = e.id AND m.eff_id IN (SELECT value FROM json_each(?6)))
           AND NOT EXISTS (SELECT 1 FROM correction_event c WHERE c.event_key = e.event_key AND c.hidden = 1)
           AND NOT EXISTS (SELECT 1 FROM correction_event_apart x WHERE x.event_key = e.event_key)
           AND (?4 <> ?8 OR lower(coalesce(e.trigger_text, '')) = lower(coalesce(?7, '')))";
    let actor_list = serde_json::to_string(&actors).expect("ids serialise");
    let split = |s: Option<String>| -> Vec<i64> {
        s.unwrap_or_default()
            .split(',')
            .filter_map(|x| x.parse().ok())
            .collect()
    };
    let candidates: Vec<(i64, Option<i64>, String, i64, i64, bool)> = tx
        .prepare_cached(sql)?
        .query_map(
            params![
                from,
                to,
                article,
                cameo,
                MAX_RANGE_DAYS,
                actor_list,
                trigger,
                crate::events::OTHER
            ],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                ))
            },
        )?
        .map(|row| {
            row.map(
                |(other, merged, text, their_actors, their_places, their_modality)| {
                    let shared = |mine: &[i64], theirs: Vec<i64>| {
                        theirs.iter().filter(|x| mine.contains(x)).count() as i64
                    };
                    (
                        other,
                        merged,
                        text,
                        shared(&actors, split(their_actors)),
                        shared(&places, split(their_places)),
                        modality_kind(&their_modality) == modality_kind(&modality),
                    )
                },
            )
        })
        .collect::<rusqlite::Result<_>>()?;
    let mut reps: BTreeSet<i64> = BTreeSet::new();
    for (other, merged, text, shared_actors, shared_places, same_kind) in candidates {
        if shared_actors == 0 || !same_kind {
            continue;
        }
        let sim = similarity(&mine, &words(&text));
        if same_event(&cameo, sim, shared_actors, shared_places) {
            reps.insert(merged.unwrap_or(other));
        }
    }
    if reps.is_empty() {
        return Ok(());
    }
    reps.insert(current.unwrap_or(id));
    let rep = *reps.iter().next().expect("not empty");
    // Everything in the joined groups now points at the lowest id.
    let mut members: BTreeSet<i64> = reps.clone();
    members.insert(id);
    for r in &reps {
        let pointing: Vec<i64> = tx
            .prepare_cached("SELECT id FROM event WHERE merged_into = ?1")?
            .query_map([r], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        members.extend(pointing);
    }
    for m in members {
        let want = (m != rep).then_some(rep);
        let now: Option<i64> = tx
            .prepare_cached("SELECT merged_into FROM event WHERE id = ?1")?
            .query_row([m], |r| r.get(0))?;
        if now != want {
            set_group(tx, m, want)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_similarity_and_the_rule() {
        let a = words("Russian forces shelled Kharkiv on Monday");
        let b = words("Kharkiv was shelled by Russian forces");
        assert!(similarity(&a, &b) > 0.5);
        assert_eq!(similarity(&a, &words("")), 0.0);
        assert!(
            same_event("19", 0.0, 2, 0),
            "two shared actors suffice for a fight"
        );
        assert!(!same_event("19", 0.05, 1, 0));
        assert!(
            !same_event("01", 0.2, 3, 1),
            "statements need alike evidence"
        );
        assert!(same_event("01", 0.4, 1, 0));
        assert_eq!(modality_kind("reported"), modality_kind("asserted"));
        assert_ne!(modality_kind("planned"), modality_kind("asserted"));
        assert_ne!(modality_kind("denied"), modality_kind("hypothetical"));
    }
}
