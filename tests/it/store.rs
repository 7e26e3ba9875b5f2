//! The store: corrections survive re-extraction and re-import, the timeline queries filter right,
//! the file stays consistent when an import is killed.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use linimasa::model::*;
use linimasa::pipeline;
use linimasa::store::{self, EventCorrection, EventFilter, NewArticle, Store};

use super::{date, seed_path};

pub fn event(
    cameo: &str,
    from: &str,
    to: &str,
    actors: &[&str],
    places: &[&str],
    at: usize,
) -> Event {
    Event {
        cameo: cameo.into(),
        date_value: Some(from.into()),
        earliest: Some(date(from)),
        latest: Some(date(to)),
        precision: Grain::Day,
        date_derivation: "test".into(),
        participants: actors
            .iter()
            .map(|a| Participant {
                actor: a.to_string(),
                role: ParticipantRole::Agent,
            })
            .collect(),
        places: places.iter().map(|p| p.to_string()).collect(),
        evidence: Span::new(at, at + 4),
        evidence_text: format!("evidence {at}"),
        trigger: None,
        attribution: None,
        modality: Modality::Asserted,
        confidence: 0.8,
        provenance: Provenance::rule("test"),
    }
}

/// An English article without a date, by `publisher`.
pub fn article(title: &str, publisher: Option<&str>, text: &str) -> Article {
    Article {
        id: 0,
        content_hash: store::content_hash(title, text),
        title: title.into(),
        publisher: publisher.map(String::from),
        url: None,
        language: Some("en".into()),
        section: None,
        text: text.into(),
        warnings: vec![],
        published: None,
        source: None,
    }
}

pub fn actor(name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
    Actor {
        canonical_name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        roles: Vec::new(),
        provenance: Provenance::rule("test"),
    }
}

/// A store with one article and five events: Russia and Ukraine, statements and fighting.
fn sample() -> (Store, i64, Extraction) {
    let mut store = Store::open_in_memory().unwrap();
    let text = "Sample text about Kremlin talks in Kharkiv.";
    let article = article("Sample", Some("Gatra.com"), text);
    let extraction = Extraction {
        actors: vec![
            actor("Russia", ActorKind::Country, &["Rusia", "Moskow"]),
            actor("Ukraine", ActorKind::Country, &["Ukraina"]),
            actor("Moscow", ActorKind::Group, &[]),
        ],
        events: vec![
            event("01", "2022-02-24", "2022-02-24", &["Russia"], &[], 0),
            event(
                "19",
                "2022-02-28",
                "2022-02-28",
                &["Russia", "Ukraine"],
                &["Kharkiv"],
                5,
            ),
            event(
                "04",
                "2022-02-28",
                "2022-03-01",
                &["Russia", "Ukraine"],
                &["Belarus"],
                10,
            ),
            event("01", "2022-03-01", "2022-03-01", &["Ukraine"], &[], 15),
            event(
                "19",
                "2022-04-10",
                "2022-04-10",
                &["Moscow"],
                &["Kharkiv"],
                20,
            ),
        ],
        ..Default::default()
    };
    let inserted = store
        .insert_articles(&[NewArticle {
            article,
            extraction: extraction.clone(),
            date_meta: None,
            file_modified: None,
        }])
        .unwrap();
    let id = match inserted[0] {
        store::Inserted::New(id) => id,
        other => panic!("{other:?}"),
    };
    (store, id, extraction)
}

/// The filter the app sends as JSON.
fn query(json: &str) -> EventFilter {
    serde_json::from_str::<linimasa::view::EventQuery>(json)
        .unwrap()
        .to_filter()
        .unwrap()
}

fn evidence(store: &Store, filter: EventFilter) -> Vec<String> {
    store
        .events(&filter)
        .unwrap()
        .into_iter()
        .map(|e| e.evidence)
        .collect()
}

