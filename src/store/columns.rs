//! The timeline's query: every matching event as columns (see [`TimelineColumns`]).

use std::collections::HashMap;

use rusqlite::params_from_iter;

use super::query::{EventFilter, REPORTS, REPORT_DAY};
use super::{Result, Store};
use crate::view::{ColumnArticle, Interner, TimelineColumns, NO_DAY};

impl Store {
    /// Every visible event matching `filter` (its limit ignored), in date order (undated
    /// last), with each participant as the actor it counts as, its role, and its places.
    pub fn timeline_columns(&self, filter: &EventFilter) -> Result<TimelineColumns> {
        let mut columns = TimelineColumns {
            actor_start: vec![0],
            place_start: vec![0],
            ..TimelineColumns::default()
        };
        let (from_sql, mut conditions, args) = self.event_source(filter)?;
        let Some(from_sql) = from_sql else {
            return Ok(columns);
        };
        conditions.push("e.hidden = 0".into());
        let matching = format!("FROM {from_sql} WHERE {}", conditions.join(" AND "));

        let mut precisions = Interner::default();
        let mut cameos = Interner::default();
        let mut modalities = Interner::default();
        let mut values = Interner::default();
        let mut article_index: HashMap<i64, i32> = HashMap::new();
        let mut article_ids: Vec<i64> = Vec::new();
        let mut row_of: HashMap<i64, usize> = HashMap::new();
        // In report time an event stands on the day it was reported, a day.
        let (day_from, day_to, precision, value) = if filter.reported {
            let date = format!("date({REPORT_DAY} + 2440587.5)");
            (
                REPORT_DAY.to_string(),
                REPORT_DAY.to_string(),
                "'day'".to_string(),
                date,
            )
        } else {
            (
                "e.day_from".into(),
                "e.day_to".into(),
                "e.precision".into(),
                "e.date_value".into(),
            )
        };
        // Sorted here rather than by SQLite: its temporary sort of every row cost more than
        // the query (100,000 events: 0.35 s against 0.13 s unsorted).
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT e.id, {day_from} AS d, {day_to}, {precision}, e.eff_cameo, e.modality, e.confidence,
                    e.article_id, {value},
                    (SELECT count(*) FROM event r WHERE r.merged_into = e.id) + 1
             {matching}"
        ))?;
        struct Row {
            id: i64,
            from: Option<i64>,
            to: Option<i64>,
            precision: String,
            cameo: String,
            modality: String,
            confidence: f64,
            article: i64,
            value: Option<String>,
            reports: i32,
        }
        let mut found: Vec<Row> = Vec::new();
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            found.push(Row {
                id: r.get(0)?,
                from: r.get(1)?,
                to: r.get(2)?,
                precision: r.get(3)?,
                cameo: r.get(4)?,
                modality: r.get(5)?,
                confidence: r.get(6)?,
                article: r.get(7)?,
                value: r.get(8)?,
                reports: r.get(9)?,
            });
        }
        drop(rows);
        // Date order, undated last, then by id.
        found.sort_unstable_by_key(|r| (r.from.is_none(), r.from, r.id));
        for r in found {
            if row_of.contains_key(&r.id) {
                continue;
            }
            row_of.insert(r.id, columns.id.len());
            let day = |d: Option<i64>| d.and_then(|d| i32::try_from(d).ok()).unwrap_or(NO_DAY);
            columns.id.push(r.id as i32);
            columns.earliest.push(day(r.from));
            columns.latest.push(day(r.to));
            columns.precision.push(precisions.get(&r.precision));
            columns.cameo.push(cameos.get(&r.cameo));
            columns.modality.push(modalities.get(&r.modality));
            columns.confidence.push(r.confidence as f32);
            let next = article_ids.len() as i32;
            columns
                .article
                .push(*article_index.entry(r.article).or_insert_with(|| {
                    article_ids.push(r.article);
                    next
                }));
            columns.value.push(r.value.map_or(-1, |v| values.get(&v)));
            columns.reports.push(r.reports);
        }

        // Participants and places of the selected events, grouped by event.
        let mut participants: Vec<Vec<(i64, String)>> = vec![Vec::new(); columns.len()];
        // A grouped event's participants and places are those of every report in it, as the
        // actor and place filters and the facets count them.
        // A large selection reads every participant and place in one pass and keeps those of
        // the selected events and of the reports grouped into them (100,000 events selected:
        // 0.1 s against 0.22 s); a small one looks up its own.
        let all: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM event", [], |r| r.get(0))?;
        let whole = columns.len() as i64 * 3 >= all;
        let mut group_of: HashMap<i64, i64> = HashMap::new();
        if whole {
            let mut stmt = self.conn().prepare_cached(
                "SELECT id, merged_into FROM event WHERE merged_into IS NOT NULL",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                group_of.insert(r.get(0)?, r.get(1)?);
            }
        }
        // (event, report) pairs as the queries below give them: in the one pass the event is
        // the report's group.
        let (source, first, args): (String, &str, &[rusqlite::types::Value]) = if whole {
            (String::new(), "x.event_id, x.event_id", &[])
        } else {
            (
                format!("WITH sel AS (SELECT e.id AS id {matching}), {REPORTS}"),
                "grp.gid, grp.rid",
                &args,
            )
        };
        let from = |table: &str| {
            if whole {
                format!("{table} x")
            } else {
                format!("grp JOIN {table} x ON x.event_id = grp.rid")
            }
        };
        let row_of_pair = |event: i64, report: i64| -> Option<(usize, bool, i64)> {
            let gid = if whole {
                group_of.get(&event).copied().unwrap_or(event)
            } else {
                event
            };
            row_of.get(&gid).map(|&k| (k, gid != report, report))
        };
        // Each event's own participants first, then its reports' in id order (sorted here, as
        // above).
        let mut stmt = self.conn().prepare_cached(&format!(
            "{source} SELECT {first}, x.actor_id, x.role, m.eff_id
             FROM {} JOIN actor m ON m.id = x.actor_id",
            from("event_actor")
        ))?;
        let mut found: Vec<(usize, bool, i64, i64, String, i64)> = Vec::new();
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            if let Some((k, report, rid)) = row_of_pair(r.get(0)?, r.get(1)?) {
                found.push((k, report, rid, r.get(2)?, r.get(3)?, r.get(4)?));
            }
        }
        drop(rows);
        found.sort_unstable();
        for (k, _, _, _, role, actor) in found {
            let pair = (actor, role);
            if !participants[k].contains(&pair) {
                participants[k].push(pair);
            }
        }
        let mut places: Vec<Vec<i64>> = vec![Vec::new(); columns.len()];
        let mut stmt = self.conn().prepare_cached(&format!(
            "{source} SELECT {first}, x.place_id FROM {}",
            from("event_place")
        ))?;
        let mut found: Vec<(usize, bool, i64, i64)> = Vec::new();
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            if let Some((k, report, rid)) = row_of_pair(r.get(0)?, r.get(1)?) {
                found.push((k, report, rid, r.get(2)?));
            }
        }
        drop(rows);
        found.sort_unstable();
        for (k, _, _, place) in found {
            if !places[k].contains(&place) {
                places[k].push(place);
            }
        }

        let actor_names = self.names_of("actor", participants.iter().flatten().map(|p| p.0))?;
        let place_names = self.names_of("place", places.iter().flatten().copied())?;
        let mut actors = Interner::default();
        let mut roles = Interner::default();
        let mut place_table = Interner::default();
        for (k, list) in participants.iter().enumerate() {
            for (actor, role) in list {
                let name = actor_names.get(actor).map_or("?", String::as_str);
                columns.actor.push(actors.get(name));
                columns.role.push(roles.get(role));
            }
            columns.actor_start.push(columns.actor.len() as i32);
            for place in &places[k] {
                let name = place_names.get(place).map_or("?", String::as_str);
                columns.place.push(place_table.get(name));
            }
            columns.place_start.push(columns.place.len() as i32);
        }

        let mut titles: HashMap<i64, ColumnArticle> = HashMap::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, coalesce(title, ''), publisher FROM article
             WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        let ids = serde_json::to_string(&article_ids).expect("ids serialise");
        let mut rows = stmt.query([ids])?;
        while let Some(r) = rows.next()? {
            titles.insert(
                r.get(0)?,
                ColumnArticle {
                    title: r.get(1)?,
                    publisher: r.get(2)?,
                },
            );
        }
        drop(rows);

        columns.tables.articles = article_ids
            .iter()
            .map(|id| {
                titles.remove(id).unwrap_or(ColumnArticle {
                    title: String::new(),
                    publisher: None,
                })
            })
            .collect();
        columns.tables.actors = actors.strings;
        columns.tables.roles = roles.strings;
        columns.tables.places = place_table.strings;
        columns.tables.cameos = cameos.strings;
        columns.tables.precisions = precisions.strings;
        columns.tables.modalities = modalities.strings;
        columns.tables.values = values.strings;
        Ok(columns)
    }

    /// The canonical names of the given actor or place ids.
    fn names_of(
        &self,
        table: &'static str,
        ids: impl Iterator<Item = i64>,
    ) -> Result<HashMap<i64, String>> {
        let mut ids: Vec<i64> = ids.collect();
        ids.sort_unstable();
        ids.dedup();
        let json = serde_json::to_string(&ids).expect("ids serialise");
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT id, canonical_name FROM {table} WHERE id IN (SELECT value FROM json_each(?1))"
        ))?;
        let names = stmt
            .query_map([json], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(names)
    }
}
