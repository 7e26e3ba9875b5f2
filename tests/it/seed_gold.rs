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

/// The seed article imported into a fresh in-memory workspace.
fn imported_seed() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let paths = [seed_path()];
    linimasa::pipeline::import_paths(
        &mut store,
        &paths,
        &Default::default(),
        date("2026-11-25"),
        &AtomicBool::new(false),
        |_| {},
    )
    .unwrap();
    store
}

fn read_gold<T: serde::de::DeserializeOwned>() -> T {
    serde_json::from_str(&std::fs::read_to_string(seed_path().with_extension("gold.json")).unwrap())
        .unwrap()
}

#[test]
fn seed_timexes_match_the_gold() {
    let gold: Gold = read_gold();
    let store = imported_seed();
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

#[derive(Deserialize)]
struct GoldNames {
    actors: Vec<GoldActor>,
    places: Vec<GoldPlace>,
}

#[derive(Deserialize)]
struct GoldActor {
    name: String,
    kind: String,
    aliases: Vec<String>,
    /// "Kremlin spokesperson (Juru bicara Kremlin)": the article's words in parentheses.
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    optional: bool,
}

#[derive(Deserialize)]
struct GoldPlace {
    name: String,
    country: String,
    lat: f64,
    lon: f64,
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

#[test]
fn seed_actors_and_places_match_the_gold() {
    let gold: GoldNames = read_gold();
    let store = imported_seed();
    let actors = store.actors().unwrap();
    let places = store.places().unwrap();
    let mut problems = Vec::new();
    for g in gold.actors.iter().filter(|a| !a.optional) {
        match actors.iter().find(|a| a.name == g.name) {
            None => problems.push(format!(
                "actor {} not found in {:?}",
                g.name,
                actors.iter().map(|a| &a.name).collect::<Vec<_>>()
            )),
            Some(a) => {
                if a.kind != g.kind {
                    problems.push(format!(
                        "actor {} is a {}, not a {}",
                        g.name, a.kind, g.kind
                    ));
                }
                let written = g
                    .role
                    .as_deref()
                    .and_then(|r| r.split_once('(')?.1.strip_suffix(')'));
                if let Some(words) = written {
                    if !a.roles.iter().any(|r| r.contains(words)) {
                        problems.push(format!(
                            "actor {} lacks the role {words:?} (has {:?})",
                            g.name, a.roles
                        ));
                    }
                }
                for alias in &g.aliases {
                    if !a.aliases.contains(alias) && &a.name != alias {
                        problems.push(format!(
                            "actor {} lacks alias {alias} (has {:?})",
                            g.name, a.aliases
                        ));
                    }
                }
            }
        }
    }
    for g in &gold.places {
        match places.iter().find(|p| p.name == g.name) {
            None => problems.push(format!("place {} not found", g.name)),
            Some(p) => {
                if p.country.as_deref() != Some(g.country.as_str()) {
                    problems.push(format!(
                        "place {} in {:?}, not {}",
                        g.name, p.country, g.country
                    ));
                }
                match (p.lat, p.lon) {
                    (Some(lat), Some(lon)) if km(lat, lon, g.lat, g.lon) <= 50.0 => {}
                    other => problems.push(format!(
                        "place {} at {other:?}, more than 50 km from the gold",
                        g.name
                    )),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[derive(Deserialize)]
struct GoldEvents {
    events: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct GoldEvent {
    id: String,
    date: serde_json::Value,
    #[serde(rename = "type")]
    cameo: String,
    actors: Vec<String>,
    evidence: String,
    #[serde(default)]
    optional: bool,
}

/// The matching rule of GOLD-FORMAT.md: evidence overlaps, the date equals the gold date or lies
/// in the gold range, and at least one actor is shared. Type agreement is counted apart.
#[test]
fn seed_events_match_the_gold() {
    let gold: GoldEvents = read_gold();
    let store = imported_seed();
    let article = store.article(store.article_ids().unwrap()[0]).unwrap();
    let events = store
        .events(&linimasa::store::EventFilter::default())
        .unwrap();
    let required: Vec<&GoldEvent> = gold.events.iter().filter(|e| !e.optional).collect();
    let mut matched = Vec::new();
    let mut typed = 0;
    for g in &required {
        let start = article
            .text
            .find(&g.evidence)
            .unwrap_or_else(|| panic!("gold evidence of {} not in the text", g.id));
        let (g_start, g_end) = (start, start + g.evidence.len());
        let (from, to) = match &g.date {
            serde_json::Value::String(d) => (d.clone(), d.clone()),
            other => (
                other["from"].as_str().unwrap().to_string(),
                other["to"].as_str().unwrap().to_string(),
            ),
        };
        let hit = events.iter().find(|e| {
            let e_start = article.text.find(&e.evidence).unwrap_or(usize::MAX);
            let overlaps = e_start < g_end && g_start < e_start.saturating_add(e.evidence.len());
            let day = e.earliest.clone().unwrap_or_default();
            overlaps && day >= from && day <= to && e.actors.iter().any(|a| g.actors.contains(a))
        });
        if let Some(e) = hit {
            matched.push(g.id.clone());
            if e.cameo == g.cameo {
                typed += 1;
            }
        }
    }
    // Precision: extracted events that match some gold event, optional ones included.
    let correct = events
        .iter()
        .filter(|e| {
            gold.events.iter().any(|g| {
                let g_start = article.text.find(&g.evidence).unwrap();
                let e_start = article.text.find(&e.evidence).unwrap_or(usize::MAX);
                let overlaps = e_start < g_start + g.evidence.len()
                    && g_start < e_start.saturating_add(e.evidence.len());
                let (from, to) = match &g.date {
                    serde_json::Value::String(d) => (d.clone(), d.clone()),
                    other => (
                        other["from"].as_str().unwrap().to_string(),
                        other["to"].as_str().unwrap().to_string(),
                    ),
                };
                let day = e.earliest.clone().unwrap_or_default();
                overlaps
                    && day >= from
                    && day <= to
                    && e.actors.iter().any(|a| g.actors.contains(a))
            })
        })
        .count();
    println!(
        "seed events: {} of {} required gold events matched ({typed} with the same type); {} extracted, {correct} of them correct",
        matched.len(),
        required.len(),
        events.len()
    );
    // The targets: at least 11 of 12, type agreement >= 0.8, precision >= 0.8.
    assert!(
        matched.len() >= 11,
        "only {:?} of {} matched",
        matched,
        required.len()
    );
    assert!(
        correct * 5 >= events.len() * 4,
        "precision {correct} of {} extracted",
        events.len()
    );
    assert!(
        typed * 5 >= matched.len() * 4,
        "type agreement {typed} of {}",
        matched.len()
    );
}
