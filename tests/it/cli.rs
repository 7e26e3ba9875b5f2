//! The `linimasa` binary as a user runs it.

use std::process::{Command, Output};

use super::seed_path;

fn run(db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn import_list_show_set_date_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let seed = seed_path();
    let o = run(
        &db,
        &[
            "import",
            seed.to_str().unwrap(),
            "--reference",
            "2026-11-25",
        ],
    );
    assert!(o.status.success());
    assert_eq!(stdout(&o).trim(), "imported 1, duplicates 0, failed 0");

    let json: serde_json::Value =
        serde_json::from_slice(&run(&db, &["articles", "--format", "json"]).stdout).unwrap();
    assert_eq!(json[0]["published"]["date"], "2022-03-01");
    assert_eq!(json[0]["published"]["method"], "weekday_inference");

    let csv = stdout(&run(&db, &["articles", "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.headers().unwrap().get(1), Some("published"));
    assert_eq!(
        reader.records().next().unwrap().unwrap().get(1),
        Some("2022-03-01")
    );

    let table = stdout(&run(&db, &["articles"]));
    assert!(
        table.contains("Kremlin: Terlalu Cepat") && table.contains("weekday_inference"),
        "{table}"
    );

    let search = stdout(&run(
        &db,
        &["articles", "--search", "Peskov", "--format", "json"],
    ));
    assert!(search.contains("Kremlin: Terlalu Cepat"));
    // The filters of `events` select articles as the app's Articles tab does.
    let count = |args: &[&str]| -> usize {
        let mut all = vec!["articles", "--format", "json"];
        all.extend_from_slice(args);
        let json: serde_json::Value = serde_json::from_slice(&run(&db, &all).stdout).unwrap();
        json.as_array().map_or(usize::MAX, Vec::len)
    };
    assert_eq!(count(&["--actor", "Rusia"]), 1);
    assert_eq!(count(&["--actor", "Rusia", "--language", "en"]), 0);
    assert_eq!(count(&["--search", "Peskov", "--type", "19"]), 1);
    assert_eq!(count(&["--search", "Peskov", "--from", "2030-01-01"]), 0);

    let show = stdout(&run(&db, &["show", "1"]));
    assert!(
        show.contains("Selasa (1/3)")
            && show.contains("id.date.weekday_paren")
            && show.contains("2022-02-24"),
        "{show}"
    );

    assert!(run(&db, &["set-date", "1", "2022-03-02"]).status.success());
    let json: serde_json::Value =
        serde_json::from_slice(&run(&db, &["articles", "--format", "json"]).stdout).unwrap();
    assert_eq!(json[0]["published"]["method"], "user");

    let events: serde_json::Value = serde_json::from_slice(
        &run(&db, &["events", "--format", "json", "--actor", "Rusia"]).stdout,
    )
    .unwrap();
    // "Rusia" is an alias of the actor Russia; after the date correction the statements made
    // on the reporting day moved with the article date (extraction re-ran).
    let events = events.as_array().unwrap();
    assert!(!events.is_empty());
    assert!(
        events.iter().all(|e| e["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Russia")),
        "{events:?}"
    );
    assert!(
        events.iter().any(|e| e["earliest"] == "2022-03-02"),
        "{events:?}"
    );
    assert!(run(&db, &["check"]).status.success());
}

#[test]
fn errors_are_clear_and_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let o = run(&db, &["show", "42"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no article with id 42"));

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[{\"title\": 1,").unwrap();
    let o = run(&db, &["import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "a run with failures exits 2");
    let out = stdout(&o);
    assert!(
        out.contains("failed 1") && out.contains("bad.json") && out.contains("malformed JSON"),
        "{out}"
    );

    let o = run(&db, &["set-date", "1", "2022-02-30"]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("2022-02-30"),
        "an impossible date is named"
    );
}

#[test]
fn import_without_extraction_then_extract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let seed = seed_path();
    assert!(
        run(&db, &["import", "--no-extract", seed.to_str().unwrap()])
            .status
            .success()
    );
    let show = stdout(&run(&db, &["show", "1"]));
    assert!(!show.contains("time expressions:"), "{show}");
    let o = run(&db, &["extract"]);
    assert_eq!(stdout(&o).trim(), "extracted 1 articles");
    let show = stdout(&run(&db, &["show", "1"]));
    assert!(
        show.contains("time expressions:") && show.contains("Kamis lalu"),
        "{show}"
    );
}

/// `linimasa tag --format conll --lang LANG FILE`'s output.
fn tag_conll(lang: &str, file: &std::path::Path) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .args(["tag", "--format", "conll", "--lang", lang])
        .arg(file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    stdout(&o)
}

#[test]
fn tag_pos_writes_what_eval_pos_reads() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "Boeing delayed the delivery. It fell.").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .args(["tag", "--format", "pos", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    // One word a line, a blank line after each sentence.
    assert_eq!(
        out.split("\n\n").filter(|s| !s.trim().is_empty()).count(),
        2,
        "{out}"
    );
    assert!(
        out.contains("delayed\tVERB\n") && out.contains("delivery\tNOUN\n"),
        "{out}"
    );
    let tagged = dir.path().join("tagged.tsv");
    std::fs::write(&tagged, &out).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .args(["eval", "pos", "--lang", "en"])
        .arg(&tagged)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Its own tags read back: every word right.
    assert!(stdout(&o).contains("1.000"), "{}", stdout(&o));
    let o = Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .args(["tag", "--format", "pos", "--lang", "id"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no part-of-speech model"));
}

#[test]
fn names_tag_conll_and_eval() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.conll");
    std::fs::write(&file, "Presiden\tO\nJoko\tB-PERSON\nWidodo\tI-PERSON\ntiba\tO\ndi\tO\nJakarta\tB-PLACE\n.\tO\n\nIa\tO\npulang\tO\n").unwrap();
    let out = tag_conll("id", &file);
    let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 9, "{out}");
    assert!(
        lines[1].starts_with("Joko\tB-PERSON\t") && lines[1].ends_with("B-PER"),
        "{}",
        lines[1]
    );
    assert!(
        lines[5].starts_with("Jakarta\tB-PLACE\t") && lines[5].ends_with("B-LOC"),
        "{}",
        lines[5]
    );
    // English CoNLL-2003 style: every line comes back in order, document markers too, and a
    // dateline's place is a place.
    let en = dir.path().join("en.conll");
    std::fs::write(
        &en,
        "-DOCSTART- -X- -X- O\n\nBRUSSELS NNP B-NP B-LOC\n1996-08-22 CD I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\nsaid VBD B-VP O\n\n-DOCSTART- -X- -X- O\n\nBlackburn NNP B-NP B-ORG\nlost VBD B-VP O\n",
    )
    .unwrap();
    let out = tag_conll("en", &en);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 13, "{out}");
    assert_eq!(lines[0], "-DOCSTART- -X- -X- O O");
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "BRUSSELS NNP B-NP B-LOC B-LOC");
    assert_eq!(lines[6], "Blackburn NNP I-NP I-PER I-PER");
    assert_eq!(lines[9], "-DOCSTART- -X- -X- O O");
    // The second document does not inherit the first one's person.
    assert!(!lines[11].ends_with("PER"), "{out}");
    let o = Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .args([
            "eval",
            "names",
            "--lang",
            "id",
            "--format",
            "json",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["gold"], 2);
    assert!(v["f1"].as_f64().unwrap() > 0.99, "{v}");
    let o = Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .args([
            "eval",
            "names",
            "--lang",
            "id",
            "--model",
            "/no/such.model",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("/no/such.model"));
    // A language without a model is tagged by the rules.
    let o = Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .args([
            "eval",
            "names",
            "--lang",
            "xx",
            "--format",
            "json",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["gold"], 2);
}

#[test]
fn network_of_the_seed_article() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let seed = seed_path();
    assert!(run(&db, &["import", seed.to_str().unwrap()])
        .status
        .success());
    let net: serde_json::Value =
        serde_json::from_slice(&run(&db, &["network", "--format", "json"]).stdout).unwrap();
    let nodes = net["nodes"].as_array().unwrap();
    let node = |name: &str| {
        nodes
            .iter()
            .find(|n| n["actor"] == name)
            .unwrap_or_else(|| panic!("no {name} in {nodes:?}"))
    };
    assert!(node("Russia")["degree"].as_u64().unwrap() >= 2);
    let total: f64 = nodes.iter().map(|n| n["pagerank"].as_f64().unwrap()).sum();
    assert!((total - 1.0).abs() < 1e-6);
    let edges = net["edges"].as_array().unwrap();
    let ru_ua = edges
        .iter()
        .find(|e| e["source"] == "Russia" && e["target"] == "Ukraine")
        .expect("Russia — Ukraine link");
    assert!(
        ru_ua["weight"].as_f64().unwrap() >= 2.0 && !ru_ua["dates"].as_array().unwrap().is_empty()
    );
    // A date window gives its own network: before the talks, no Kremlin.
    let early: serde_json::Value = serde_json::from_slice(
        &run(&db, &["network", "--to", "2022-02-28", "--format", "json"]).stdout,
    )
    .unwrap();
    assert!(early["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["actor"] != "Kremlin"));
    let path = stdout(&run(
        &db,
        &["network", "--path", "Vladimir Putin", "Ukraine"],
    ));
    assert!(
        path.trim().starts_with("Vladimir Putin —") && path.trim().ends_with("Ukraine"),
        "{path}"
    );
    // Events in JSON carry roles, attribution and how their date was derived.
    let events: serde_json::Value = serde_json::from_slice(
        &run(&db, &["events", "--actor", "Peskov", "--format", "json"]).stdout,
    )
    .unwrap();
    let events = events.as_array().unwrap();
    assert!(
        events.iter().any(|e| e["participants"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["actor"] == "Dmitry Peskov" && p["role"] == "source")),
        "{events:?}"
    );
    assert!(events
        .iter()
        .all(|e| !e["derivation"].as_str().unwrap().is_empty()));
    let o = run(&db, &["network", "--ego", "Nobody"]);
    assert!(
        !o.status.success() && String::from_utf8_lossy(&o.stderr).contains("no actor \"Nobody\"")
    );
}

#[test]
fn an_entity_timeline_goes_to_standard_output_or_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("7.tml");
    std::fs::write(
        &doc,
        r#"<TimeML><DOCID>7</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2008-03-01">2008-03-01</TIMEX3></DCT>
<TEXT><s id="0">Acme wins contract</s><s id="1">Acme announced on February 29 that it sold ten planes .</s></TEXT></TimeML>"#,
    )
    .unwrap();
    let db = dir.path().join("unused.db");
    let o = run(
        &db,
        &["timeline", "--entity", "Acme", dir.path().to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    assert!(text.starts_with("Acme\n"), "{text}");
    assert!(text.contains("2008-02-29\t7-1-announced"), "{text}");
    let out = dir.path().join("timelines");
    let o = run(
        &db,
        &[
            "timeline",
            "--entity",
            "Acme",
            "--out",
            out.to_str().unwrap(),
            doc.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    let file = std::fs::read_to_string(out.join("acme.txt")).unwrap();
    assert_eq!(file, text, "the same timeline either way");
    // A binary file beside the documents is named and skipped; a missing path is an error.
    std::fs::write(dir.path().join("8.tml"), b"\x00\xff binary").unwrap();
    let o = run(
        &db,
        &["timeline", "--entity", "Acme", dir.path().to_str().unwrap()],
    );
    assert!(o.status.success());
    assert_eq!(stdout(&o), text);
    assert!(String::from_utf8_lossy(&o.stderr).contains("8.tml: skipped"));
    let missing = dir.path().join("missing");
    let o = run(
        &db,
        &["timeline", "--entity", "Acme", missing.to_str().unwrap()],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such file or folder"));
}
