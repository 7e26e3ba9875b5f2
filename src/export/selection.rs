//! What an export holds: the events matching a filter, with their actors, places, source articles
//! and mentions, and a caption that says what was selected.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::store::{EventFilter, Result, Store};
use crate::view::{ActorRow, ArticleSummary, EventRow, PlaceRow};

/// An event as exported: the listing row, its type's name, where its evidence is, its places
/// with coordinates and every article reporting it.
#[derive(Debug, Clone, Serialize)]
pub struct ExportEvent {
    #[serde(flatten)]
    pub row: EventRow,
    pub type_name: String,
    /// UTF-8 byte offsets of the evidence in the article text.
    pub evidence_start: i64,
    pub evidence_end: i64,
    pub place_details: Vec<PlaceRow>,
    pub sources: Vec<Source>,
}

/// One article's report of an exported event.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub event_id: i64,
    pub article_id: i64,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub evidence: String,
    /// UTF-8 byte offsets of the evidence in that article's text.
    pub evidence_start: i64,
    pub evidence_end: i64,
}

/// A name found in a source article (UTF-8 byte offsets into its text).
#[derive(Debug, Clone, Serialize)]
pub struct ExportMention {
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub kind: String,
}

/// What the selection is: shown under every chart and stored in every data file.
#[derive(Debug, Clone, Serialize)]
pub struct Caption {
    /// The filters in words ("actor: Russia"), empty when none.
    pub filters: Vec<String>,
    /// First and last day covered: the filter's window, else the events' extent.
    pub from: Option<String>,
    pub to: Option<String>,
    pub events: usize,
    /// Events without a date (listed in data files, not drawn on a time axis).
    pub undated: usize,
    pub articles: usize,
    pub sources: Vec<String>,
    pub languages: Vec<String>,
    /// The day of the export (ISO).
    pub exported: String,
}

impl Caption {
    /// The caption in one line of words.
    pub fn text(&self) -> String {
        let mut parts = Vec::new();
        if self.events == 0 {
            parts.push("No events match the filters".to_string());
        } else {
            let plural = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            let mut counts = format!(
                "{} from {}",
                plural(self.events, "event", "events"),
                plural(self.articles, "article", "articles")
            );
            if !self.sources.is_empty() {
                counts.push_str(&format!(
                    ", {} ({})",
                    plural(self.sources.len(), "source", "sources"),
                    list(&self.sources, 4)
                ));
            }
            parts.push(counts);
        }
        match (&self.from, &self.to) {
            (Some(f), Some(t)) if f == t => parts.push(f.clone()),
            (Some(f), Some(t)) => parts.push(format!("{f} to {t}")),
            (Some(f), None) => parts.push(format!("from {f}")),
            (None, Some(t)) => parts.push(format!("until {t}")),
            (None, None) => {}
        }
        if !self.languages.is_empty() {
            parts.push(format!("languages: {}", self.languages.join(", ")));
        }
        parts.push(if self.filters.is_empty() {
            "no filters".to_string()
        } else {
            format!("filters: {}", self.filters.join("; "))
        });
        parts.push(format!("exported {} with Linimasa", self.exported));
        parts.join(" · ")
    }
}

fn list(items: &[String], max: usize) -> String {
    if items.len() <= max {
        items.join(", ")
    } else {
        format!("{}, +{} more", items[..max].join(", "), items.len() - max)
    }
}

/// The filtered events and everything they refer to.
#[derive(Debug, Clone, Serialize)]
pub struct Selection {
    pub caption: Caption,
    pub events: Vec<ExportEvent>,
    pub actors: Vec<ActorRow>,
    pub places: Vec<PlaceRow>,
    pub articles: Vec<ArticleSummary>,
    pub mentions: Vec<ExportMention>,
    /// The filter's window is of report time: a timeline chart places each event on the day its
    /// article was published.
    #[serde(skip)]
    pub reported: bool,
}

