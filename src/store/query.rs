//! Read queries: listings, the filtered timeline query and the per-month histogram.
//!
//! The timeline query picks its driving index from the filter: an actor or place filter walks that
//! actor's or place's (id, day) index; a bare date window walks the R*Tree; otherwise the date index.

use chrono::NaiveDate;
use rusqlite::{params_from_iter, types::Value};

use super::{day_number, from_day_number, Result, Store, StoreError};
use crate::model::{DateMethod, Modality, Span};
use crate::view::{
    ActorRow, ArticleDetail, ArticleSummary, EventDetail, EventRow, EventSpanView, FacetCount,
    Facets, MentionView, MonthCount, PlaceRow, PublishedView, TimexView,
};

/// Each facet lists at most this many values.
pub const FACET_LIMIT: usize = 200;

/// A facet's (value, count) rows.
type ValueCounts = Vec<(String, i64)>;

/// The day (days since 1970-01-01) event `e` was reported: its article's publication date, or
/// the user's correction of it. For a grouped event, the earliest day of its reports (the
/// article it was first stored from may have been published later).
pub(super) const REPORT_DAY: &str =
    "(SELECT MIN(CAST(julianday(coalesce(c.date, a.pub_date)) - 2440587.5 AS INTEGER))
     FROM event r JOIN article a ON a.id = r.article_id
     LEFT JOIN correction_article_date c USING (content_hash)
     WHERE r.id = e.id OR r.merged_into = e.id)";

/// A common table `grp(gid, rid)` after `sel(id)`: every selected event (gid) with each of its
/// reports (rid) — itself and the reports grouped into it.
pub(super) const REPORTS: &str = "grp AS (SELECT id AS gid, id AS rid FROM sel
                        UNION ALL SELECT merged_into, id FROM event
                        WHERE merged_into IN (SELECT id FROM sel))";

/// The listing's actors, places and participants of event `e`: its own, and for a grouped
/// event also those of every report grouped into it (as the filters and facets count them).
const GROUPED_ACTORS: &str = "(SELECT json_group_array(x.canonical_name) FROM
    (SELECT DISTINCT m.eff_id, a.canonical_name FROM event_actor ea
       JOIN actor m ON m.id = ea.actor_id JOIN actor a ON a.id = m.eff_id
     WHERE ea.event_id = e.id OR ea.event_id IN (SELECT id FROM event WHERE merged_into = e.id)) x)";
const GROUPED_PLACES: &str = "(SELECT json_group_array(x.canonical_name) FROM
    (SELECT DISTINCT p.id, p.canonical_name FROM event_place ep JOIN place p ON p.id = ep.place_id
     WHERE ep.event_id = e.id OR ep.event_id IN (SELECT id FROM event WHERE merged_into = e.id)) x)";
const GROUPED_PARTICIPANTS: &str = "(SELECT json_group_array(json_object('actor', x.canonical_name, 'role', x.role)) FROM
    (SELECT DISTINCT m.eff_id, a.canonical_name, ea.role FROM event_actor ea
       JOIN actor m ON m.id = ea.actor_id JOIN actor a ON a.id = m.eff_id
     WHERE ea.event_id = e.id OR ea.event_id IN (SELECT id FROM event WHERE merged_into = e.id)) x)";

/// Which events a query returns. Every field narrows the result; the default returns all visible events.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// Events overlapping the window [from, to] (inclusive). Undated events are left out when set.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only events whose every possible day lies inside the window ("certainly in March"), not
    /// those that merely may fall in it ("possibly in March", an overlap: the default).
    pub certain: bool,
    /// The window is of report time: the events reported (their article published) in it,
    /// whenever they happened; the timeline places them on that day too.
    pub reported: bool,
    /// An actor's canonical name or one of its aliases.
    pub actor: Option<String>,
    /// A place's canonical name.
    pub place: Option<String>,
    /// Event types as [`crate::events::TypeSelection`] reads them: "04", "01,19" (any of these)
    /// or "-00" (all but these); CAMEO root codes "01".."20" and "00" (`events::OTHER`).
    pub cameo: Option<String>,
    /// Full-text search over the articles the events come from (FTS5 query syntax).
    pub text: Option<String>,
    /// A source: the publisher's name.
    pub publisher: Option<String>,
    /// A language code of the articles the events come from.
    pub language: Option<String>,
    /// A modality ("asserted", "reported", "denied", "planned", "hypothetical").
    pub modality: Option<String>,
    /// Who claims the events: the actor an event is attributed to (a name or alias).
    pub attribution: Option<String>,
    pub article: Option<i64>,
    pub limit: Option<usize>,
}

impl EventFilter {
    /// Whether a field that only events have narrows the selection (articles without events
    /// then drop out of the article selection; the histogram cannot use its per-month table).
    fn on_events(&self) -> bool {
        self.actor.is_some()
            || self.place.is_some()
            || self.cameo.is_some()
            || self.modality.is_some()
            || self.attribution.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }

