//! Stages 2 and 4: the article date ([`article_date`]) and time expressions ([`tag`]).
//!
//! The tagger ([`tagger`]) runs each language's rules from `resources/<lang>/time.toml`
//! ([`resources`]) and normalises matches to TIMEX3 in two phases: captures give a partly
//! specified value, the resolver anchors it to the article date or the narrative's reference time.

pub mod article_date;
pub mod eval;
pub mod resources;
pub mod tagger;
pub mod timeml;

pub use article_date::{
    article_date, find_dateline, infer_year, parse_date, DateContext, NeighbourDates,
};

use crate::model::{Article, TimeExpr};

/// Tags the time expressions of `article`, resolving relative ones against its publication date.
/// The language is the article's; an article of unknown language is read with every language's rules.
pub fn tag(article: &Article) -> Vec<TimeExpr> {
    let dct = article.published.as_ref().map(|p| p.date);
    match article
        .language
        .as_deref()
        .filter(|l| resources::lexicon(l).is_some())
    {
        Some(lang) => tagger::tag_text(&article.text, lang, dct),
        None => {
            let mut best = Vec::new();
            for lex in resources::lexicons() {
                let found = tagger::tag_text(&article.text, lex.lang, dct);
                if found.len() > best.len() {
                    best = found;
                }
            }
            best
        }
    }
}