#[test]
fn timeline_filters_by_window_actor_alias_place_type_source_and_text() {
    let (store, _, _) = sample();
    assert_eq!(store.events(&EventFilter::default()).unwrap().len(), 5);
    let window = EventFilter {
        from: Some(date("2022-03-01")),
        to: Some(date("2022-03-31")),
        ..Default::default()
    };
    // The 28 Feb – 1 Mar range overlaps the window.
    assert_eq!(
        evidence(&store, window.clone()),
        ["evidence 10", "evidence 15"]
    );
    let by_alias = EventFilter {
        actor: Some("Rusia".into()),
        ..window.clone()
    };
    assert_eq!(evidence(&store, by_alias), ["evidence 10"]);
    assert_eq!(
        evidence(
            &store,
            EventFilter {
                place: Some("kharkiv".into()),
                ..Default::default()
            }
        ),
        ["evidence 5", "evidence 20"]
    );
    assert_eq!(
        evidence(
            &store,
            EventFilter {
                cameo: Some("19".into()),
                actor: Some("Ukraine".into()),
                ..Default::default()
            }
        ),
        ["evidence 5"]
    );
    assert_eq!(
        store
            .events(&EventFilter {
                publisher: Some("Gatra.com".into()),
                ..Default::default()
            })
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        store
            .events(&EventFilter {
                text: Some("Kharkiv".into()),
                ..Default::default()
            })
            .unwrap()
            .len(),
        5
    );
    assert!(store
        .events(&EventFilter {
            text: Some("Jakarta".into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    assert!(store
        .events(&EventFilter {
            actor: Some("Nobody".into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    let row = &store
        .events(&EventFilter {
            place: Some("Belarus".into()),
            ..Default::default()
        })
        .unwrap()[0];
    assert_eq!(
        (row.earliest.as_deref(), row.latest.as_deref()),
        (Some("2022-02-28"), Some("2022-03-01"))
    );
    assert_eq!(row.actors, ["Russia", "Ukraine"]);
}

#[test]
fn histogram_counts_per_month_with_and_without_filters() {
    let (store, _, _) = sample();
    let all: Vec<_> = store
        .month_histogram(&EventFilter::default())
        .unwrap()
        .into_iter()
        .map(|m| (m.month, m.count))
        .collect();
    assert_eq!(
        all,
        [
            ("2022-02".to_string(), 3),
            ("2022-03".to_string(), 1),
            ("2022-04".to_string(), 1)
        ]
    );
    let ukraine: Vec<_> = store
        .month_histogram(&EventFilter {
            actor: Some("Ukraine".into()),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|m| (m.month, m.count))
        .collect();
    assert_eq!(
        ukraine,
        [("2022-02".to_string(), 2), ("2022-03".to_string(), 1)]
    );
    let march = store
        .month_histogram(&EventFilter {
            from: Some(date("2022-03-01")),
            to: Some(date("2022-12-31")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(march.len(), 2);
}

#[test]
fn corrections_survive_re_extraction() {
    let (mut store, article_id, extraction) = sample();
    let events = store.events(&EventFilter::default()).unwrap();
    let first = events
        .iter()
        .find(|e| e.evidence == "evidence 0")
        .unwrap()
        .id;
    let noise = events
        .iter()
        .find(|e| e.evidence == "evidence 15")
        .unwrap()
        .id;
    store
        .correct_event(
            first,
            &EventCorrection {
                cameo: Some("20".into()),
                earliest: Some(date("2022-02-23")),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .correct_event(
            noise,
            &EventCorrection {
                hidden: Some(true),
                ..Default::default()
            },
        )
        .unwrap();
    store.merge_actors("Moscow", "Russia").unwrap();
    store
        .set_article_date(article_id, date("2022-03-02"))
        .unwrap();

    let check = |store: &Store| {
        let rows = store.events(&EventFilter::default()).unwrap();
        assert_eq!(rows.len(), 4, "hidden event is gone");
        let edited = rows.iter().find(|e| e.evidence == "evidence 0").unwrap();
        assert_eq!(
            (edited.cameo.as_str(), edited.earliest.as_deref()),
            ("20", Some("2022-02-23"))
        );
        let moscow = rows.iter().find(|e| e.evidence == "evidence 20").unwrap();
        assert_eq!(moscow.actors, ["Russia"]);
        assert!(store.actors().unwrap().iter().all(|a| a.name != "Moscow"));
        assert_eq!(
            store.article(article_id).unwrap().published.unwrap().date,
            date("2022-03-02")
        );
        assert_eq!(
            store
                .month_histogram(&EventFilter::default())
                .unwrap()
                .iter()
                .map(|m| m.count)
                .sum::<i64>(),
            4
        );
        assert_eq!(store.check().unwrap(), Vec::<String>::new());
    };
    check(&store);
    // Extraction runs again and writes the same machine output: corrections still hold.
    store.replace_extraction(article_id, &extraction).unwrap();
    check(&store);
}

/// Everything a listing shows about events and actors, to compare states before and after undo.
fn snapshot(
    store: &Store,
) -> (
    Vec<linimasa::view::EventRow>,
    Vec<(String, Vec<String>, i64)>,
) {
    let events = store.events(&EventFilter::default()).unwrap();
    let actors = store
        .actors()
        .unwrap()
        .into_iter()
        .map(|a| (a.name, a.aliases, a.events))
        .collect();
    (events, actors)
}

fn actor_events(store: &Store, name: &str) -> usize {
    store
        .events(&EventFilter {
            actor: Some(name.into()),
            ..Default::default()
        })
        .unwrap()
        .len()
}

#[test]
fn every_correction_undoes_and_redoes_exactly() {
    let (mut store, _, extraction) = sample();
    let pristine = snapshot(&store);
    assert_eq!(store.history().unwrap(), Default::default());
    let ukraine_event = store.events(&EventFilter::default()).unwrap()[3].id;

    store.rename_actor("Russia", "Russian Federation").unwrap();
    assert_eq!(actor_events(&store, "Russian Federation"), 3);
    assert_eq!(
        actor_events(&store, "Russia"),
        3,
        "the old name still finds it"
    );
    assert_eq!(actor_events(&store, "Rusia"), 3, "and so do its aliases");
    store.merge_actors("Moscow", "Russian Federation").unwrap();
    assert_eq!(actor_events(&store, "Russian Federation"), 4);
    let merged = store.events(&EventFilter::default()).unwrap();
    assert_eq!(merged[4].actors, ["Russian Federation"]);
    store
        .correct_event(
            ukraine_event,
            &EventCorrection {
                cameo: Some("04".into()),
                earliest: Some(date("2022-02-20")),
                latest: Some(date("2022-02-21")),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .correct_event(
            ukraine_event,
            &EventCorrection {
                hidden: Some(true),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(store.events(&EventFilter::default()).unwrap().len(), 4);
    let edited = snapshot(&store);
    assert_eq!(
        store.history().unwrap().undo.as_deref(),
        Some(format!("Undo: hide event {ukraine_event}").as_str())
    );

    // Re-extraction keeps every correction.
    store.replace_extraction(1, &extraction).unwrap();
    assert_eq!(snapshot(&store).1, edited.1);

    // Undo everything, step by step, back to the machine's state.
    store.undo().unwrap().unwrap();
    let shown = store.events(&EventFilter::default()).unwrap();
    let back = shown.iter().find(|e| e.evidence == "evidence 15").unwrap();
    assert_eq!(
        (
            back.cameo.as_str(),
            back.earliest.as_deref(),
            back.latest.as_deref()
        ),
        ("04", Some("2022-02-20"), Some("2022-02-21")),
        "undoing the hide keeps the earlier edit"
    );
    for _ in 0..3 {
        store.undo().unwrap().unwrap();
    }
    assert_eq!(store.undo().unwrap(), None, "nothing left to undo");
    assert_eq!(snapshot(&store), pristine);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());

    // Redo everything: the same edited state.
    for _ in 0..4 {
        store.redo().unwrap().unwrap();
    }
    assert_eq!(store.redo().unwrap(), None);
    let redone = snapshot(&store);
    assert_eq!(redone.1, edited.1);
    assert_eq!(
        redone
            .0
            .iter()
            .map(|e| (&e.cameo, &e.earliest, &e.actors))
            .collect::<Vec<_>>(),
        edited
            .0
            .iter()
            .map(|e| (&e.cameo, &e.earliest, &e.actors))
            .collect::<Vec<_>>()
    );

    // Split Moscow off again; a new change drops what could be redone.
    store.split_actor("Russian Federation", "Moscow").unwrap();
    assert_eq!(actor_events(&store, "Moscow"), 1);
    assert_eq!(actor_events(&store, "Russian Federation"), 3);
    store.undo().unwrap();
    assert_eq!(actor_events(&store, "Russian Federation"), 4);
    store.rename_actor("Ukraine", "Ukraina (state)").unwrap();
    assert_eq!(store.history().unwrap().redo, None);

    // Renaming back to an old name restores it; a rename onto another actor is refused.
    store.rename_actor("Russian Federation", "Russia").unwrap();
    assert_eq!(actor_events(&store, "Russia"), 4);
    assert!(store
        .actors()
        .unwrap()
        .iter()
        .all(|a| a.name != "Russian Federation"));
    let err = store.rename_actor("Russia", "Ukraina (state)").unwrap_err();
    assert!(err.to_string().contains("merge"), "{err}");
}

#[test]
fn bad_corrections_are_refused_and_change_nothing() {
    let (mut store, _, _) = sample();
    let before = snapshot(&store);
    let id = before.0[0].id;
    let bad_type = EventCorrection {
        cameo: Some("99".into()),
        ..Default::default()
    };
    let err = store.correct_event(id, &bad_type).unwrap_err();
    assert!(err.to_string().contains("CAMEO"), "{err}");
    let beyond = EventCorrection {
        cameo: Some("21".into()),
        ..Default::default()
    };
    assert!(store.correct_event(id, &beyond).is_err());
    let backwards = EventCorrection {
        earliest: Some(date("2022-03-05")),
        latest: Some(date("2022-03-01")),
        ..Default::default()
    };
    let err = store.correct_event(id, &backwards).unwrap_err();
    assert!(err.to_string().contains("before it starts"), "{err}");
    assert!(store
        .correct_event(999, &EventCorrection::default())
        .is_err());
    let err = store.merge_actors("Nobody", "Russia").unwrap_err();
    assert!(err.to_string().contains("Nobody"), "{err}");
    assert!(store.rename_actor("Russia", "  ").is_err());
    let err = store.split_actor("Russia", "Rusia").unwrap_err();
    assert!(err.to_string().contains("spelling"), "{err}");
    assert!(store.split_actor("Russia", "Ukraine").is_err());
    assert_eq!(snapshot(&store), before);
    assert_eq!(store.history().unwrap(), Default::default());
    // "00", an event of no CAMEO root, is a type a correction may set.
    let other = EventCorrection {
        cameo: Some("00".into()),
        ..Default::default()
    };
    store.correct_event(id, &other).unwrap();
    let rows = store.events(&EventFilter::default()).unwrap();
    assert_eq!(rows.iter().find(|e| e.id == id).unwrap().cameo, "00");
}

#[test]
fn several_events_of_one_type_in_one_clause_are_stored_and_corrected_apart() {
    // English finds every event verb: here several untyped ones share a clause.
    let mut store = Store::open_in_memory().unwrap();
    let text = "Boeing pushes back airliner\n\nMarch 3, 2008\n\nBoeing has pushed back, \
                reviewed and delayed the development of its new airliner.";
    pipeline::import_text(&mut store, "boeing.txt", text, date("2026-11-25")).unwrap();
    let events = store.events(&EventFilter::default()).unwrap();
    let clause =
        "Boeing has pushed back, reviewed and delayed the development of its new airliner.";
    let same: Vec<_> = events
        .iter()
        .filter(|e| e.cameo == "00" && e.evidence.contains("reviewed and delayed"))
        .collect();
    assert!(same.len() >= 3, "{events:#?}");
    assert!(same.iter().all(|e| clause.contains(&e.evidence)));
    // Each is told apart by the word it was found by, stored with it.
    let triggers: Vec<_> = same.iter().filter_map(|e| e.trigger.as_deref()).collect();
    for word in ["pushed", "reviewed", "delayed"] {
        assert!(triggers.contains(&word), "{triggers:?}");
    }
    // A correction of the second survives re-extraction and touches no other.
    let second = same[1].id;
    store
        .correct_event(
            second,
            &EventCorrection {
                cameo: Some("04".into()),
                ..Default::default()
            },
        )
        .unwrap();
    pipeline::reextract(&mut store, same[0].article_id).unwrap();
    let after = store.events(&EventFilter::default()).unwrap();
    let typed: Vec<_> = after
        .iter()
        .filter(|e| e.cameo == "04" && e.evidence.contains("reviewed and delayed"))
        .collect();
    assert_eq!(typed.len(), 1, "{after:#?}");
    assert_eq!(after.len(), events.len());
}

#[test]
fn untyped_reports_group_only_with_the_same_word() {
    // Two articles copy one sentence: each of its events is reported twice, and "selected" is
    // not the same event as "defeated" although the evidence and actors are alike.
    let mut store = Store::open_in_memory().unwrap();
    let body = "Northrop Grumman defeated Boeing and the Air Force selected Northrop Grumman \
                on March 3, 2008.";
    for (file, title) in [("a.txt", "Tanker deal"), ("b.txt", "Air Force tanker deal")] {
        let text = format!("{title}\n\nMarch 4, 2008\n\n{body}");
        pipeline::import_text(&mut store, file, &text, date("2026-11-25")).unwrap();
    }
    let rows = store.events(&EventFilter::default()).unwrap();
    for word in ["defeated", "selected"] {
        let shown: Vec<_> = rows
            .iter()
            .filter(|e| e.trigger.as_deref() == Some(word))
            .collect();
        assert_eq!(shown.len(), 1, "{word}: {rows:#?}");
        assert_eq!(shown[0].reports, 2, "{word}: {rows:#?}");
    }
}

#[test]
fn undoing_a_date_change_moves_relative_dates_back() {
    let mut store = Store::open_in_memory().unwrap();
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    pipeline::import_text(&mut store, "seed.txt", &seed, date("2026-11-25")).unwrap();
    let id = store.articles().unwrap()[0].id;
    let before = store.events(&EventFilter::default()).unwrap();
    pipeline::set_article_date(&mut store, id, date("2022-03-08")).unwrap();
    let moved = store.events(&EventFilter::default()).unwrap();
    assert_ne!(
        moved.iter().map(|e| &e.earliest).collect::<Vec<_>>(),
        before.iter().map(|e| &e.earliest).collect::<Vec<_>>()
    );
    assert!(pipeline::undo(&mut store).unwrap());
    let a = &store.articles().unwrap()[0];
    assert_eq!(a.published.as_ref().unwrap().date, "2022-03-01");
    let after = store.events(&EventFilter::default()).unwrap();
    assert_eq!(
        after
            .iter()
            .map(|e| (&e.earliest, &e.evidence))
            .collect::<Vec<_>>(),
        before
            .iter()
            .map(|e| (&e.earliest, &e.evidence))
            .collect::<Vec<_>>()
    );
    assert!(pipeline::redo(&mut store).unwrap());
    assert_eq!(
        store.articles().unwrap()[0]
            .published
            .as_ref()
            .unwrap()
            .date,
        "2022-03-08"
    );
    assert!(!pipeline::redo(&mut store).unwrap());
}

#[test]
fn set_date_survives_re_import_and_re_resolves_the_article() {
    let mut store = Store::open_in_memory().unwrap();
    let today = date("2026-11-25");
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    pipeline::import_text(&mut store, "seed.txt", &seed, today).unwrap();
    let id = store.articles().unwrap()[0].id;
    pipeline::set_article_date(&mut store, id, date("2022-03-02")).unwrap();
    let again = pipeline::import_text(&mut store, "seed.txt", &seed, today).unwrap();
    assert_eq!(again.duplicates, 1);
    let a = &store.articles().unwrap()[0];
    let p = a.published.as_ref().unwrap();
    assert_eq!(
        (p.date.as_str(), p.method),
        ("2022-03-02", DateMethod::User)
    );
    assert!(pipeline::set_article_date(&mut store, 999, date("2022-03-02")).is_err());
}

#[test]
fn workspace_file_reopens_with_wal_and_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested/ws.db");
    {
        let mut store = Store::open(&db).unwrap();
        pipeline::import_text(
            &mut store,
            "seed.txt",
            &std::fs::read_to_string(seed_path()).unwrap(),
            date("2026-01-01"),
        )
        .unwrap();
    }
    let store = Store::open(&db).unwrap();
    assert_eq!(store.info().unwrap().articles, 1);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!((mode.as_str(), version), ("wal", Store::schema_version()));
}

#[test]
fn killing_an_import_of_10000_articles_leaves_a_consistent_store_that_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("articles");
    linimasa::bench::write_articles(&files, 10_000, 3).unwrap();
    let db = dir.path().join("ws.db");
    let cli = env!("CARGO_BIN_EXE_linimasa");
    let mut child = Command::new(cli)
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            files.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some batches are committed, well before the end.
    let start = Instant::now();
    let mut seen = 0i64;
    while start.elapsed() < Duration::from_secs(120) {
        if let Ok(conn) = rusqlite::Connection::open(&db) {
            seen = conn
                .query_row("SELECT count(*) FROM article", [], |r| r.get(0))
                .unwrap_or(0);
        }
        if seen >= 256 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let store = Store::open(&db).unwrap();
    let after_kill = store.info().unwrap().articles;
    assert!(
        after_kill >= 256,
        "import never committed a batch ({seen} seen)"
    );
    assert!(
        after_kill < 10_000,
        "import finished before it was killed; the test proves nothing"
    );
    assert_eq!(after_kill % 256, 0, "only whole batches are committed");
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    drop(store);

    let out = Command::new(cli)
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            files.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "imported {}, duplicates {after_kill}, failed 0",
            10_000 - after_kill
        )),
        "{stdout}"
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.info().unwrap().articles, 10_000);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn type_filters_keep_several_types_or_leave_some_out() {
    let (store, _, _) = sample();
    let per_type = |f: &EventFilter| {
        store
            .facets(f)
            .unwrap()
            .types
            .iter()
            .map(|c| (c.value.clone(), c.count))
            .collect::<Vec<_>>()
    };
    let all = per_type(&query("{}"));
    let count = |code: &str| all.iter().find(|(c, _)| c == code).map_or(0, |t| t.1);
    let (statements, fights) = (count("01"), count("19"));
    assert!(statements > 0 && fights > 0 && all.len() > 2, "{all:?}");
    let total = store.event_count(&query("{}")).unwrap();
    let both = query(r#"{"cameo": "01,19"}"#);
    assert_eq!(store.event_count(&both).unwrap(), statements + fights);
    let no_statements = query(r#"{"cameo": "-01"}"#);
    assert_eq!(
        store.event_count(&no_statements).unwrap(),
        total - statements
    );
    assert!(store
        .events(&no_statements)
        .unwrap()
        .iter()
        .all(|e| e.cameo != "01"));
    // The type facet still lists every type, so one left out can be taken back.
    assert_eq!(per_type(&no_statements), all);
    assert_eq!(
        store.facets(&no_statements).unwrap().total,
        total - statements
    );
    // A code that is no type is refused, with the code in the message.
    let bad = serde_json::from_str::<linimasa::view::EventQuery>(r#"{"cameo": "01,99"}"#)
        .unwrap()
        .to_filter()
        .unwrap_err();
    assert!(bad.message.contains("\"99\""), "{}", bad.message);
}

#[test]
fn modality_attribution_and_certain_dates_filter_and_count() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "Four events in March.";
    // An event of type 19 by Russia at `at`, told so and dated so.
    let told = |from: &str, to: &str, at: usize, how: (Modality, Option<&str>, Grain)| {
        let mut e = event("19", from, to, &["Russia"], &[], at);
        (e.modality, e.precision) = (how.0, how.2);
        e.attribution = how.1.map(String::from);
        e
    };
    let extraction = Extraction {
        actors: vec![
            actor("Russia", ActorKind::Country, &["Rusia"]),
            actor("Ukraine", ActorKind::Country, &[]),
        ],
        events: vec![
            told(
                "2022-03-05",
                "2022-03-05",
                0,
                (Modality::Asserted, None, Grain::Day),
            ),
            // Told by "Rusia" (an alias): found under Russia. Its range starts in February.
            told(
                "2022-02-25",
                "2022-03-10",
                5,
                (Modality::Reported, Some("Rusia"), Grain::Week),
            ),
            // Dated by its article: on or before 20 March, perhaps long before.
            told(
                "2022-03-20",
                "2022-03-20",
                10,
                (Modality::Denied, None, Grain::Before),
            ),
            told(
                "2022-03-15",
                "2022-03-15",
                15,
                (Modality::Planned, Some("Ukraine"), Grain::Day),
            ),
        ],
        ..Default::default()
    };
    store
        .insert_articles(&[NewArticle {
            article: article("March", None, text),
            extraction,
            date_meta: None,
            file_modified: None,
        }])
        .unwrap();
    let evidence_of = |json: &str| {
        let mut found = evidence(&store, query(json));
        found.sort();
        found
    };
    assert_eq!(evidence_of(r#"{"modality": "reported"}"#), ["evidence 5"]);
    assert_eq!(evidence_of(r#"{"attribution": "Russia"}"#), ["evidence 5"]);
    assert_eq!(
        evidence_of(r#"{"attribution": "ukraine"}"#),
        ["evidence 15"]
    );
    // March, possibly: every event that may fall in it; certainly: only those wholly inside.
    let march = r#""from": "2022-03-01", "to": "2022-03-31""#;
    assert_eq!(evidence_of(&format!("{{{march}}}")).len(), 4);
    assert_eq!(
        evidence_of(&format!(r#"{{{march}, "certainty": "certain"}}"#)),
        ["evidence 0", "evidence 15"]
    );
    // Up to the end of March, "on or before 20 March" is certain too.
    assert_eq!(
        evidence_of(r#"{"to": "2022-03-31", "certainty": "certain"}"#).len(),
        4
    );
    let facets = store.facets(&query("{}")).unwrap();
    let pairs = |f: &[linimasa::view::FacetCount]| {
        let mut v: Vec<(String, String, i64)> = f
            .iter()
            .map(|c| (c.value.clone(), c.label.clone(), c.count))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        pairs(&facets.attributions),
        [
            ("Russia".into(), "Russia".into(), 1),
            ("Ukraine".into(), "Ukraine".into(), 1)
        ]
    );
    assert_eq!(facets.modalities.len(), 4);
    assert!(pairs(&facets.modalities).contains(&(
        "reported".into(),
        "Reported by someone".into(),
        1
    )));
    for bad in [r#"{"modality": "rumoured"}"#, r#"{"certainty": "sure"}"#] {
        let e = serde_json::from_str::<linimasa::view::EventQuery>(bad)
            .unwrap()
            .to_filter()
            .unwrap_err();
        assert_eq!(e.code, linimasa::view::ErrorCode::InvalidInput, "{bad}");
    }
}

#[test]
fn report_time_selects_and_places_events_by_their_articles_day() {
    let mut store = Store::open_in_memory().unwrap();
    let dated = |title: &str, day: &str, happened: &str| {
        let mut article = article(title, None, &format!("{title} text."));
        article.published = Some(PublishedDate {
            date: date(day),
            method: DateMethod::Metadata,
            evidence: None,
            span: None,
            confidence: 1.0,
            derivation: "test".into(),
        });
        // And an event without a date of its own: it has a report day all the same.
        let mut undated = event("01", happened, happened, &["Russia"], &[], 5);
        (undated.earliest, undated.latest, undated.date_value) = (None, None, None);
        undated.precision = Grain::Unknown;
        NewArticle {
            article,
            extraction: Extraction {
                actors: vec![actor("Russia", ActorKind::Country, &[])],
                events: vec![
                    event("19", happened, happened, &["Russia"], &[], 0),
                    undated,
                ],
                ..Default::default()
            },
            date_meta: None,
            file_modified: None,
        }
    };
    // A history piece of 10 March 2022 about 1991, and news of 1 April about 5 March.
    let ids: Vec<i64> = store
        .insert_articles(&[
            dated("History", "2022-03-10", "1991-12-26"),
            dated("News", "2022-04-01", "2022-03-05"),
        ])
        .unwrap()
        .into_iter()
        .map(|i| match i {
            store::Inserted::New(id) => id,
            other => panic!("{other:?}"),
        })
        .collect();
    let march = r#""from": "2022-03-01", "to": "2022-03-31""#;
    let articles_of = |store: &Store, json: &str| -> Vec<i64> {
        store
            .events(&query(json))
            .unwrap()
            .iter()
            .map(|e| e.article_id)
            .collect()
    };
    assert_eq!(articles_of(&store, &format!("{{{march}}}")), [ids[1]]);
    let reported = format!(r#"{{{march}, "time": "reported"}}"#);
    assert_eq!(articles_of(&store, &reported), [ids[0], ids[0]]);
    // The timeline places each event on its report day; the histogram counts by it.
    let columns = store
        .timeline_columns(&query(r#"{"time": "reported"}"#))
        .unwrap();
    let day = |d: &str| (date(d) - date("1970-01-01")).num_days() as i32;
    assert_eq!(
        columns.earliest,
        [
            day("2022-03-10"),
            day("2022-03-10"),
            day("2022-04-01"),
            day("2022-04-01")
        ]
    );
    assert_eq!(columns.latest, columns.earliest);
    let months = |json: &str| {
        store
            .month_histogram(&query(json))
            .unwrap()
            .into_iter()
            .map(|m| (m.month, m.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        months(r#"{"time": "reported"}"#),
        [("2022-03".to_string(), 2), ("2022-04".to_string(), 2)]
    );
    // In event time the undated events are not counted.
    assert_eq!(
        months("{}"),
        [("1991-12".to_string(), 1), ("2022-03".to_string(), 1)]
    );
    // A corrected article date is the report day.
    pipeline::set_article_date(&mut store, ids[0], date("2022-04-02")).unwrap();
    assert!(articles_of(&store, &reported).is_empty());
    // An event reported by several articles was reported on the earliest of their days, not on
    // the day of the article it was first stored from: an older copy of the news, imported later.
    store
        .insert_articles(&[dated("Earlier copy", "2022-03-02", "2022-03-05")])
        .unwrap();
    let grouped = store.events(&query(r#"{"time": "reported"}"#)).unwrap();
    assert!(
        grouped.iter().any(|e| e.article_id == ids[1]
            && e.reports == 2
            && e.reported.as_deref() == Some("2022-03-02")),
        "{grouped:#?}"
    );
    // The listing of report time goes by that day; each event says it.
    let days: Vec<_> = grouped
        .iter()
        .map(|e| e.reported.clone().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    assert_eq!(days.first().map(String::as_str), Some("2022-03-02"));
    assert!(articles_of(&store, &reported).contains(&ids[1]));
    let bad = serde_json::from_str::<linimasa::view::EventQuery>(r#"{"time": "soon"}"#)
        .unwrap()
        .to_filter()
        .unwrap_err();
    assert!(bad.message.contains("\"soon\""), "{}", bad.message);
}

#[test]
fn views_share_one_query_facets_places_network_and_detail() {
    let (mut store, article_id, _) = sample();
    let all = store.facets(&query("{}")).unwrap();
    assert_eq!((all.total, all.articles), (5, 1));
    let counts = |f: &[linimasa::view::FacetCount]| {
        f.iter()
            .map(|c| (c.value.clone(), c.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        counts(&all.actors),
        [
            ("Russia".to_string(), 3),
            ("Ukraine".to_string(), 3),
            ("Moscow".to_string(), 1)
        ]
    );
    assert_eq!(
        counts(&all.places),
        [("Kharkiv".to_string(), 2), ("Belarus".to_string(), 1)]
    );
    assert_eq!(all.types[0].value, "01");
    assert_eq!(all.types[0].label, "Make public statement");
    assert_eq!(counts(&all.sources), [("Gatra.com".to_string(), 5)]);
    assert_eq!(counts(&all.languages), [("en".to_string(), 5)]);

    // Every field of the shared query narrows every view alike.
    let march = query(r#"{"from": "2022-03-01", "to": "2022-12-31", "actor": "Rusia"}"#);
    assert_eq!(store.facets(&march).unwrap().total, 1);
    assert_eq!(store.event_count(&march).unwrap(), 1);
    assert_eq!(
        store.facets(&query(r#"{"language": "id"}"#)).unwrap().total,
        0
    );
    assert_eq!(
        store
            .facets(&query(r#"{"source": "Gatra.com", "cameo": "19"}"#))
            .unwrap()
            .total,
        2
    );
    let places = store
        .place_counts(&query(r#"{"actor": "Ukraine"}"#))
        .unwrap();
    assert_eq!(
        places
            .iter()
            .map(|p| (p.name.as_str(), p.events))
            .collect::<Vec<_>>(),
        [("Belarus", 1), ("Kharkiv", 1)]
    );

    let network = linimasa::graph::network_view(&store, &query("{}"), 10).unwrap();
    assert_eq!(network.nodes.len(), 3);
    assert_eq!(network.edges.len(), 1);
    assert_eq!(
        (
            network.edges[0].first.as_deref(),
            network.edges[0].last.as_deref()
        ),
        (Some("2022-02-28"), Some("2022-02-28"))
    );
    let russia = network.nodes.iter().find(|n| n.actor == "Russia").unwrap();
    assert_eq!((russia.kind.as_str(), russia.events), ("country", 3));
    let cut = linimasa::graph::network_view(&store, &query("{}"), 2).unwrap();
    assert_eq!((cut.nodes.len(), cut.omitted), (2, 1));

    // The detail panel: type name, source, evidence span; a correction shows.
    let id = store.events(&query(r#"{"cameo": "04"}"#)).unwrap()[0].id;
    let detail = store.event_detail(id).unwrap();
    assert_eq!(detail.type_name, "Consult");
    assert_eq!(detail.sources.len(), 1);
    assert_eq!(detail.sources[0].id, article_id);
    assert_eq!(detail.event.article_title, "Sample");
    assert_eq!(detail.places.len(), 1);
    assert!(detail.evidence.end > detail.evidence.start);
    assert!(!detail.corrected);
    store
        .correct_event(
            id,
            &EventCorrection {
                hidden: Some(true),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(store.event_detail(id).unwrap().corrected);
    assert!(store.event_detail(424242).is_err());

    // Malformed queries are refused with a clear message.
    for (bad, needle) in [
        (r#"{"from": "2022-13-01"}"#, "not a calendar date"),
        (
            r#"{"from": "2022-03-05", "to": "2022-03-01"}"#,
            "before it starts",
        ),
    ] {
        let err = serde_json::from_str::<linimasa::view::EventQuery>(bad)
            .unwrap()
            .to_filter()
            .unwrap_err();
        assert!(err.message.contains(needle), "{bad}: {}", err.message);
        assert_eq!(err.code, linimasa::view::ErrorCode::InvalidInput);
    }
}

#[test]
fn the_reader_gets_mentions_and_event_evidence_as_utf16_spans() {
    let mut store = Store::open_in_memory().unwrap();
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    pipeline::import_text(&mut store, "seed.txt", &seed, date("2026-11-25")).unwrap();
    let id = store.articles().unwrap()[0].id;
    let detail = store.article_detail(id).unwrap();
    let utf16: Vec<u16> = detail.text.encode_utf16().collect();
    let slice = |s: u32, e: u32| String::from_utf16(&utf16[s as usize..e as usize]).unwrap();
    assert!(detail.mentions.len() >= 5);
    for m in &detail.mentions {
        assert_eq!(slice(m.start, m.end), m.text, "{m:?}");
    }
    assert!(detail
        .mentions
        .iter()
        .any(|m| m.text == "Dmitry Peskov" && m.kind == "person"));
    assert_eq!(
        detail.events.len() as i64,
        store.articles().unwrap()[0].events
    );
    let evidence = store.event_detail(detail.events[0].id).unwrap();
    assert_eq!(
        slice(detail.events[0].start, detail.events[0].end),
        evidence.event.evidence
    );
}

/// A stored article with the given events (and an actor for each participant).
fn article_with(store: &mut Store, title: &str, events: Vec<Event>) -> (i64, Extraction) {
    article_with_kind(store, title, events, ActorKind::Country)
}

fn article_with_kind(
    store: &mut Store,
    title: &str,
    events: Vec<Event>,
    kind: ActorKind,
) -> (i64, Extraction) {
    article_with_aliases(store, title, events, kind, &[])
}

/// The same, the actors of that kind, the first one with these aliases.
fn article_with_aliases(
    store: &mut Store,
    title: &str,
    events: Vec<Event>,
    kind: ActorKind,
    aliases: &[&str],
) -> (i64, Extraction) {
    let text = format!("{title}: some text long enough to hold several evidence spans of events.");
    let mut names: Vec<String> = events
        .iter()
        .flat_map(|e| e.participants.iter().map(|p| p.actor.clone()))
        .collect();
    names.sort();
    names.dedup();
    let extraction = Extraction {
        actors: names
            .iter()
            .enumerate()
            .map(|(k, n)| actor(n, kind, if k == 0 { aliases } else { &[] }))
            .collect(),
        events,
        ..Default::default()
    };
    let article = Article {
        id: 0,
        content_hash: store::content_hash(title, &text),
        title: title.into(),
        publisher: Some(format!("{title} News")),
        url: None,
        language: Some("en".into()),
        section: None,
        text,
        warnings: vec![],
        published: None,
        source: None,
    };
    let inserted = store
        .insert_articles(&[NewArticle {
            article,
            extraction: extraction.clone(),
            date_meta: None,
            file_modified: None,
        }])
        .unwrap();
    match inserted[0] {
        store::Inserted::New(id) => (id, extraction),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_acronym_alone_joins_the_one_organisation_it_abbreviates_unless_split() {
    let mut store = Store::open_in_memory().unwrap();
    let said = |who: &str, day: &str, at: usize| event("01", day, day, &[who], &[], at);
    let org = ActorKind::Organisation;
    // The acronym alone first, then the full name with it as an alias: they join.
    article_with_kind(&mut store, "A", vec![said("SIA", "2007-03-01", 0)], org);
    article_with_aliases(
        &mut store,
        "B",
        vec![said("Singapore Airlines", "2007-05-02", 0)],
        org,
        &["SIA"],
    );
    assert_eq!(actor_events(&store, "Singapore Airlines"), 2);
    assert!(store.actors().unwrap().iter().all(|a| a.name != "SIA"));
    // And the other way round: a later article's acronym alone joins too.
    article_with_kind(&mut store, "C", vec![said("SIA", "2007-07-03", 0)], org);
    assert_eq!(actor_events(&store, "Singapore Airlines"), 3);
    // The user splits them (and every correction recomputes the mapping): apart, then back.
    store.split_actor("Singapore Airlines", "SIA").unwrap();
    assert_eq!(actor_events(&store, "SIA"), 2);
    store.undo().unwrap();
    assert_eq!(actor_events(&store, "Singapore Airlines"), 3);
    store
        .rename_actor("Singapore Airlines", "Singapore Airlines Ltd")
        .unwrap();
    assert_eq!(actor_events(&store, "Singapore Airlines Ltd"), 3);
    store.undo().unwrap();
    // A second organisation with the acronym: it could be either, so it stands alone.
    article_with_aliases(
        &mut store,
        "D",
        vec![said("Society of Indexers", "2007-09-04", 0)],
        org,
        &["SIA"],
    );
    assert_eq!(actor_events(&store, "Singapore Airlines"), 1);
    assert_eq!(actor_events(&store, "SIA"), 2);
    // Not for a person.
    article_with_kind(
        &mut store,
        "E",
        vec![said("NATO", "2007-03-05", 0)],
        ActorKind::Person,
    );
    article_with_aliases(
        &mut store,
        "F",
        vec![said("North Atlantic Treaty Organization", "2007-11-06", 0)],
        ActorKind::Person,
        &["NATO"],
    );
    assert_eq!(actor_events(&store, "NATO"), 1);
}

#[test]
fn an_actor_is_what_most_mentions_make_it_and_extraction_again_drops_what_no_article_names() {
    let mut store = Store::open_in_memory().unwrap();
    let said = |who: &str, day: &str| event("01", day, day, &[who], &[], 0);
    let kind = |store: &Store, name: &str| {
        store
            .actors()
            .unwrap()
            .into_iter()
            .find(|a| a.name == name)
            .map(|a| a.kind)
    };
    // A headline makes "Mac" a person; as many mentions elsewhere a product: the first stays.
    let person = ActorKind::Person;
    let org = ActorKind::Organisation;
    let (a, _) = article_with_kind(&mut store, "A", vec![said("Mac", "2011-01-03")], person);
    let (b, _) = article_with_kind(&mut store, "B", vec![said("Mac", "2011-02-03")], org);
    assert_eq!(kind(&store, "Mac").as_deref(), Some("person"));
    // One more makes it what most say, whichever came first.
    let (c, _) = article_with_kind(&mut store, "C", vec![said("Mac", "2011-03-03")], org);
    assert_eq!(kind(&store, "Mac").as_deref(), Some("organisation"));

    // Extraction runs again on an article and names someone else: the old name, named by no
    // article now, goes with its alias, and the surname joins the one full name left.
    let (id, _) = article_with_aliases(
        &mut store,
        "D",
        vec![said("U.S. Jobs", "2011-04-04")],
        person,
        &["Jobs"],
    );
    article_with_aliases(
        &mut store,
        "E",
        vec![said("Steve Jobs", "2011-05-05")],
        person,
        &["Jobs"],
    );
    article_with_kind(&mut store, "F", vec![said("Jobs", "2011-06-06")], person);
    assert_eq!(kind(&store, "U.S. Jobs").as_deref(), Some("person"));
    assert_eq!(
        actor_events(&store, "Steve Jobs"),
        1,
        "the surname is shared"
    );
    let mut jobs = actor("Steve Jobs", person, &["Jobs"]);
    jobs.roles = vec!["chief executive".into()];
    let again = Extraction {
        actors: vec![jobs],
        events: vec![said("Steve Jobs", "2011-04-04")],
        ..Default::default()
    };
    store.replace_extraction(id, &again).unwrap();
    assert_eq!(kind(&store, "U.S. Jobs"), None);
    assert_eq!(actor_events(&store, "Steve Jobs"), 3);
    let roles = |store: &Store| {
        let all = store.actors().unwrap();
        all.into_iter()
            .find(|a| a.name == "Steve Jobs")
            .unwrap()
            .roles
    };
    assert_eq!(roles(&store), ["chief executive"]);
    // An alias or a role no article gives any more goes too.
    let again = Extraction {
        actors: vec![actor("Steve Jobs", person, &[])],
        events: vec![said("Steve Jobs", "2011-04-04")],
        ..Default::default()
    };
    store.replace_extraction(id, &again).unwrap();
    let aliases = |store: &Store| {
        let all = store.actors().unwrap();
        all.into_iter()
            .find(|a| a.name == "Steve Jobs")
            .unwrap()
            .aliases
    };
    assert_eq!(aliases(&store), ["Jobs"], "article E still gives it");
    assert!(roles(&store).is_empty());
    // A name the user corrected stays, even when no article names it any more.
    store.rename_actor("Mac", "Macintosh").unwrap();
    for article in [a, b, c] {
        store
            .replace_extraction(article, &Extraction::default())
            .unwrap();
    }
    store.undo().unwrap();
    assert_eq!(kind(&store, "Mac").as_deref(), Some("organisation"));
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn a_surname_alone_joins_the_one_full_name_across_articles_unless_split() {
    let mut store = Store::open_in_memory().unwrap();
    let said = |who: &str, day: &str, at: usize| event("01", day, day, &[who], &[], at);
    // The surname alone comes first, the full name in a later article: they join.
    article_with_kind(
        &mut store,
        "Later",
        vec![said("Peskov", "2022-03-02", 0)],
        ActorKind::Person,
    );
    article_with_kind(
        &mut store,
        "Earlier",
        vec![said("Dmitry Peskov", "2022-06-01", 0)],
        ActorKind::Person,
    );
    assert_eq!(actor_events(&store, "Dmitry Peskov"), 2);
    assert!(store.actors().unwrap().iter().all(|a| a.name != "Peskov"));
    // The user splits them: they stay apart, also when another article names him in full.
    store.split_actor("Dmitry Peskov", "Peskov").unwrap();
    assert_eq!(actor_events(&store, "Dmitry Peskov"), 1);
    assert_eq!(actor_events(&store, "Peskov"), 1);
    store.undo().unwrap();
    assert_eq!(actor_events(&store, "Dmitry Peskov"), 2);
    // A second person with the surname: "Peskov" alone could be either, so it stands alone.
    article_with_kind(
        &mut store,
        "Other",
        vec![said("Anna Peskov", "2022-09-03", 0)],
        ActorKind::Person,
    );
    assert_eq!(actor_events(&store, "Dmitry Peskov"), 1);
    assert_eq!(actor_events(&store, "Peskov"), 1);
    // Not for an organisation's last word.
    article_with(&mut store, "Org", vec![said("Airlines", "2022-03-04", 0)]);
    article_with(
        &mut store,
        "Org 2",
        vec![said("Singapore Airlines", "2022-03-04", 0)],
    );
    assert_eq!(actor_events(&store, "Airlines"), 1);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn a_name_with_and_without_its_middle_names_is_one_actor_across_articles() {
    let mut store = Store::open_in_memory().unwrap();
    let said = |who: &str, day: &str| event("01", day, day, &[who], &[], 0);
    let person = ActorKind::Person;
    // The short form first, then the full one, then the surname alone: all one person.
    article_with_kind(
        &mut store,
        "A",
        vec![said("Anies Baswedan", "2017-03-02")],
        person,
    );
    article_with_kind(
        &mut store,
        "B",
        vec![said("Anies Rasyid Baswedan", "2017-06-03")],
        person,
    );
    article_with_kind(
        &mut store,
        "C",
        vec![said("Baswedan", "2017-09-04")],
        person,
    );
    assert_eq!(actor_events(&store, "Anies Rasyid Baswedan"), 3);
    let names: Vec<String> = store
        .actors()
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n == "Anies Baswedan" || n == "Baswedan"),
        "{names:?}"
    );
    // Two fuller forms: the short one could be either, so it stands alone.
    article_with_kind(
        &mut store,
        "D",
        vec![said("George Bush", "2001-01-02")],
        person,
    );
    article_with_kind(
        &mut store,
        "E",
        vec![said("George W Bush", "2001-06-03")],
        person,
    );
    assert_eq!(actor_events(&store, "George W Bush"), 2);
    article_with_kind(
        &mut store,
        "F",
        vec![said("George H W Bush", "1990-06-03")],
        person,
    );
    assert_eq!(actor_events(&store, "George W Bush"), 1);
    assert_eq!(actor_events(&store, "George Bush"), 1);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

fn with_evidence(mut e: Event, text: &str) -> Event {
    e.evidence_text = text.into();
    e
}

#[test]
fn a_planned_attack_and_one_that_happened_are_not_one_event() {
    let mut store = Store::open_in_memory().unwrap();
    let attack = |modality, at| {
        let mut e = with_evidence(
            event(
                "18",
                "2022-03-01",
                "2022-03-01",
                &["Russia", "Ukraine"],
                &["Ukraine"],
                at,
            ),
            "Russia will continue its attack in Ukraine",
        );
        e.modality = modality;
        e
    };
    article_with(&mut store, "Alpha", vec![attack(Modality::Planned, 0)]);
    article_with(&mut store, "Beta", vec![attack(Modality::Asserted, 0)]);
    // Reported by someone is as good as asserted: the same event.
    article_with(&mut store, "Gamma", vec![attack(Modality::Reported, 0)]);
    let listed = store.events(&EventFilter::default()).unwrap();
    let mut seen: Vec<(&str, i64)> = listed
        .iter()
        .map(|e| (e.modality.as_str(), e.reports))
        .collect();
    seen.sort();
    assert_eq!(seen, [("asserted", 2), ("planned", 1)], "{listed:#?}");
}

#[test]
fn one_event_reported_by_several_articles_is_one_event_with_several_sources() {
    let mut store = Store::open_in_memory().unwrap();
    let shelling = |at| {
        with_evidence(
            event(
                "19",
                "2022-03-01",
                "2022-03-01",
                &["Russia", "Ukraine"],
                &["Kharkiv"],
                at,
            ),
            "Russian forces shelled Kharkiv",
        )
    };
    let (a, extraction_a) = article_with(
        &mut store,
        "Alpha",
        vec![
            shelling(0),
            with_evidence(
                event("01", "2022-03-01", "2022-03-01", &["Russia"], &[], 10),
                "Moscow said the talks were too early to judge",
            ),
        ],
    );
    article_with(
        &mut store,
        "Beta",
        vec![
            // The same shelling a day later in another wording, placed in a suburb: grouped.
            with_evidence(
                event(
                    "19",
                    "2022-03-02",
                    "2022-03-02",
                    &["Ukraine", "Russia"],
                    &["Chuhuiv"],
                    0,
                ),
                "Kharkiv came under fire again",
            ),
            // Another statement by the same actor on the same day: kept apart.
            with_evidence(
                event("01", "2022-03-01", "2022-03-01", &["Russia"], &[], 10),
                "The Kremlin announced new sanctions on grain exports",
            ),
            // A fight with other actors: kept apart.
            with_evidence(
                event("19", "2022-03-01", "2022-03-01", &["Syria"], &[], 20),
                "Russian forces shelled Kharkiv",
            ),
        ],
    );
    // The same shelling with a third actor of its own: grouped.
    article_with(
        &mut store,
        "Gamma",
        vec![with_evidence(
            event(
                "19",
                "2022-03-01",
                "2022-03-01",
                &["Russia", "Ukraine", "NATO"],
                &["Kharkiv"],
                0,
            ),
            "Russian forces shelled Kharkiv",
        )],
    );
    let listed = store.events(&EventFilter::default()).unwrap();
    assert_eq!(listed.len(), 4, "{listed:#?}");
    let fight = listed
        .iter()
        .find(|e| e.cameo == "19" && e.reports > 1)
        .expect("the grouped fight");
    assert_eq!(fight.reports, 3);
    assert_eq!(fight.article_id, a, "the first report represents the group");
    // Its actors and places are every report's, as the filters and facets count them: the
    // timeline's lane for NATO holds it, and the listing names Chuhuiv.
    let mut actors = fight.actors.clone();
    actors.sort();
    assert_eq!(actors, ["NATO", "Russia", "Ukraine"]);
    let mut places = fight.places.clone();
    places.sort();
    assert_eq!(places, ["Chuhuiv", "Kharkiv"]);
    assert!(fight.participants.iter().any(|p| p.actor == "NATO"));
    let columns = store.timeline_columns(&EventFilter::default()).unwrap();
    let k = columns
        .id
        .iter()
        .position(|&id| id as i64 == fight.id)
        .unwrap();
    let lane_actors: Vec<&str> = (columns.actor_start[k] as usize
        ..columns.actor_start[k + 1] as usize)
        .map(|i| columns.tables.actors[columns.actor[i] as usize].as_str())
        .collect();
    assert!(lane_actors.contains(&"NATO"), "{lane_actors:?}");
    let lane_places: Vec<&str> = (columns.place_start[k] as usize
        ..columns.place_start[k + 1] as usize)
        .map(|i| columns.tables.places[columns.place[i] as usize].as_str())
        .collect();
    assert!(lane_places.contains(&"Chuhuiv"), "{lane_places:?}");
    let detail = store.event_detail(fight.id).unwrap();
    assert_eq!(detail.sources.len(), 3);
    assert_eq!(
        detail
            .reports
            .iter()
            .map(|r| r.title.as_str())
            .collect::<Vec<_>>(),
        ["Alpha", "Beta", "Gamma"]
    );
    // A report's own actors and places find its group (once, within a window too).
    let ids = |filter: EventFilter| -> Vec<i64> {
        store
            .events(&filter)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect()
    };
    assert_eq!(ids(query(r#"{"actor": "NATO"}"#)), [fight.id]);
    assert_eq!(ids(query(r#"{"place": "Chuhuiv"}"#)), [fight.id]);
    assert_eq!(
        ids(query(r#"{"actor": "Russia", "place": "Chuhuiv"}"#)),
        [fight.id]
    );
    assert_eq!(
        ids(query(
            r#"{"actor": "NATO", "from": "2022-03-01", "to": "2022-03-01"}"#
        )),
        [fight.id]
    );
    assert!(ids(query(r#"{"actor": "NATO", "from": "2022-03-05"}"#)).is_empty());
    assert_eq!(
        store.event_count(&query(r#"{"actor": "NATO"}"#)).unwrap(),
        1
    );
    // The facets and the map count the group under its reports' actors and places too.
    let facets = store.facets(&EventFilter::default()).unwrap();
    let count_of = |list: &[linimasa::view::FacetCount], name: &str| {
        list.iter().find(|c| c.value == name).map(|c| c.count)
    };
    assert_eq!(count_of(&facets.actors, "NATO"), Some(1));
    assert_eq!(count_of(&facets.places, "Chuhuiv"), Some(1));
    assert_eq!(
        count_of(&facets.places, "Kharkiv"),
        Some(1),
        "one group, though two of its reports name it"
    );
    let map = store.place_counts(&EventFilter::default()).unwrap();
    assert_eq!(
        map.iter().find(|p| p.name == "Chuhuiv").map(|p| p.events),
        Some(1)
    );
    assert_eq!(
        store
            .timeline_columns(&query(r#"{"place": "Chuhuiv"}"#))
            .unwrap()
            .id,
        [fight.id as i32]
    );
    // The actor network links the group's actors through every report too (NATO is named by
    // the third report only), once per group.
    let lists = store.event_actor_lists(&EventFilter::default()).unwrap();
    let group_actors = lists
        .iter()
        .find(|(actors, _)| actors.iter().any(|a| a == "NATO"))
        .map(|(actors, _)| {
            let mut a = actors.clone();
            a.sort();
            a
        });
    assert_eq!(
        group_actors,
        Some(vec!["NATO".to_string(), "Russia".into(), "Ukraine".into()])
    );
    assert_eq!(lists.len(), 4, "one list per shown event: {lists:?}");
    assert_eq!(store.facets(&EventFilter::default()).unwrap().total, 4);
    assert_eq!(
        store
            .month_histogram(&EventFilter::default())
            .unwrap()
            .iter()
            .map(|m| m.count)
            .sum::<i64>(),
        4
    );
    assert_eq!(store.check().unwrap(), Vec::<String>::new());

    // Re-extracting the representative's article keeps one group.
    store.replace_extraction(a, &extraction_a).unwrap();
    let again = store.events(&EventFilter::default()).unwrap();
    assert_eq!(again.len(), 4);
    assert_eq!(again.iter().map(|e| e.reports).max(), Some(3));

    // The user keeps Beta's report apart; undo puts it back; it survives re-extraction.
    let beta_report = store
        .event_detail(again.iter().find(|e| e.reports == 3).unwrap().id)
        .unwrap()
        .reports[1]
        .event_id;
    store.keep_apart(beta_report).unwrap();
    let apart = store.events(&EventFilter::default()).unwrap();
    assert_eq!(apart.len(), 5);
    assert_eq!(apart.iter().map(|e| e.reports).max(), Some(2));
    store.replace_extraction(a, &extraction_a).unwrap();
    assert_eq!(store.events(&EventFilter::default()).unwrap().len(), 5);
    store.undo().unwrap().unwrap();
    let back = store.events(&EventFilter::default()).unwrap();
    assert_eq!(back.len(), 4);
    assert_eq!(back.iter().map(|e| e.reports).max(), Some(3));
    assert!(store
        .keep_apart(back.iter().find(|e| e.cameo == "01").unwrap().id)
        .is_err());
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

/// The timeline's binary columns hold what the listing rows hold, for every filter.
#[test]
fn timeline_columns_carry_the_listing_rows() {
    use linimasa::view::{TimelineColumns, NO_DAY};
    let (mut store, article_id, _) = sample();
    let day = |d: i32| (d != NO_DAY).then(|| store::from_day_number(d as i64).unwrap().to_string());
    // A hidden event stays out of both.
    let fifth = store.events(&EventFilter::default()).unwrap()[4].id;
    store
        .correct_event(
            fifth,
            &EventCorrection {
                hidden: Some(true),
                ..Default::default()
            },
        )
        .unwrap();
    for json in [
        "{}",
        r#"{"actor": "Rusia"}"#,
        r#"{"place": "Kharkiv"}"#,
        r#"{"cameo": "19", "source": "Gatra.com"}"#,
        r#"{"text": "Sample"}"#,
        r#"{"actor": "Nobody At All"}"#,
    ] {
        let filter = query(json);
        let rows = store.events(&filter).unwrap();
        let bytes = store.timeline_columns(&filter).unwrap().encode();
        let c = TimelineColumns::decode(&bytes).unwrap();
        assert_eq!(c.len(), rows.len(), "{json}");
        assert_eq!(c.actor_start.len(), rows.len() + 1);
        for (k, row) in rows.iter().enumerate() {
            let t = &c.tables;
            assert_eq!(c.id[k] as i64, row.id, "{json}");
            assert_eq!(day(c.earliest[k]), row.earliest);
            assert_eq!(day(c.latest[k]), row.latest);
            assert_eq!(t.precisions[c.precision[k] as usize], row.precision);
            assert_eq!(t.cameos[c.cameo[k] as usize], row.cameo);
            assert_eq!(t.modalities[c.modality[k] as usize], row.modality);
            assert_eq!(c.confidence[k], row.confidence);
            assert_eq!(c.reports[k] as i64, row.reports);
            let article = &t.articles[c.article[k] as usize];
            assert_eq!(
                (&article.title, &article.publisher),
                (&row.article_title, &row.publisher)
            );
            let value = (c.value[k] >= 0).then(|| t.values[c.value[k] as usize].clone());
            assert_eq!(value, row.date_value);
            let span = c.actor_start[k] as usize..c.actor_start[k + 1] as usize;
            let mut participants: Vec<(String, String)> = span
                .map(|i| {
                    (
                        t.actors[c.actor[i] as usize].clone(),
                        t.roles[c.role[i] as usize].clone(),
                    )
                })
                .collect();
            let mut expected: Vec<(String, String)> = row
                .participants
                .iter()
                .map(|p| (p.actor.clone(), p.role.clone()))
                .collect();
            participants.sort();
            expected.sort();
            assert_eq!(participants, expected, "{json}");
            let places: Vec<String> = (c.place_start[k]..c.place_start[k + 1])
                .map(|i| t.places[c.place[i as usize] as usize].clone())
                .collect();
            assert_eq!(places, row.places);
        }
    }
    let _ = article_id;

    // The UI decodes a sample of the same bytes in its own tests; this keeps it current.
    let bytes = store
        .timeline_columns(&EventFilter::default())
        .unwrap()
        .encode();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let expected = format!(
        "// Written by `UPDATE_BINDINGS=1 cargo test --test it timeline_columns`: the bytes the\n\
         // store sends for the sample workspace of tests/it/store.rs (4 visible events).\n\
         export const SAMPLE_HEX =\n  \"{hex}\";\n"
    );
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/backend/columns.sample.ts");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == expected,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test --test it timeline_columns`",
        path.display()
    );
}

#[test]
fn the_articles_tab_lists_the_articles_the_filter_selects() {
    let mut store = Store::open_in_memory().unwrap();
    let shelling = |day, place| {
        with_evidence(
            event("19", day, day, &["Russia", "Ukraine"], &[place], 0),
            "Russian forces shelled Kharkiv",
        )
    };
    article_with(&mut store, "Alpha", vec![shelling("2022-03-01", "Kharkiv")]);
    article_with(
        &mut store,
        "Beta",
        vec![
            // Grouped with Alpha's report; only this report names Chuhuiv.
            shelling("2022-03-02", "Chuhuiv"),
            with_evidence(
                event("01", "2022-05-01", "2022-05-01", &["Syria"], &[], 20),
                "Damascus said the talks were over",
            ),
        ],
    );
    // An article with no events at all.
    article_with(&mut store, "Grain exports", vec![]);

    let titles = |json: &str| -> Vec<String> {
        let filter = query(json);
        let mut titles: Vec<String> = store
            .article_selection(&filter)
            .unwrap()
            .into_iter()
            .map(|a| a.title)
            .collect();
        // The facets count what the tab lists.
        assert_eq!(
            store.facets(&filter).unwrap().articles,
            titles.len() as i64,
            "{json}"
        );
        assert_eq!(
            store.article_selection_count(&filter).unwrap(),
            titles.len() as i64
        );
        titles.sort();
        titles
    };
    assert_eq!(titles("{}"), ["Alpha", "Beta", "Grain exports"]);
    // Filters on events list the articles reporting a selected event, grouped reports included.
    assert_eq!(titles(r#"{"actor": "Syria"}"#), ["Beta"]);
    assert_eq!(titles(r#"{"place": "Chuhuiv"}"#), ["Alpha", "Beta"]);
    assert_eq!(titles(r#"{"cameo": "19"}"#), ["Alpha", "Beta"]);
    assert_eq!(titles(r#"{"from": "2022-04-01"}"#), ["Beta"]);
    // Filters on articles alone list every article passing them, one without events too.
    assert_eq!(titles(r#"{"text": "grain"}"#), ["Grain exports"]);
    assert_eq!(titles(r#"{"source": "Beta News"}"#), ["Beta"]);
    assert_eq!(titles(r#"{"language": "id"}"#), Vec::<String>::new());
    // Both kinds together: the reports of the selected events that pass the article filters.
    assert_eq!(
        titles(r#"{"place": "Kharkiv", "source": "Beta News"}"#),
        Vec::<String>::new(),
        "Beta's report is grouped under Alpha's event, which the source filter leaves out"
    );
    assert_eq!(
        titles(r#"{"actor": "Russia", "source": "Alpha News"}"#),
        ["Alpha"]
    );
    assert_eq!(
        titles(r#"{"actor": "Syria", "text": "grain"}"#),
        Vec::<String>::new()
    );
    // A name the store does not know selects nothing.
    assert_eq!(titles(r#"{"actor": "Atlantis"}"#), Vec::<String>::new());
}

#[test]
fn a_workspace_of_the_schema_before_keeps_its_named_actors_and_drops_the_stale_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    {
        let mut store = Store::open(&db).unwrap();
        let text = std::fs::read_to_string(seed_path()).unwrap();
        pipeline::import_text(&mut store, "seed.txt", &text, date("2026-01-01")).unwrap();
    }
    let named = |store: &Store| -> Vec<String> {
        let mut names: Vec<String> = store
            .actors()
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        names.sort();
        names
    };
    let before = named(&Store::open(&db).unwrap());
    assert!(before.len() >= 3, "{before:?}");
    // As the previous schema left it: no table of who names whom, and a name older rules made
    // that nothing names any more.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TABLE article_actor;
             INSERT INTO actor(canonical_name, kind, extractor, rule) VALUES ('Kremlin Dmitry', 'person', 'old', 'old');
             UPDATE actor SET eff_id = id WHERE eff_id IS NULL;
             PRAGMA user_version = 5;",
        )
        .unwrap();
    }
    let store = Store::open(&db).unwrap();
    assert_eq!(named(&store), before, "the stale name goes, the named stay");
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}
