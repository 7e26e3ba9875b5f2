//! Exports, checked by real consumers: networkx reads the GraphML and GEXF files, Python's csv
//! module the CSV files (tests/consumers/read_exports.py). TimelineJS and the charts are checked
//! in their own tests.

use std::path::Path;
use std::process::Command;

use linimasa::export::data::{self, DataFormat, TimelineGroup};
use linimasa::export::Selection;
use linimasa::model::*;
use linimasa::store::{self, EventFilter, NewArticle, Store};
use serde_json::Value;

use super::date;
use super::store::{actor, event};

/// Names that break naive writers: commas, quotes, a newline, right-to-left and CJK text, markup.
const AWKWARD: [&str; 4] = [
    "O'Brien, \"Jr.\"",
    "محمد بن سلمان",
    "北京市政府",
    "<b>Acme</b> & Sons\nLtd",
];

fn awkward_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let text = "Text with <script>alert(1)</script> and quotes \" ' , and more.\nSecond line.";
    let article = Article {
        id: 0,
        content_hash: store::content_hash("T, \"quoted\"", text),
        title: "T, \"quoted\" <i>title</i>".into(),
        publisher: Some("Pub, Inc.".into()),
        url: Some("https://example.org/a?b=1&c=2".into()),
        language: Some("en".into()),
        section: None,
        text: text.into(),
        warnings: vec![],
        published: None,
        source: None,
    };
    let mut e1 = event(
        "04",
        "2022-02-28",
        "2022-03-01",
        &AWKWARD[..2],
        &["Kyiv"],
        0,
    );
    e1.evidence_text = "He said \"no\", then <left>\n— «ok»".into();
    let e2 = event(
        "19",
        "2022-03-05",
        "2022-03-05",
        &AWKWARD[1..],
        &["Kyiv", "Москва"],
        10,
    );
    let mut e3 = event("01", "2022-03-07", "2022-03-07", &AWKWARD[3..], &[], 20);
    e3.precision = Grain::Month;
    let extraction = Extraction {
        actors: AWKWARD
            .iter()
            .map(|n| actor(n, ActorKind::Organisation, &[]))
            .collect(),
        events: vec![e1, e2, e3],
        ..Default::default()
    };
    store
        .insert_articles(&[NewArticle {
            article,
            extraction,
            date_meta: None,
            file_modified: None,
        }])
        .unwrap();
    store
}

fn export_all(selection: &Selection, dir: &Path) {
    for (format, name) in [
        (DataFormat::Csv, "out.csv"),
        (DataFormat::Json, "out.json"),
        (DataFormat::Graphml, "out.graphml"),
        (DataFormat::Gexf, "out.gexf"),
        (DataFormat::Timelinejs, "out.timelinejs"),
    ] {
        data::export(selection, format, TimelineGroup::Type, &dir.join(name)).unwrap();
    }
}

/// Runs the Python consumers over `dir`.
fn read_back(dir: &Path) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/read_exports.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(dir)
        .output()
        .expect("python3 runs (scripts/setup.sh installs networkx)");
    assert!(
        out.status.success(),
        "the consumers failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn networkx_and_csv_read_every_export_with_awkward_names_intact() {
    let store = awkward_store();
    let selection = Selection::gather(&store, &EventFilter::default(), date("2026-11-26")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    export_all(&selection, dir.path());
    let got = read_back(dir.path());

    // 3 events + 4 actors + 2 places + 1 article; edges: 6 participations, 3 locations,
    // 3 sources, and actor pairs sharing events: (0,1), (1,2), (1,3), (2,3).
    for format in ["graphml", "gexf"] {
        let g = &got[format];
        assert_eq!(g["nodes"], 10, "{format}: {g}");
        assert_eq!(g["edges"], 16, "{format}: {g}");
        assert_eq!(
            g["node_types"],
            serde_json::json!({"event": 3, "actor": 4, "place": 2, "article": 1}),
            "{format}"
        );
        assert_eq!(g["edge_types"]["shared_events"], 4, "{format}");
        assert_eq!(
            g["dated_nodes"], 10,
            "{format}: every node has its interval"
        );
        let labels: Vec<&str> = g["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for name in AWKWARD
            .iter()
            .chain(&["Москва", "T, \"quoted\" <i>title</i>"])
        {
            assert!(labels.contains(name), "{format} lost {name:?}: {labels:?}");
        }
    }
    let csv = &got["csv"];
    assert_eq!(csv["events"]["rows"], 3);
    assert_eq!(csv["actors"]["rows"], 4);
    assert_eq!(csv["places"]["rows"], 2);
    assert_eq!(csv["events"]["columns"][0], "id");
    assert!(csv["events"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "evidence"));
    assert_eq!(
        csv["events"]["first"]["evidence"],
        "He said \"no\", then <left>\n— «ok»"
    );
    let mut names: Vec<&str> = AWKWARD.to_vec();
    names.sort();
    assert_eq!(csv["actors"]["names"], serde_json::json!(names));
    assert_eq!(got["json"]["events"], 3);
    assert_eq!(got["json"]["actors"], 4);
    assert!(got["json"]["caption_text"]
        .as_str()
        .unwrap()
        .starts_with("3 events from 1 article, 1 source (Pub, Inc.)"));
    assert_eq!(got["timelinejs"]["events"], 3);
    // TimelineJS shows text as HTML: article text must arrive escaped.
    let tl = std::fs::read_to_string(dir.path().join("out.timelinejs")).unwrap();
    assert!(!tl.contains("<left>") && tl.contains("&lt;left&gt;"));
    assert!(!tl.contains("<b>Acme") && tl.contains("&lt;b&gt;Acme"));
}

#[test]
fn an_empty_selection_exports_valid_empty_files_that_say_so() {
    let store = awkward_store();
    let filter = EventFilter {
        actor: Some("Nobody at all".into()),
        ..Default::default()
    };
    let selection = Selection::gather(&store, &filter, date("2026-11-26")).unwrap();
    assert!(selection
        .caption
        .text()
        .starts_with("No events match the filters"));
    assert!(selection.caption.text().contains("actor: Nobody at all"));
    let dir = tempfile::tempdir().unwrap();
    export_all(&selection, dir.path());
    let got = read_back(dir.path());
    assert_eq!(
        (
            got["graphml"]["nodes"].as_i64(),
            got["gexf"]["edges"].as_i64()
        ),
        (Some(0), Some(0))
    );
    assert_eq!(got["csv"]["events"]["rows"], 0);
    assert_eq!(
        got["csv"]["events"]["columns"][0], "id",
        "the header is still there"
    );
    assert_eq!(got["timelinejs"]["events"], 0);
}

#[test]
fn an_unwritable_path_is_named_and_leaves_nothing_behind() {
    let store = awkward_store();
    let selection = Selection::gather(&store, &EventFilter::default(), date("2026-11-26")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a file").unwrap();
    let target = blocker.join("out.json");
    let err = data::export(&selection, DataFormat::Json, TimelineGroup::Type, &target).unwrap_err();
    assert!(
        err.to_string().contains(&target.display().to_string()),
        "{err}"
    );
    // An existing file survives a failed export over it; no temporary file is left.
    let existing = dir.path().join("keep.graphml");
    std::fs::write(&existing, "old content").unwrap();
    std::fs::create_dir(
        dir.path()
            .join("keep.graphml.partial-".to_string() + &std::process::id().to_string()),
    )
    .unwrap();
    assert!(data::export(
        &selection,
        DataFormat::Graphml,
        TimelineGroup::Type,
        &existing
    )
    .is_err());
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "old content");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 3, "{left:?}");
}
