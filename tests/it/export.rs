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
        content_hash: store::content_hash("T, \"quoted\"", text),
        url: Some("https://example.org/a?b=1&c=2".into()),
        ..super::store::article("T, \"quoted\" <i>title</i>", Some("Pub, Inc."), text)
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
    // A type selection is told in words.
    let hide_other = EventFilter {
        cameo: Some("-00".into()),
        ..filter.clone()
    };
    let caption = Selection::gather(&store, &hide_other, date("2026-11-26"))
        .unwrap()
        .caption
        .text();
    assert!(
        caption.contains("type: all but 00 Other event"),
        "{caption}"
    );
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

// ---------------------------------------------------------------- charts

mod charts {
    use std::path::Path;
    use std::process::Command;

    use linimasa::export::chart::{self, ChartFormat, ChartOptions, ChartView};
    use linimasa::pipeline;
    use linimasa::store::{EventFilter, Store};

    use crate::{date, seed_path};

    fn seed_store() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let seed = std::fs::read_to_string(seed_path()).unwrap();
        pipeline::import_text(&mut store, "seed.txt", &seed, date("2026-11-25")).unwrap();
        store
    }

    /// Width, height and the share of pixels that are not (near) white, of a PNG file.
    fn png_ink(bytes: &[u8]) -> (u32, u32, f64) {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        let channels = info.color_type.samples();
        let pixels = &buf[..info.buffer_size()];
        let inked = pixels
            .chunks(channels)
            .filter(|p| p[..channels.min(3)].iter().any(|&c| c < 200))
            .count();
        (
            info.width,
            info.height,
            inked as f64 / (pixels.len() / channels) as f64,
        )
    }

    fn run(program: &str, args: &[&str]) -> Vec<u8> {
        let out = Command::new(program)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{program} runs (scripts/setup.sh installs it): {e}"));
        assert!(
            out.status.success(),
            "{program} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    fn pdf_text(path: &Path) -> String {
        String::from_utf8(run("pdftotext", &[path.to_str().unwrap(), "-"])).unwrap()
    }

    fn pdf_ink(path: &Path, dir: &Path) -> f64 {
        let stem = dir.join("page");
        run(
            "pdftoppm",
            &[
                "-png",
                "-r",
                "40",
                "-singlefile",
                path.to_str().unwrap(),
                stem.to_str().unwrap(),
            ],
        );
        png_ink(&std::fs::read(dir.join("page.png")).unwrap()).2
    }

    #[test]
    fn every_chart_renders_in_real_consumers_with_its_caption() {
        let store = seed_store();
        let total = store.events(&EventFilter::default()).unwrap().len();
        let dir = tempfile::tempdir().unwrap();
        let today = date("2026-11-26");
        for view in [ChartView::Timeline, ChartView::Network, ChartView::Map] {
            let name = format!("{view:?}").to_lowercase();
            let mut opts = ChartOptions::new(view, today);
            let file = |ext: &str| dir.path().join(format!("{name}.{ext}"));
            for (format, ext) in [
                (ChartFormat::Svg, "svg"),
                (ChartFormat::Png, "png"),
                (ChartFormat::Pdf, "pdf"),
            ] {
                chart::export(&store, &EventFilter::default(), &opts, format, &file(ext)).unwrap();
            }
            opts.scale = 2.0;
            chart::export(
                &store,
                &EventFilter::default(),
                &opts,
                ChartFormat::Png,
                &file("2x.png"),
            )
            .unwrap();

            // PNG at 1x and 2x.
            let (w1, h1, ink1) = png_ink(&std::fs::read(file("png")).unwrap());
            let (w2, h2, _) = png_ink(&std::fs::read(file("2x.png")).unwrap());
            assert_eq!((w1, w2, h2), (1200, 2400, h1 * 2), "{name}");
            assert!(ink1 > 0.01, "{name}: the PNG is blank ({ink1})");

            // The SVG, rendered by librsvg (independent of the renderer that made the PNG).
            let png = run(
                "rsvg-convert",
                &["-f", "png", file("svg").to_str().unwrap()],
            );
            let (w, _, ink) = png_ink(&png);
            assert_eq!(w, 1200);
            assert!(
                ink > 0.01,
                "{name}: the SVG renders blank in librsvg ({ink})"
            );
            let svg = std::fs::read_to_string(file("svg")).unwrap();
            assert!(
                svg.contains("exported 2026-11-26 with Linimasa"),
                "{name}: caption is text"
            );

            // The PDF, rendered by poppler, with its text (the caption) extractable.
            assert!(
                pdf_ink(&file("pdf"), dir.path()) > 0.01,
                "{name}: the PDF renders blank"
            );
            let text = pdf_text(&file("pdf"));
            let expected = format!("{total} events from 1 article");
            assert!(text.contains(&expected), "{name}: {text}");
            assert!(text.contains("exported 2026-11-26"), "{name}: {text}");
        }
        let timeline = pdf_text(&dir.path().join("timeline.pdf"));
        assert!(
            timeline.contains("Dmitry Peskov") && timeline.contains("Consult"),
            "{timeline}"
        );
        let map = pdf_text(&dir.path().join("map.pdf"));
        assert!(map.contains("Kharkiv"), "{map}");
    }

    #[test]
    fn a_window_an_empty_selection_and_no_caption() {
        let store = seed_store();
        let dir = tempfile::tempdir().unwrap();
        let today = date("2026-11-26");
        let mut opts = ChartOptions::new(ChartView::Timeline, today);
        opts.window = Some((date("2022-02-27"), date("2022-03-02")));
        let svg = chart::render_svg(&store, &EventFilter::default(), &opts).unwrap();
        let all = store.events(&EventFilter::default()).unwrap();
        let inside = all
            .iter()
            .filter(|e| e.latest.as_deref() >= Some("2022-02-27"))
            .count();
        assert!(inside < all.len(), "the seed has an event on 24 February");
        let drawn = format!("{inside} of {} events drawn", all.len());
        assert!(
            svg.contains(&drawn),
            "the window leaves out 24 February: {drawn}"
        );

        let nobody = EventFilter {
            actor: Some("Nobody".into()),
            ..Default::default()
        };
        let empty = dir.path().join("empty.pdf");
        chart::export(
            &store,
            &nobody,
            &ChartOptions::new(ChartView::Timeline, today),
            ChartFormat::Pdf,
            &empty,
        )
        .unwrap();
        let text = pdf_text(&empty);
        assert!(
            text.contains("No events match the filters") && text.contains("actor: Nobody"),
            "{text}"
        );

        opts.caption = false;
        let bare = dir.path().join("bare.pdf");
        chart::export(
            &store,
            &EventFilter::default(),
            &opts,
            ChartFormat::Pdf,
            &bare,
        )
        .unwrap();
        assert!(!pdf_text(&bare).contains("exported"));

        // The app's request: a half-open window is refused, not silently dropped.
        let request: linimasa::view::ChartRequest = serde_json::from_str(
            r#"{"view": "timeline", "format": "png", "caption": true, "window_from": "2022-02-27"}"#,
        )
        .unwrap();
        let err = request.options(today).unwrap_err();
        assert_eq!(
            err.code,
            linimasa::view::ErrorCode::InvalidInput,
            "{}",
            err.message
        );

        // Network positions of actors not drawn do not move the picture.
        let mut net = ChartOptions::new(ChartView::Network, today);
        let layout: std::collections::BTreeMap<String, (f64, f64)> = store
            .actors()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, a)| (a.name.clone(), (i as f64, (i * i) as f64 % 7.0)))
            .collect();
        net.positions = Some(layout.clone());
        let plain = chart::render_svg(&store, &EventFilter::default(), &net).unwrap();
        let mut extra = layout;
        extra.insert("Somebody not drawn".into(), (1e6, -1e6));
        net.positions = Some(extra);
        assert_eq!(
            chart::render_svg(&store, &EventFilter::default(), &net).unwrap(),
            plain
        );

        let blocked = dir.path().join("empty.pdf").join("x.png");
        let err = chart::export(
            &store,
            &EventFilter::default(),
            &opts,
            ChartFormat::Png,
            &blocked,
        )
        .unwrap_err();
        assert!(err.to_string().contains("x.png"), "{err}");
    }
}