    fn window(&self) -> Option<(i64, i64)> {
        if self.from.is_none() && self.to.is_none() {
            return None;
        }
        Some((
            self.from.map_or(i64::MIN / 4, day_number),
            self.to.map_or(i64::MAX / 4, day_number),
        ))
    }
}

const SUMMARY_COLUMNS: &str = "a.id, a.title, a.publisher, a.url, a.language, a.warnings, a.source,
     coalesce(c.date, a.pub_date), CASE WHEN c.date IS NOT NULL THEN 'user' ELSE a.pub_method END,
     CASE WHEN c.date IS NOT NULL THEN NULL ELSE a.pub_evidence END,
     CASE WHEN c.date IS NOT NULL THEN 1.0 ELSE a.pub_confidence END,
     (SELECT count(*) FROM event e WHERE e.article_id = a.id AND e.hidden = 0)";

fn summary_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    let warnings: String = r.get(5)?;
    let date: Option<String> = r.get(7)?;
    let method: Option<String> = r.get(8)?;
    Ok(ArticleSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        publisher: r.get(2)?,
        url: r.get(3)?,
        language: r.get(4)?,
        warnings: serde_json::from_str(&warnings).unwrap_or_default(),
        source: r.get(6)?,
        published: date.map(|date| PublishedView {
            date,
            method: method
                .as_deref()
                .and_then(DateMethod::parse)
                .unwrap_or(DateMethod::Metadata),
            evidence: r.get(9).ok().flatten(),
            confidence: r.get::<_, Option<f32>>(10).ok().flatten().unwrap_or(0.0),
        }),
        events: r.get(11)?,
    })
}

fn event_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    let day = |i: usize| {
        r.get::<_, Option<i64>>(i)
            .map(|d| d.and_then(from_day_number).map(|d| d.to_string()))
    };
    let names = |i: usize| {
        r.get::<_, String>(i)
            .map(|s| serde_json::from_str::<Vec<String>>(&s).unwrap_or_default())
    };
    Ok(EventRow {
        id: r.get(0)?,
        article_id: r.get(1)?,
        cameo: r.get(2)?,
        date_value: r.get(3)?,
        earliest: day(4)?,
        latest: day(5)?,
        precision: r.get(6)?,
        evidence: r.get(7)?,
        modality: r.get(8)?,
        confidence: r.get(9)?,
        actors: names(10)?,
        places: names(11)?,
        participants: serde_json::from_str(&r.get::<_, String>(12)?).unwrap_or_default(),
        attribution: r.get(13)?,
        derivation: r.get(14)?,
        article_title: r.get(15)?,
        publisher: r.get(16)?,
        reports: r.get(17)?,
        trigger: r.get(18)?,
        reported: day(19)?,
    })
}

fn place_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PlaceRow> {
    Ok(PlaceRow {
        id: r.get(0)?,
        name: r.get(1)?,
        country: r.get(2)?,
        lat: r.get(3)?,
        lon: r.get(4)?,
        events: r.get(5)?,
    })
}

impl Store {
    /// All articles, newest publication date first (undated last).
    pub fn articles(&self) -> Result<Vec<ArticleSummary>> {
        self.article_selection(&EventFilter::default())
    }

    /// The articles a filter selects, newest first (undated last), as the Articles tab lists them.
    ///
    /// Filters on events (actor, place, type, date window) select the articles that report a
    /// selected event, the articles of reports grouped into it included; filters on articles
    /// (text, source, language) then keep the articles that pass them. With filters on articles
    /// only, every article that passes them is listed, also one without events. No filter lists
    /// every article.
    pub fn article_selection(&self, filter: &EventFilter) -> Result<Vec<ArticleSummary>> {
        let (sql, args) = self.article_selection_sql(filter, SUMMARY_COLUMNS)?;
        let Some(sql) = sql else {
            return Ok(vec![]);
        };
        let sql = format!(
            "{sql} ORDER BY coalesce(c.date, a.pub_date) IS NULL, coalesce(c.date, a.pub_date) DESC, a.id"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args), summary_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// How many articles `article_selection` lists.
    pub fn article_selection_count(&self, filter: &EventFilter) -> Result<i64> {
        let (sql, args) = self.article_selection_sql(filter, "count(*)")?;
        let Some(sql) = sql else {
            return Ok(0);
        };
        Ok(self
            .conn()
            .query_row(&sql, params_from_iter(args), |r| r.get(0))?)
    }

    /// `SELECT columns FROM article a LEFT JOIN correction_article_date c WHERE ...` for the
    /// articles a filter selects; None when it names an actor or place the store does not have.
    fn article_selection_sql(
        &self,
        filter: &EventFilter,
        columns: &str,
    ) -> Result<(Option<String>, Vec<Value>)> {
        let mut conditions: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if filter.on_events() {
            let (from_sql, mut event_conditions, event_args) = self.event_source(filter)?;
            let Some(from_sql) = from_sql else {
                return Ok((None, args));
            };
            event_conditions.push("e.hidden = 0".into());
            conditions.push(format!(
                "a.id IN (WITH sel AS (SELECT DISTINCT e.id AS id FROM {from_sql} WHERE {}), {REPORTS}
                          SELECT r.article_id FROM grp JOIN event r ON r.id = grp.rid)",
                event_conditions.join(" AND ")
            ));
            args.extend(event_args);
        }
        article_conditions(filter, "a.id", &mut conditions, &mut args);
        if conditions.is_empty() {
            conditions.push("1".into());
        }
        Ok((
            Some(format!(
                "SELECT {columns} FROM article a LEFT JOIN correction_article_date c USING (content_hash)
                 WHERE {}",
                conditions.join(" AND ")
            )),
            args,
        ))
    }

