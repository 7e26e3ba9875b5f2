//! Stages 2 and 4: the article date ([`article_date`]) and time expressions ([`tag`]).
//!
//! The time-expression tagger proper (TIMEX3 rules for Indonesian and English, two-phase
//! normalisation) arrives with its own issue. Until then [`tag`] reports only the dateline the
//! article date was read from, as a fully specified DATE.

pub mod article_date;

pub use article_date::{article_date, find_dateline, infer_year, parse_date, DateContext};

use crate::model::{Anchor, Article, DateMethod, Grain, Provenance, TimeExpr, TimexType};

/// Tags the time expressions of `article`, resolving relative ones against `dct` (the article
/// date). Currently: the dateline only (see the module docs).
pub fn tag(article: &Article) -> Vec<TimeExpr> {
    let Some(published) = &article.published else {
        return vec![];
    };
    let Some(span) = published.span else {
        return vec![];
    };
    let Some(surface) = span.slice(&article.text) else {
        return vec![];
    };
    let rule = match published.method {
        DateMethod::WeekdayInference => "dateline.weekday_inference",
        DateMethod::Dateline => "dateline.full_date",
        _ => return vec![],
    };
    vec![TimeExpr {
        span,
        surface: surface.to_string(),
        timex_type: TimexType::Date,
        value: published.date.format("%Y-%m-%d").to_string(),
        grain: Grain::Day,
        earliest: Some(published.date),
        latest: Some(published.date),
        anchor: if published.method == DateMethod::WeekdayInference {
            Anchor::ArticleDate(published.date)
        } else {
            Anchor::None
        },
        provenance: Provenance::rule(rule),
    }]
}
