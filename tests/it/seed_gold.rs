//! The seed article against its gold annotation (resources/demo/*.gold.json).

use std::sync::atomic::AtomicBool;

use linimasa::store::Store;
use serde::Deserialize;

use super::{date, seed_path};

#[derive(Deserialize)]
struct Gold {
    published: Published,
    timexes: Vec<GoldTimex>,
}

#[derive(Deserialize)]
struct Published {
    value: String,
}

#[derive(Deserialize)]
struct GoldTimex {
    text: String,
    occurrence: usize,
    #[serde(rename = "type")]
    timex_type: String,
    value: String,
    #[serde(default)]
    optional: bool,
}

#[test]
fn seed_timexes_match_the_gold() {
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(seed_path().with_extension("gold.json")).unwrap(),
    )
    .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    linimasa::pipeline::import_paths(
        &mut store,
        &[seed_path()],
        &Default::default(),
        date("2026-11-25"),
        &AtomicBool::new(false),
        |_| {},
    )
    .unwrap();
    let article = store.article(store.article_ids().unwrap()[0]).unwrap();
    assert_eq!(
        article.published.as_ref().unwrap().date.to_string(),
        gold.published.value
    );
    let extraction = linimasa::pipeline::extract(&article);
    let mut missing = Vec::new();
    let mut matched = 0;
    for g in &gold.timexes {
        // The n-th occurrence of the gold text in the article text.
        let start = article
            .text
            .match_indices(&g.text)
            .nth(g.occurrence - 1)
            .map(|(i, _)| i);
        let Some(start) = start else {
            panic!(
                "gold text {:?} #{} is not in the article",
                g.text, g.occurrence
            )
        };
        let hit = extraction
            .time_exprs
            .iter()
            .find(|t| t.span.start == start && t.span.end == start + g.text.len());
        match hit {
            Some(t) if t.value == g.value && t.timex_type.as_str() == g.timex_type => matched += 1,
            _ if g.optional => {}
            other => missing.push(format!(
                "{:?} #{} = {} {}: got {:?}",
                g.text,
                g.occurrence,
                g.timex_type,
                g.value,
                other.map(|t| &t.value)
            )),
        }
    }
    assert!(
        missing.is_empty(),
        "required gold timexes not found exactly:\n{}",
        missing.join("\n")
    );
    // Nothing tagged that the gold does not have.
    assert_eq!(
        extraction.time_exprs.len(),
        matched,
        "{:?}",
        extraction
            .time_exprs
            .iter()
            .map(|t| &t.surface)
            .collect::<Vec<_>>()
    );
}
