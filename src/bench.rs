//! Benchmarks on generated data (`linimasa bench import|query`): they print numbers; the numbers
//! go into BENCHMARKS.md. Nothing here is a test: speed is measured, not asserted.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::import::ImportOptions;
use crate::model::{
    Actor, ActorKind, Article, Event, Extraction, Grain, Modality, Participant, ParticipantRole,
    Provenance, Span,
};
use crate::store::{self, EventFilter, NewArticle, Store, StoreError};

/// A small deterministic generator (SplitMix64), so every run benchmarks the same data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

const WORDS: &[&str] = &[
    "pemerintah",
    "mengatakan",
    "bahwa",
    "pasukan",
    "kota",
    "perbatasan",
    "pembicaraan",
    "menteri",
    "presiden",
    "serangan",
    "warga",
    "sipil",
    "the",
    "said",
    "talks",
    "minister",
    "border",
    "forces",
    "city",
    "on",
    "yang",
    "dan",
    "di",
    "dengan",
    "untuk",
    "pada",
    "telah",
    "akan",
    "sanksi",
    "ekonomi",
    "harga",
    "rapat",
    "parlemen",
];
const WEEKDAYS_ID: &[&str] = &[
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

/// Writes `n` synthetic plain-text articles (about 2 KB each, each with a dateline) into `dir`.
pub fn write_articles(dir: &Path, n: usize, seed: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(seed);
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    for i in 0..n {
        let date = base + chrono::Duration::days(rng.below(3650) as i64);
        let weekday = WEEKDAYS_ID[chrono::Datelike::weekday(&date).num_days_from_monday() as usize];
        let mut text = format!("Berita nomor {i}\n\nJakarta, Linimasa.id - ");
        while text.len() < 2000 {
            for _ in 0..12 {
                text.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
                text.push(' ');
            }
            text.push_str(&format!(
                "kata dia, {weekday} ({}/{}).\n\n",
                chrono::Datelike::day(&date),
                chrono::Datelike::month(&date)
            ));
        }
        std::fs::write(dir.join(format!("article-{i:05}.txt")), text)?;
    }
    Ok(())
}

/// Result of the import benchmark.
#[derive(Debug)]
pub struct ImportBench {
    pub articles: u32,
    pub elapsed: Duration,
}

/// Imports `n` generated article files into a fresh workspace file under `dir`, timing the import.
pub fn import(
    dir: &Path,
    n: usize,
    extract: bool,
) -> Result<ImportBench, Box<dyn std::error::Error>> {
    let files = dir.join("articles");
    write_articles(&files, n, 42)?;
    let db = dir.join("bench-import.db");
    let _ = std::fs::remove_file(&db);
    let mut store = Store::open(&db)?;
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
    let start = Instant::now();
    let summary = crate::pipeline::import_paths(
        &mut store,
        &[files],
        &ImportOptions {
            extract,
            ..Default::default()
        },
        today,
        &AtomicBool::new(false),
        |_| {},
    )?;
    Ok(ImportBench {
        articles: summary.imported,
        elapsed: start.elapsed(),
    })
}

/// Fills `store` with `events` synthetic events spread over ten years, `actors` actors and 200
/// places, through the store's ordinary write path (1,000 events per article).
pub fn fill_events(
    store: &mut Store,
    events: usize,
    actors: usize,
    seed: u64,
) -> Result<(), StoreError> {
    let mut rng = Rng::new(seed);
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    let per_article = 1000;
    let mut written = 0;
    let mut article_no = 0;
    while written < events {
        let n = per_article.min(events - written);
        let text = format!("Synthetic article {article_no}");
        let mut extraction = Extraction::default();
        for k in 0..n {
            let start = base + chrono::Duration::days(rng.below(3650) as i64);
            let end = start + chrono::Duration::days(rng.below(3) as i64);
            let a1 = format!("Actor {}", rng.below(actors as u64));
            let a2 = format!("Actor {}", rng.below(actors as u64));
            extraction.events.push(Event {
                cameo: format!("{:02}", 1 + rng.below(20)),
                date_value: Some(start.to_string()),
                earliest: Some(start),
                latest: Some(end),
                precision: Grain::Day,
                date_derivation: "synthetic".into(),
                participants: vec![
                    Participant {
                        actor: a1.clone(),
                        role: ParticipantRole::Agent,
                    },
                    Participant {
                        actor: a2,
                        role: ParticipantRole::Target,
                    },
                ],
                places: vec![format!("Place {}", rng.below(200))],
                evidence: Span::new(k, k + 1),
                // Distinct wording, so that only events alike in type, date and actors group.
                evidence_text: format!("synthetic report {:07} by {a1}", written + k),
                trigger: None,
                attribution: None,
                modality: Modality::Asserted,
                confidence: 0.5,
                provenance: Provenance::rule("bench.synthetic"),
            });
        }
        if article_no == 0 {
            extraction.actors = (0..actors)
                .map(|i| Actor {
                    canonical_name: format!("Actor {i}"),
                    kind: ActorKind::Person,
                    aliases: vec![],
                    roles: Vec::new(),
                    provenance: Provenance::rule("bench.synthetic"),
                })
                .collect();
        }
        let article = Article {
            id: 0,
            content_hash: store::content_hash(&text, &text),
            title: text.clone(),
            publisher: Some(format!("Publisher {}", article_no % 7)),
            url: None,
            language: Some("en".into()),
            section: None,
            text: text.clone(),
            warnings: vec![],
            // Spread over the ten years, for the queries of report time.
            published: Some(crate::model::PublishedDate {
                date: base + chrono::Duration::days((article_no * 37 % 3650) as i64),
                method: crate::model::DateMethod::Metadata,
                evidence: None,
                span: None,
                confidence: 1.0,
                derivation: "synthetic".into(),
            }),
            source: None,
        };
        store.insert_articles(&[NewArticle {
            article,
            extraction,
            date_meta: None,
            file_modified: None,
        }])?;
        written += n;
        article_no += 1;
    }
    Ok(())
}

/// Timing of one query kind over repeated random runs.
#[derive(Debug)]
pub struct QueryTimes {
    pub name: &'static str,
    pub runs: usize,
    pub p50: Duration,
    pub p95: Duration,
    pub max: Duration,
    pub mean_rows: f64,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// A random 30-day window in the ten generated years, for one random actor.
fn actor_month(rng: &mut Rng, base: NaiveDate, actors: usize) -> EventFilter {
    let from = base + chrono::Duration::days(rng.below(3620) as i64);
    EventFilter {
        from: Some(from),
        to: Some(from + chrono::Duration::days(30)),
        actor: Some(format!("Actor {}", rng.below(actors as u64))),
        ..Default::default()
    }
}

/// Runs the timeline queries the app makes: every event as the timeline's columns (event and
/// report time), a 30-day window for one actor (also "certainly inside" and of report time), a
/// 90-day window for all actors (limit 5,000 rows), the whole-range histogram, one actor's
/// histogram, and the Articles tab's list for one actor and for a month of one event type.
pub fn queries(
    store: &Store,
    actors: usize,
    runs: usize,
    seed: u64,
) -> Result<Vec<QueryTimes>, StoreError> {
    let mut rng = Rng::new(seed);
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    let mut out = Vec::new();
    /// What a query returns: the timeline's rows, the per-month histogram, or the Articles
    /// tab's list.
    #[derive(Clone, Copy, PartialEq)]
    enum Answer {
        Events,
        /// Every event as the timeline's columns (what the app loads; run a twentieth as often).
        Columns,
        Histogram,
        Articles,
    }
    use Answer::{Articles, Columns, Events, Histogram};
    type Kind = (
        &'static str,
        fn(&mut Rng, NaiveDate, usize) -> EventFilter,
        Answer,
    );
    let kinds: [Kind; 10] = [
        (
            "timeline columns: every event (event time)",
            |_, _, _| EventFilter::default(),
            Columns,
        ),
        (
            "timeline columns: every event (report time)",
            |_, _, _| EventFilter {
                reported: true,
                ..Default::default()
            },
            Columns,
        ),
        ("timeline: 30-day window + actor", actor_month, Events),
        (
            "timeline: 30-day window + actor, certainly inside",
            |rng, base, actors| EventFilter {
                certain: true,
                ..actor_month(rng, base, actors)
            },
            Events,
        ),
        (
            "timeline: 30-day window of report time + actor",
            |rng, base, actors| EventFilter {
                reported: true,
                ..actor_month(rng, base, actors)
            },
            Events,
        ),
        (
            "timeline: 90-day window, all actors, 5000 rows",
            |rng, base, _| {
                let from = base + chrono::Duration::days(rng.below(3560) as i64);
                EventFilter {
                    from: Some(from),
                    to: Some(from + chrono::Duration::days(90)),
                    limit: Some(5000),
                    ..Default::default()
                }
            },
            Events,
        ),
        (
            "histogram: per month, all events",
            |_, _, _| EventFilter::default(),
            Histogram,
        ),
        (
            "histogram: per month, one actor",
            |rng, _, actors| EventFilter {
                actor: Some(format!("Actor {}", rng.below(actors as u64))),
                ..Default::default()
            },
            Histogram,
        ),
        (
            "articles: one actor (the Articles tab)",
            |rng, _, actors| EventFilter {
                actor: Some(format!("Actor {}", rng.below(actors as u64))),
                ..Default::default()
            },
            Articles,
        ),
        (
            "articles: 30-day window + one type",
            |rng, base, _| {
                let from = base + chrono::Duration::days(rng.below(3620) as i64);
                EventFilter {
                    from: Some(from),
                    to: Some(from + chrono::Duration::days(30)),
                    cameo: Some(format!("{:02}", 1 + rng.below(20))),
                    ..Default::default()
                }
            },
            Articles,
        ),
    ];
    for (name, make, answer) in kinds {
        let runs = if answer == Columns {
            (runs / 20).max(3)
        } else {
            runs
        };
        let mut times = Vec::with_capacity(runs);
        let mut rows = 0usize;
        for _ in 0..runs {
            let filter = make(&mut rng, base, actors);
            let start = Instant::now();
            rows += match answer {
                Events => store.events(&filter)?.len(),
                Histogram => store.month_histogram(&filter)?.len(),
                Articles => store.article_selection(&filter)?.len(),
                Columns => store.timeline_columns(&filter)?.len(),
            };
            times.push(start.elapsed());
        }
        times.sort();
        out.push(QueryTimes {
            name,
            runs,
            p50: percentile(&times, 0.5),
            p95: percentile(&times, 0.95),
            max: *times.last().expect("runs > 0"),
            mean_rows: rows as f64 / runs as f64,
        });
    }
    Ok(out)
}

/// Result of the tagging benchmark.
#[derive(Debug)]
pub struct TagBench {
    pub documents: usize,
    pub tokens: usize,
    pub bytes: usize,
    pub timexes: usize,
    pub elapsed: Duration,
    /// The same texts through the names tagger (the language's model, or its rules).
    pub names: usize,
    pub name_tokens: usize,
    pub names_elapsed: Duration,
    /// The same texts through recognition and resolution as an import runs them
    /// ([`crate::names::recognize`]: names, then actors with aliases and roles, places with
    /// coordinates): how many actors and places, and how long.
    pub resolved: usize,
    pub resolved_elapsed: Duration,
    /// The same texts' words through the part-of-speech tagger, where the language has a model
    /// (sentences as the events stage cuts them).
    pub pos_tokens: usize,
    pub pos_elapsed: Duration,
    /// The events stage alone, on the time expressions and names found above.
    pub events: usize,
    pub events_elapsed: Duration,
}

/// Tags `texts` (language, text, article date) `rounds` times with the time-expression tagger.
pub fn tag(texts: &[(String, String, Option<NaiveDate>)], rounds: usize) -> TagBench {
    let tokens: usize = texts
        .iter()
        .map(|(_, t, _)| t.split_whitespace().count())
        .sum::<usize>()
        * rounds;
    let bytes: usize = texts.iter().map(|(_, t, _)| t.len()).sum::<usize>() * rounds;
    let mut timexes = 0;
    // Compile the rules before timing.
    for (lang, _, _) in texts {
        let _ = crate::time::tagger::tag_text("", lang, None);
    }
    let start = Instant::now();
    for _ in 0..rounds {
        for (lang, text, dct) in texts {
            timexes += crate::time::tagger::tag_text(text, lang, *dct).len();
        }
    }
    let elapsed = start.elapsed();
    let name_tokens = texts
        .iter()
        .map(|(_, t, _)| t.split_whitespace().count())
        .sum::<usize>()
        * rounds;
    // Load the models, word lists and gazetteer before timing, as for the time rules.
    for (lang, _, _) in texts {
        let _ = crate::names::find_names("Kata Dmitry Peskov di Moskow, Rusia.", lang);
    }
    let start = Instant::now();
    let mut names = 0;
    for _ in 0..rounds {
        for (lang, text, _) in texts {
            names += crate::names::find_names(text, lang).len();
        }
    }
    let names_elapsed = start.elapsed();
    let articles: Vec<crate::model::Article> = texts
        .iter()
        .map(|(lang, text, _)| crate::model::Article::of_text(text, lang))
        .collect();
    let start = Instant::now();
    let mut resolved = 0;
    for _ in 0..rounds {
        for article in &articles {
            let found = crate::names::recognize(article, &[]);
            resolved += found.actors.len() + found.places.len();
        }
    }
    let resolved_elapsed = start.elapsed();
    let start = Instant::now();
    let mut pos_tokens = 0;
    for _ in 0..rounds {
        for article in &articles {
            let lang = article.language.as_deref().unwrap_or_default();
            let Some(model) = crate::pos::model(lang) else {
                continue;
            };
            let tokens = crate::names::tokenize::tokenize(&article.text);
            for sentence in crate::names::tokenize::sentences(&article.text, &tokens) {
                let words: Vec<&str> = tokens[sentence].iter().map(|t| t.text).collect();
                pos_tokens += model.tag(&words).len();
            }
        }
    }
    let pos_elapsed = start.elapsed();
    let found: Vec<_> = articles
        .iter()
        .zip(texts)
        .map(|(article, (lang, text, dct))| {
            let times = crate::time::tagger::tag_text(text, lang, *dct);
            let names = crate::names::recognize(article, &times);
            (times, names)
        })
        .collect();
    let start = Instant::now();
    let mut events = 0;
    for _ in 0..rounds {
        for (article, (times, names)) in articles.iter().zip(&found) {
            events += crate::events::extract(article, times, names).len();
        }
    }
    TagBench {
        documents: texts.len() * rounds,
        tokens,
        bytes,
        timexes,
        elapsed,
        names,
        name_tokens,
        names_elapsed,
        resolved,
        resolved_elapsed,
        pos_tokens,
        pos_elapsed,
        events,
        events_elapsed: start.elapsed(),
    }
}

/// Synthetic events for the graph benchmark: `events` events among `actors` actors, two or three
/// actors each, over ten years.
pub fn graph_events(actors: usize, events: usize, seed: u64) -> Vec<crate::view::EventRow> {
    let mut rng = Rng::new(seed);
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    (0..events)
        .map(|i| {
            let n = 2 + rng.below(2) as usize;
            let day = (base + chrono::Duration::days(rng.below(3650) as i64)).to_string();
            crate::view::EventRow {
                id: i as i64,
                article_id: 0,
                cameo: "01".into(),
                date_value: Some(day.clone()),
                earliest: Some(day.clone()),
                latest: Some(day),
                precision: "day".into(),
                evidence: String::new(),
                // A skewed choice, as in news: a few actors take part in much.
                actors: (0..n)
                    .map(|_| {
                        let cap = rng.below(actors as u64) + 1;
                        format!("Actor {}", rng.below(cap))
                    })
                    .collect(),
                places: vec![],
                modality: "asserted".into(),
                confidence: 1.0,
                participants: vec![],
                attribution: None,
                derivation: "synthetic".into(),
                article_title: String::new(),
                publisher: None,
                reports: 1,
                trigger: None,
                reported: None,
            }
        })
        .collect()
}

/// Every stored event, grouped reports included (a filled workspace is reused when it holds the
/// number asked for).
pub fn stored_events(store: &Store) -> Result<i64, StoreError> {
    Ok(store
        .conn()
        .query_row("SELECT count(*) FROM event", [], |r| r.get(0))?)
}
