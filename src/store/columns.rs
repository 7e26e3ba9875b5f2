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
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT e.id, {day_from} AS d, {day_to}, {precision}, e.eff_cameo, e.modality, e.confidence,
                    e.article_id, {value},
                    (SELECT count(*) FROM event r WHERE r.merged_into = e.id) + 1
             {matching} ORDER BY d IS NULL, d, e.id"
        ))?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if row_of.contains_key(&id) {
                continue;
            }
            row_of.insert(id, columns.id.len());
            let day = |d: Option<i64>| d.and_then(|d| i32::try_from(d).ok()).unwrap_or(NO_DAY);
            columns.id.push(id as i32);
            columns.earliest.push(day(r.get(1)?));
            columns.latest.push(day(r.get(2)?));
            columns
                .precision
                .push(precisions.get(r.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?));
            columns
                .cameo
                .push(cameos.get(r.get_ref(4)?.as_str().map_err(rusqlite::Error::from)?));
            columns
                .modality
                .push(modalities.get(r.get_ref(5)?.as_str().map_err(rusqlite::Error::from)?));
            columns.confidence.push(r.get::<_, f64>(6)? as f32);
            let article: i64 = r.get(7)?;
            let next = article_ids.len() as i32;
            columns
                .article
                .push(*article_index.entry(article).or_insert_with(|| {
                    article_ids.push(article);
                    next
                }));
            let value: Option<String> = r.get(8)?;
            columns.value.push(value.map_or(-1, |v| values.get(&v)));
            columns.reports.push(r.get(9)?);
        }
        drop(rows);

        // Participants and places of the selected events, grouped by event.
        let mut participants: Vec<Vec<(i64, String)>> = vec![Vec::new(); columns.len()];
        // A grouped event's participants and places are those of every report in it, as the
        // actor and place filters and the facets count them.
        let mut stmt = self.conn().prepare_cached(&format!(
            "WITH sel AS (SELECT e.id AS id {matching}), {REPORTS}
             SELECT grp.gid, m.eff_id, ea.role FROM grp JOIN event_actor ea ON ea.event_id = grp.rid
               JOIN actor m ON m.id = ea.actor_id
             ORDER BY grp.gid, grp.gid <> grp.rid, grp.rid, ea.actor_id, ea.role"
        ))?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let Some(&k) = row_of.get(&r.get::<_, i64>(0)?) else {
                continue;
            };
            let pair = (r.get::<_, i64>(1)?, r.get::<_, String>(2)?);
            if !participants[k].contains(&pair) {
                participants[k].push(pair);
            }
        }
        drop(rows);
        let mut places: Vec<Vec<i64>> = vec![Vec::new(); columns.len()];
        let mut stmt = self.conn().prepare_cached(&format!(
            "WITH sel AS (SELECT e.id AS id {matching}), {REPORTS}
             SELECT grp.gid, ep.place_id FROM grp JOIN event_place ep ON ep.event_id = grp.rid
             ORDER BY grp.gid, grp.gid <> grp.rid, grp.rid, ep.place_id"
        ))?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let Some(&k) = row_of.get(&r.get::<_, i64>(0)?) else {
                continue;
            };
            let place: i64 = r.get(1)?;
            if !places[k].contains(&place) {
                places[k].push(place);
            }
        }
        drop(rows);

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