impl Selection {
    /// Everything matching `filter` (its limit is ignored: an export is never cut short).
    pub fn gather(store: &Store, filter: &EventFilter, today: chrono::NaiveDate) -> Result<Self> {
        let filter = EventFilter {
            limit: None,
            ..filter.clone()
        };
        let rows = store.events(&filter)?;
        let places = store.place_counts(&filter)?;
        let place_by_name: BTreeMap<&str, &PlaceRow> =
            places.iter().map(|p| (p.name.as_str(), p)).collect();
        let mut events = Vec::with_capacity(rows.len());
        let mut article_ids = BTreeSet::new();
        for row in rows {
            let sources = sources(store, row.id)?;
            article_ids.extend(sources.iter().map(|s| s.article_id));
            let (evidence_start, evidence_end) = sources
                .first()
                .map_or((0, 0), |s| (s.evidence_start, s.evidence_end));
            events.push(ExportEvent {
                type_name: crate::events::cameo_name(&row.cameo).to_string(),
                place_details: row
                    .places
                    .iter()
                    .filter_map(|p| place_by_name.get(p.as_str()).map(|p| (*p).clone()))
                    .collect(),
                row,
                evidence_start,
                evidence_end,
                sources,
            });
        }
        let names: BTreeSet<&str> = events
            .iter()
            .flat_map(|e| e.row.actors.iter().map(String::as_str))
            .collect();
        let actors: Vec<ActorRow> = store
            .actors()?
            .into_iter()
            .filter(|a| names.contains(a.name.as_str()))
            .collect();
        let articles: Vec<ArticleSummary> = store
            .articles()?
            .into_iter()
            .filter(|a| article_ids.contains(&a.id))
            .collect();
        let mentions = mentions(store, &article_ids)?;
        let days: Vec<&String> = events
            .iter()
            .flat_map(|e| [e.row.earliest.as_ref(), e.row.latest.as_ref()])
            .flatten()
            .collect();
        let sources: BTreeSet<String> = articles
            .iter()
            .filter_map(|a| a.publisher.clone())
            .collect();
        let languages: BTreeSet<String> =
            articles.iter().filter_map(|a| a.language.clone()).collect();
        let caption = Caption {
            filters: describe(&filter),
            from: filter
                .from
                .map(|d| d.to_string())
                .or_else(|| days.iter().min().map(|d| d.to_string())),
            to: filter
                .to
                .map(|d| d.to_string())
                .or_else(|| days.iter().max().map(|d| d.to_string())),
            events: events.len(),
            undated: events.iter().filter(|e| e.row.earliest.is_none()).count(),
            articles: articles.len(),
            sources: sources.into_iter().collect(),
            languages: languages.into_iter().collect(),
            exported: today.to_string(),
        };
        Ok(Selection {
            caption,
            events,
            actors,
            places,
            articles,
            mentions,
            reported: filter.reported,
        })
    }
}

/// The filter in words, one item per field set.
fn describe(filter: &EventFilter) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |what: &str, value: &Option<String>| {
        if let Some(v) = value {
            out.push(format!("{what}: {v}"));
        }
    };
    push("actor", &filter.actor);
    push("place", &filter.place);
    push(
        "type",
        &filter
            .cameo
            .as_ref()
            .map(|c| match crate::events::TypeSelection::parse(c) {
                Ok(types) => types.describe(),
                Err(_) => c.clone(),
            }),
    );
    push("source", &filter.publisher);
    push("language", &filter.language);
    push(
        "modality",
        &filter.modality.as_ref().map(|m| {
            crate::model::Modality::parse(m).map_or(m.clone(), |m| m.label().to_lowercase())
        }),
    );
    push("claimed by", &filter.attribution);
    let window = filter.from.is_some() || filter.to.is_some();
    push(
        "dates",
        &if filter.reported && window {
            Some("the window is of report time (when the articles were published)".to_string())
        } else if filter.certain && window {
            Some("certainly inside the window".to_string())
        } else {
            None
        },
    );
    push("text", &filter.text);
    if let Some(a) = filter.article {
        out.push(format!("article: {a}"));
    }
    out
}

/// The reports of an event: itself first, then those grouped under it.
fn sources(store: &Store, event: i64) -> Result<Vec<Source>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT e.id, e.article_id, a.title, a.publisher, a.url, e.evidence_text, e.evidence_start,
                e.evidence_end
         FROM event e JOIN article a ON a.id = e.article_id
         WHERE e.id = ?1 OR e.merged_into = ?1 ORDER BY e.id <> ?1, e.id",
    )?;
    let rows = stmt
        .query_map([event], |r| {
            Ok(Source {
                event_id: r.get(0)?,
                article_id: r.get(1)?,
                title: r.get(2)?,
                publisher: r.get(3)?,
                url: r.get(4)?,
                evidence: r.get(5)?,
                evidence_start: r.get(6)?,
                evidence_end: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn mentions(store: &Store, articles: &BTreeSet<i64>) -> Result<Vec<ExportMention>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT span_start, span_end, surface, kind FROM mention WHERE article_id = ?1 ORDER BY span_start",
    )?;
    let mut out = Vec::new();
    for &article_id in articles {
        for row in stmt.query_map([article_id], |r| {
            Ok(ExportMention {
                article_id,
                start: r.get(0)?,
                end: r.get(1)?,
                text: r.get(2)?,
                kind: r.get(3)?,
            })
        })? {
            out.push(row?);
        }
    }
    Ok(out)
}