    /// Articles whose title or text match an FTS5 query, best match first.
    pub fn search_articles(&self, query: &str) -> Result<Vec<ArticleSummary>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM article_fts f JOIN article a ON a.id = f.rowid
             LEFT JOIN correction_article_date c USING (content_hash)
             WHERE article_fts MATCH ?1 ORDER BY f.rank"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt
            .query_map([fts_query(query)], summary_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// One article with its text, for the reader.
    pub fn article_detail(&self, id: i64) -> Result<ArticleDetail> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, a.text,
                    CASE WHEN c.date IS NOT NULL THEN 'set by the user' ELSE a.pub_derivation END
             FROM article a LEFT JOIN correction_article_date c USING (content_hash) WHERE a.id = ?1"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let mut rows = stmt.query([id])?;
        let row = rows.next()?.ok_or(StoreError::NotFound {
            what: "article",
            id,
        })?;
        let text: String = row.get(12)?;
        let time_expressions = self.timex_views(id, &text)?;
        let mentions = self.mention_views(id, &text)?;
        let events = self.event_spans(id, &text)?;
        Ok(ArticleDetail {
            summary: summary_from_row(row)?,
            text,
            date_derivation: row.get(13)?,
            time_expressions,
            mentions,
            events,
        })
    }

    /// The actor and place mentions of an article, as UTF-16 spans of `text`.
    fn mention_views(&self, article_id: i64, text: &str) -> Result<Vec<MentionView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT span_start, span_end, surface, kind FROM mention WHERE article_id = ?1 ORDER BY span_start",
        )?;
        let rows = stmt
            .query_map([article_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                ))
            })?
            .collect::<Result<Vec<(i64, i64, String, String)>, _>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(s, e, surface, kind)| {
                let (start, end) = Span::new(s as usize, e as usize).to_utf16(text)?;
                Some(MentionView {
                    start: start as u32,
                    end: end as u32,
                    text: surface,
                    kind,
                })
            })
            .collect())
    }

    /// Where each visible event of an article has its evidence (UTF-16 spans of `text`).
    fn event_spans(&self, article_id: i64, text: &str) -> Result<Vec<EventSpanView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, evidence_start, evidence_end, eff_cameo FROM event
             WHERE article_id = ?1 AND hidden = 0 ORDER BY evidence_start, id",
        )?;
        let rows = stmt
            .query_map([article_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get(3)?,
                ))
            })?
            .collect::<Result<Vec<(i64, i64, i64, String)>, _>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, s, e, cameo)| {
                let (start, end) = Span::new(s as usize, e as usize).to_utf16(text)?;
                Some(EventSpanView {
                    id,
                    start: start as u32,
                    end: end as u32,
                    cameo,
                })
            })
            .collect())
    }

    /// Everything the detail panel shows about one event (hidden events too, so that a hidden
    /// event can be shown again).
    pub fn event_detail(&self, id: i64) -> Result<EventDetail> {
        let event = self
            .event_rows("event e", "e.id = ?", vec![Value::Integer(id)], "")?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound { what: "event", id })?;
        let corrected = self
            .conn()
            .prepare_cached(
                "SELECT 1 FROM correction_event c JOIN event e ON e.event_key = c.event_key
                 WHERE e.id = ?1",
            )?
            .exists([id])?;
        // This event and the reports grouped under it, in id order (this one first).
        let report_rows: Vec<(i64, i64, i64, i64, String, String, Option<String>, String)> = self
            .conn()
            .prepare_cached(
                "SELECT e.id, e.article_id, e.evidence_start, e.evidence_end, e.evidence_text,
                        a.title, a.publisher, a.text
                 FROM event e JOIN article a ON a.id = e.article_id
                 WHERE e.id = ?1 OR e.merged_into = ?1 ORDER BY e.id <> ?1, e.id",
            )?
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut reports = Vec::new();
        let mut source = Vec::new();
        for (event_id, article_id, s, e, evidence, title, publisher, text) in report_rows {
            let (s, e) = Span::new(s as usize, e as usize)
                .to_utf16(&text)
                .unwrap_or((0, 0));
            if !source.iter().any(|a: &ArticleSummary| a.id == article_id) {
                source.extend(self.articles_by("a.id = ?1", article_id)?);
            }
            reports.push(crate::view::ReportView {
                event_id,
                article_id,
                title,
                publisher,
                evidence,
                start: s as u32,
                end: e as u32,
            });
        }
        // The first report is this event itself.
        let (start, end) = reports.first().map_or((0, 0), |r| (r.start, r.end));
        let mut stmt = self.conn().prepare_cached(
            "SELECT p.id, p.canonical_name, p.country_code, p.lat, p.lon,
                    (SELECT count(*) FROM event_place ep2 JOIN event e ON e.id = ep2.event_id
                      WHERE ep2.place_id = p.id AND e.hidden = 0)
             FROM event_place ep JOIN place p ON p.id = ep.place_id WHERE ep.event_id = ?1
             ORDER BY p.canonical_name",
        )?;
        let places = stmt
            .query_map([id], place_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(EventDetail {
            type_name: crate::events::cameo_name(&event.cameo).to_string(),
            evidence: EventSpanView {
                id,
                start,
                end,
                cameo: event.cameo.clone(),
            },
            event,
            sources: source,
            reports,
            places,
            corrected,
        })
    }

    fn articles_by(&self, condition: &str, arg: i64) -> Result<Vec<ArticleSummary>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM article a LEFT JOIN correction_article_date c USING (content_hash)
             WHERE {condition}"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map([arg], summary_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The selected events counted per actor, place, type, source and language.
    pub fn facets(&self, filter: &EventFilter) -> Result<Facets> {
        let (from_sql, mut conditions, args) = self.event_source(filter)?;
        let Some(from_sql) = from_sql else {
            return Ok(Facets::default());
        };
        conditions.push("e.hidden = 0".into());
        let selection = format!(
            "WITH sel AS (SELECT DISTINCT e.id AS id, e.article_id AS article_id, e.eff_cameo AS cameo,
                                 e.modality AS modality, e.attribution AS attribution
                          FROM {from_sql} WHERE {})",
            conditions.join(" AND ")
        );
        let count = |sql: &str| self.value_counts(&format!("{selection} {sql}"), &args);
        let plain = |rows: Vec<(String, i64)>| -> Vec<FacetCount> {
            rows.into_iter()
                .map(|(value, count)| FacetCount {
                    label: value.clone(),
                    value,
                    count,
                })
                .collect()
        };
        let total: i64 = self.conn().query_row(
            &format!("{selection} SELECT count(*) FROM sel"),
            params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let articles = self.article_selection_count(filter)?;
        Ok(Facets {
            total,
            articles,
            // A grouped event counts under the actors and places of every report in it, as the
            // actor and place filters find it.
            actors: plain(count(&format!(
                ", {REPORTS} SELECT a.canonical_name, count(DISTINCT grp.gid) AS n FROM grp
                 JOIN event_actor ea ON ea.event_id = grp.rid JOIN actor m ON m.id = ea.actor_id
                 JOIN actor a ON a.id = m.eff_id
                 GROUP BY a.id ORDER BY n DESC, a.canonical_name"
            ))?),
            places: plain(count(&format!(
                ", {REPORTS} SELECT p.canonical_name, count(DISTINCT grp.gid) AS n FROM grp
                 JOIN event_place ep ON ep.event_id = grp.rid JOIN place p ON p.id = ep.place_id
                 GROUP BY p.id ORDER BY n DESC, p.canonical_name"
            ))?),
            types: self
                .type_counts(filter, &count)?
                .into_iter()
                .map(|(value, count)| FacetCount {
                    label: crate::events::cameo_name(&value).to_string(),
                    value,
                    count,
                })
                .collect(),
            sources: plain(count(
                "SELECT ar.publisher, count(*) AS n FROM sel JOIN article ar ON ar.id = sel.article_id
                 WHERE ar.publisher IS NOT NULL GROUP BY ar.publisher ORDER BY n DESC, ar.publisher",
            )?),
            languages: plain(count(
                "SELECT ar.language, count(*) AS n FROM sel JOIN article ar ON ar.id = sel.article_id
                 WHERE ar.language IS NOT NULL GROUP BY ar.language ORDER BY n DESC, ar.language",
            )?),
            modalities: count(
                "SELECT modality, count(*) AS n FROM sel GROUP BY modality ORDER BY n DESC, modality",
            )?
            .into_iter()
            .map(|(value, count)| FacetCount {
                label: Modality::parse(&value).map_or(value.clone(), |m| m.label().to_string()),
                value,
                count,
            })
            .collect(),
            // Under the actor's current name (a merge since extraction renames it).
            attributions: plain(count(
                "SELECT coalesce((SELECT a.canonical_name FROM actor m JOIN actor a ON a.id = m.eff_id
                                  WHERE m.canonical_name = sel.attribution COLLATE NOCASE LIMIT 1),
                                 (SELECT a.canonical_name FROM actor_alias al JOIN actor m ON m.id = al.actor_id
                                    JOIN actor a ON a.id = m.eff_id
                                  WHERE al.alias = sel.attribution COLLATE NOCASE LIMIT 1),
                                 sel.attribution) AS name,
                        count(*) AS n
                 FROM sel WHERE sel.attribution IS NOT NULL GROUP BY name ORDER BY n DESC, name",
            )?),
        })
    }

    /// The events per type that the filter would select with any type selection: the type
    /// facet lists every type there is to add, leave out or take back, with its count. Without
    /// a type filter that is the selection itself (`count` over `sel`): no second query.
    fn type_counts(
        &self,
        filter: &EventFilter,
        count: &dyn Fn(&str) -> Result<ValueCounts>,
    ) -> Result<ValueCounts> {
        const PER_TYPE: &str = "GROUP BY cameo ORDER BY n DESC, cameo";
        if filter.cameo.is_none() {
            return count(&format!("SELECT cameo, count(*) AS n FROM sel {PER_TYPE}"));
        }
        let any_type = EventFilter {
            cameo: None,
            ..filter.clone()
        };
        let (from_sql, mut conditions, args) = self.event_source(&any_type)?;
        let Some(from_sql) = from_sql else {
            return Ok(vec![]);
        };
        conditions.push("e.hidden = 0".into());
        let sql = format!(
            "SELECT cameo, count(*) AS n FROM
               (SELECT DISTINCT e.id, e.eff_cameo AS cameo FROM {from_sql} WHERE {}) {PER_TYPE}",
            conditions.join(" AND ")
        );
        self.value_counts(&sql, &args)
    }

    /// The (value, count) rows of a facet query, at most `FACET_LIMIT`.
    fn value_counts(&self, sql: &str, args: &[Value]) -> Result<ValueCounts> {
        let sql = format!("{sql} LIMIT {FACET_LIMIT}");
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The places of the selected events with their coordinates and event counts, for the map.
    pub fn place_counts(&self, filter: &EventFilter) -> Result<Vec<PlaceRow>> {
        let (from_sql, mut conditions, args) = self.event_source(filter)?;
        let Some(from_sql) = from_sql else {
            return Ok(vec![]);
        };
        conditions.push("e.hidden = 0".into());
        let sql = format!(
            "WITH sel AS (SELECT DISTINCT e.id AS id FROM {from_sql} WHERE {}), {REPORTS}
             SELECT p.id, p.canonical_name, p.country_code, p.lat, p.lon, count(DISTINCT grp.gid) AS n
             FROM grp JOIN event_place ep ON ep.event_id = grp.rid JOIN place p ON p.id = ep.place_id
             GROUP BY p.id ORDER BY n DESC, p.canonical_name",
            conditions.join(" AND ")
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args), place_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// How many visible events match `filter` (ignoring its limit).
    pub fn event_count(&self, filter: &EventFilter) -> Result<i64> {
        let (from_sql, mut conditions, args) = self.event_source(filter)?;
        let Some(from_sql) = from_sql else {
            return Ok(0);
        };
        conditions.push("e.hidden = 0".into());
        let sql = format!(
            "SELECT count(DISTINCT e.id) FROM {from_sql} WHERE {}",
            conditions.join(" AND ")
        );
        Ok(self
            .conn()
            .query_row(&sql, params_from_iter(args), |r| r.get(0))?)
    }

    /// The timeline query: visible events matching `filter`, in date order (undated last).
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        let (from_sql, mut conditions, args) = self.event_source(filter)?;
        let Some(from_sql) = from_sql else {
            return Ok(vec![]);
        };
        conditions.push("e.hidden = 0".into());
        let limit = filter
            .limit
            .map_or(String::new(), |n| format!(" LIMIT {n}"));
        self.event_rows(
            &from_sql,
            &conditions.join(" AND "),
            args,
            // In report time the listing goes by the day each event was reported.
            &if filter.reported {
                format!(" ORDER BY {REPORT_DAY} IS NULL, {REPORT_DAY}, e.day_from, e.id{limit}")
            } else {
                format!(" ORDER BY e.day_from IS NULL, e.day_from, e.id{limit}")
            },
        )
    }

    /// Event rows from `from_sql` (which names the event table `e`) matching `condition`.
    fn event_rows(
        &self,
        from_sql: &str,
        condition: &str,
        args: Vec<Value>,
        suffix: &str,
    ) -> Result<Vec<EventRow>> {
        let sql = format!(
            "SELECT e.id, e.article_id, e.eff_cameo, e.date_value, e.day_from, e.day_to, e.precision, e.evidence_text,
                    e.modality, e.confidence,
                    {GROUPED_ACTORS}, {GROUPED_PLACES}, {GROUPED_PARTICIPANTS},
                    e.attribution, e.derivation,
                    (SELECT title FROM article WHERE id = e.article_id),
                    (SELECT publisher FROM article WHERE id = e.article_id),
                    (SELECT count(*) FROM event r WHERE r.merged_into = e.id) + 1,
                    e.trigger_text, {REPORT_DAY}
             FROM {from_sql} WHERE {condition}{suffix}"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args), event_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Each visible event's actors (as the actors they count as) and first day: what the actor
    /// network needs, without the rest of the listing.
    pub fn event_actor_lists(
        &self,
        filter: &EventFilter,
    ) -> Result<Vec<(Vec<String>, Option<String>)>> {
        let (from_sql, mut conditions, args) = self.event_source(filter)?;
        let Some(from_sql) = from_sql else {
            return Ok(vec![]);
        };
        conditions.push("e.hidden = 0".into());
        let sql = format!(
            "SELECT e.day_from,
                    (SELECT group_concat(a.canonical_name, char(31)) FROM
                      (SELECT DISTINCT m.eff_id FROM event_actor ea JOIN actor m ON m.id = ea.actor_id
                        WHERE ea.event_id = e.id
                           OR ea.event_id IN (SELECT id FROM event WHERE merged_into = e.id)) x
                      JOIN actor a ON a.id = x.eff_id)
             FROM {from_sql} WHERE {}",
            conditions.join(" AND ")
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                let day: Option<i64> = r.get(0)?;
                let names: Option<String> = r.get(1)?;
                Ok((
                    names
                        .map(|n| n.split('\u{1f}').map(String::from).collect())
                        .unwrap_or_default(),
                    day.and_then(from_day_number).map(|d| d.to_string()),
                ))
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Events per month (of the effective start date) among the events matching `filter`.
    pub fn month_histogram(&self, filter: &EventFilter) -> Result<Vec<MonthCount>> {
        let unfiltered = filter.actor.is_none()
            && filter.place.is_none()
            && filter.cameo.is_none()
            && filter.modality.is_none()
            && filter.attribution.is_none()
            && !filter.certain
            && !filter.reported
            && filter.text.is_none()
            && filter.publisher.is_none()
            && filter.language.is_none()
            && filter.article.is_none();
        let label = |m: i64| format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1);
        if unfiltered {
            // The per-month table kept by triggers answers without touching the events.
            let month_of = |d: Option<NaiveDate>| d.map(super::month_index);
            let (lo, hi) = (
                month_of(filter.from).unwrap_or(i64::MIN),
                month_of(filter.to).unwrap_or(i64::MAX),
            );
            let mut stmt = self.conn().prepare_cached("SELECT month, n FROM event_month WHERE n > 0 AND month BETWEEN ?1 AND ?2 ORDER BY month")?;
            let rows = stmt
                .query_map([lo, hi], |r| {
                    Ok(MonthCount {
                        month: label(r.get(0)?),
                        count: r.get(1)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            return Ok(rows);
        }
        let (from_sql, mut conditions, args) = self.event_source(filter)?;
        let Some(from_sql) = from_sql else {
            return Ok(vec![]);
        };
        conditions.push("e.hidden = 0".into());
        // Months since year 0, of the event's first day or of the day it was reported (an
        // event without a date of its own has one).
        let month = if filter.reported {
            format!(
                "(SELECT CAST(strftime('%Y', d) AS INTEGER) * 12 + CAST(strftime('%m', d) AS INTEGER) - 1
                  FROM (SELECT date({REPORT_DAY} + 2440587.5) AS d))"
            )
        } else {
            "e.month".into()
        };
        let sql = format!(
            "SELECT {month} AS m, count(*) FROM {from_sql} WHERE {} AND m IS NOT NULL
             GROUP BY m ORDER BY m",
            conditions.join(" AND ")
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                Ok(MonthCount {
                    month: label(r.get(0)?),
                    count: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The FROM clause, conditions and arguments that select the events matching `filter` (all
    /// but the limit). `None` when the actor or place is unknown (nothing can match).
    pub(super) fn event_source(
        &self,
        filter: &EventFilter,
    ) -> Result<(Option<String>, Vec<String>, Vec<Value>)> {
        let mut conditions = Vec::new();
        let mut args = Vec::new();
        let window = filter.window();
        // The day indexes serve event time only.
        let event_window = window.filter(|_| !filter.reported);
        let mut from = String::from("event e");
        if let Some(name) = &filter.actor {
            let Some(actor_id) = self.actor_id(name)? else {
                return Ok((None, conditions, args));
            };
            // Every name that counts as this actor; one row per event even with several roles;
            // an article's report grouped into another's event finds that event.
            // With a window, the (actor, day) index skips the actor's later events (a grouped
            // report is at most a day off its group's date).
            let until = event_window.map_or(String::new(), |_| " AND ea.day_from <= ?".into());
            from = format!(
                "(SELECT coalesce(r.merged_into, ea.event_id) AS event_id FROM event_actor ea
                       JOIN event r ON r.id = ea.event_id
                     WHERE ea.actor_id IN (SELECT id FROM actor WHERE eff_id = ?){until} GROUP BY 1) x
                    JOIN event e ON e.id = x.event_id"
            );
            args.push(Value::Integer(actor_id));
            if let Some((_, hi)) = event_window {
                args.push(Value::Integer(hi + 1));
            }
        } else if let Some(name) = &filter.place {
            let place_id: Option<i64> = self
                .conn()
                .prepare_cached("SELECT id FROM place WHERE canonical_name = ?1 COLLATE NOCASE")?
                .query_row([name], |r| r.get(0))
                .ok();
            let Some(place_id) = place_id else {
                return Ok((None, conditions, args));
            };
            from = "(SELECT coalesce(r.merged_into, ep.event_id) AS event_id FROM event_place ep
                       JOIN event r ON r.id = ep.event_id
                     WHERE ep.place_id = ? GROUP BY 1) x
                    JOIN event e ON e.id = x.event_id"
                .into();
            args.push(Value::Integer(place_id));
        } else if event_window.is_some() {
            from = "event_window_rtree w JOIN event e ON e.id = w.id".into();
        }
        if let (Some(name), Some(_)) = (&filter.place, &filter.actor) {
            conditions.push(
                "e.id IN (SELECT coalesce(r.merged_into, ep.event_id) FROM event_place ep
                               JOIN place p ON p.id = ep.place_id JOIN event r ON r.id = ep.event_id
                             WHERE p.canonical_name = ? COLLATE NOCASE)"
                    .into(),
            );
            args.push(Value::Text(name.clone()));
        }
        if let (Some((lo, hi)), true) = (window, filter.reported) {
            conditions.push(format!("{REPORT_DAY} BETWEEN ? AND ?"));
            args.push(Value::Integer(lo));
            args.push(Value::Integer(hi));
        } else if let Some((lo, hi)) = window {
            // Overlap: the event ends on or after `lo` and starts on or before `hi`.
            conditions.push(if from.starts_with("event_window_rtree") {
                "w.day_to >= ? AND w.day_from <= ?".into()
            } else {
                "e.day_to >= ? AND e.day_from <= ?".into()
            });
            args.push(Value::Integer(lo));
            args.push(Value::Integer(hi));
            if filter.certain {
                // Inside: it starts on or after `lo` and ends on or before `hi`.
                conditions.push("e.day_from >= ? AND e.day_to <= ?".into());
                args.push(Value::Integer(lo));
                args.push(Value::Integer(hi));
                // "On or before the article date" may be any day before it: never certainly
                // after a start (unless the user has set its date).
                if filter.from.is_some() {
                    conditions.push(
                        "(e.precision <> 'before' OR e.event_key IN
                            (SELECT event_key FROM correction_event WHERE earliest_day IS NOT NULL))"
                            .into(),
                    );
                }
            }
        }
        if let Some(modality) = &filter.modality {
            conditions.push("e.modality = ?".into());
            args.push(Value::Text(modality.clone()));
        }
        if let Some(name) = &filter.attribution {
            // Attributions keep the name found at extraction: any name of the actor counts.
            match self.actor_id(name)? {
                Some(id) => {
                    conditions.push(
                        "e.attribution IN (SELECT canonical_name FROM actor WHERE eff_id = ?
                             UNION SELECT al.alias FROM actor_alias al JOIN actor m ON m.id = al.actor_id
                               WHERE m.eff_id = ?)"
                            .into(),
                    );
                    args.push(Value::Integer(id));
                    args.push(Value::Integer(id));
                }
                None => {
                    conditions.push("e.attribution = ? COLLATE NOCASE".into());
                    args.push(Value::Text(name.clone()));
                }
            }
        }
        if let Some(types) = &filter.cameo {
            let types = crate::events::TypeSelection::parse(types).map_err(StoreError::Invalid)?;
            for (codes, op) in [(&types.only, "IN"), (&types.not, "NOT IN")] {
                if !codes.is_empty() {
                    let marks = vec!["?"; codes.len()].join(", ");
                    conditions.push(format!("e.eff_cameo {op} ({marks})"));
                    args.extend(codes.iter().map(|c| Value::Text(c.clone())));
                }
            }
        }
        article_conditions(filter, "e.article_id", &mut conditions, &mut args);
        if conditions.is_empty() {
            conditions.push("1".into());
        }
        Ok((Some(from), conditions, args))
    }

    /// The actor a name (canonical or alias, any case) refers to.
    pub fn actor_id(&self, name: &str) -> Result<Option<i64>> {
        let id = self
            .conn()
            .prepare_cached(
                "SELECT eff_id FROM actor WHERE canonical_name = ?1 COLLATE NOCASE
                 UNION ALL SELECT m.eff_id FROM actor_alias al JOIN actor m ON m.id = al.actor_id
                     WHERE al.alias = ?1 COLLATE NOCASE LIMIT 1",
            )?
            .query_row([name], |r| r.get(0))
            .ok();
        Ok(id)
    }

    /// All actors with their aliases and event counts, most active first.
    pub fn actors(&self) -> Result<Vec<ActorRow>> {
        let mut stmt = self.conn().prepare(
            "SELECT a.id, a.canonical_name, a.kind,
                    (SELECT json_group_array(alias) FROM
                      (SELECT m.canonical_name AS alias FROM actor m WHERE m.eff_id = a.id AND m.id <> a.id
                       UNION SELECT al.alias FROM actor m JOIN actor_alias al ON al.actor_id = m.id
                         WHERE m.eff_id = a.id AND al.alias <> a.canonical_name
                       ORDER BY 1)),
                    (SELECT count(DISTINCT ea.event_id) FROM actor m JOIN event_actor ea ON ea.actor_id = m.id
                      JOIN event e ON e.id = ea.event_id WHERE m.eff_id = a.id AND e.hidden = 0) AS n,
                    (SELECT json_group_array(role) FROM
                      (SELECT DISTINCT r.role FROM actor m JOIN actor_role r ON r.actor_id = m.id
                        WHERE m.eff_id = a.id ORDER BY r.role))
             FROM actor a WHERE a.eff_id = a.id ORDER BY n DESC, a.canonical_name",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let aliases: String = r.get(3)?;
                Ok(ActorRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    aliases: serde_json::from_str(&aliases).unwrap_or_default(),
                    events: r.get(4)?,
                    roles: serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default(),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// All places with coordinates when known, most mentioned first.
    pub fn places(&self) -> Result<Vec<PlaceRow>> {
        let mut stmt = self.conn().prepare(
            "SELECT p.id, p.canonical_name, p.country_code, p.lat, p.lon,
                    (SELECT count(*) FROM event_place ep JOIN event e ON e.id = ep.event_id
                      WHERE ep.place_id = p.id AND e.hidden = 0) AS n
             FROM place p ORDER BY n DESC, p.canonical_name",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(PlaceRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    country: r.get(2)?,
                    lat: r.get(3)?,
                    lon: r.get(4)?,
                    events: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The time expressions stored for an article, in text order, with UTF-16 offsets into `text`
    /// (the article's text, which the caller has at hand).
    fn timex_views(&self, article_id: i64, text: &str) -> Result<Vec<TimexView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT span_start, span_end, surface, timex_type, value, rule FROM time_expr
             WHERE article_id = ?1 ORDER BY span_start",
        )?;
        let rows = stmt
            .query_map([article_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<Result<Vec<(i64, i64, String, String, String, String)>, _>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(s, e, surface, timex_type, value, rule)| {
                let (start, end) = Span::new(s as usize, e as usize).to_utf16(text)?;
                Some(TimexView {
                    start: start as u32,
                    end: end as u32,
                    text: surface,
                    timex_type,
                    value,
                    rule,
                })
            })
            .collect())
    }
}

/// Turns what a person types into a safe FTS5 query: each word quoted (so punctuation and FTS
/// operators in the input are plain text), all words required.
/// The filter's conditions on articles (one article, publisher, language, full text), on the
/// article id in `column` ("e.article_id" for events, "a.id" for articles).
fn article_conditions(
    filter: &EventFilter,
    column: &str,
    conditions: &mut Vec<String>,
    args: &mut Vec<Value>,
) {
    if let Some(article) = filter.article {
        conditions.push(format!("{column} = ?"));
        args.push(Value::Integer(article));
    }
    if let Some(publisher) = &filter.publisher {
        conditions.push(format!(
            "{column} IN (SELECT id FROM article WHERE publisher = ?)"
        ));
        args.push(Value::Text(publisher.clone()));
    }
    if let Some(language) = &filter.language {
        conditions.push(format!(
            "{column} IN (SELECT id FROM article WHERE language = ?)"
        ));
        args.push(Value::Text(language.clone()));
    }
    if let Some(text) = &filter.text {
        conditions.push(format!(
            "{column} IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
        ));
        args.push(Value::Text(fts_query(text)));
    }
}

fn fts_query(input: &str) -> String {
    let words: Vec<String> = input
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        "\"\"".into()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(
            fts_query("Kremlin AND \"x"),
            "\"Kremlin\" \"AND\" \"\"\"x\""
        );
        assert_eq!(fts_query("  "), "\"\"");
    }
}
