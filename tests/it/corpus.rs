//! Runs every table in tests/corpus/<lang>/dateline.toml through the article-date stage.

use linimasa::time::{article_date, DateContext};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    reference: String,
    date: String,
    method: Option<String>,
}

#[test]
fn dateline_tables() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut ran = 0;
    let mut failures = Vec::new();
    for lang in std::fs::read_dir(&root).unwrap() {
        let path = lang.unwrap().path().join("dateline.toml");
        if !path.exists() {
            continue;
        }
        let cases: Cases = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for c in cases.case {
            ran += 1;
            let ctx = DateContext {
                reference: super::date(&c.reference),
                file_modified: None,
                neighbours: None,
            };
            let (found, _) = article_date(None, None, &c.text, &ctx);
            let got_date = found
                .as_ref()
                .map(|p| p.date.to_string())
                .unwrap_or_default();
            let got_method = found.as_ref().map(|p| p.method.as_str().to_string());
            if got_date != c.date || (c.method.is_some() && got_method != c.method) {
                failures.push(format!(
                    "{}: {:?}\n   expected {} {:?}, got {} {:?}",
                    path.display(),
                    c.text,
                    c.date,
                    c.method,
                    got_date,
                    got_method
                ));
            }
        }
    }
    assert!(ran >= 10, "only {ran} cases ran");
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[derive(Deserialize)]
struct TimeCases {
    case: Vec<TimeCase>,
}

#[derive(Deserialize)]
struct TimeCase {
    text: String,
    dct: String,
    expect: Vec<[String; 2]>,
}

/// The one harness for time expressions: every rule's own examples (resources/<lang>/time.toml,
/// each must come out as one expression over the whole example) and every sentence table in
/// tests/corpus/<lang>/time.toml (exactly the expected expressions and values, nothing else).
#[test]
fn time_expression_tables() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut ran = 0;
    let mut failures = Vec::new();
    for lex in linimasa::time::resources::lexicons() {
        for rule in &lex.rules {
            if rule.examples.is_empty() {
                failures.push(format!("rule {} has no example", rule.id));
            }
            for [text, dct, value] in &rule.examples {
                ran += 1;
                // A rule that needs a word in its sentence gets its first one after the example.
                let sentence = match rule.context.first() {
                    Some(word) => format!("{text} {word}"),
                    None => text.clone(),
                };
                let got =
                    linimasa::time::tagger::tag_text(&sentence, lex.lang, Some(super::date(dct)));
                // The first day of a range is tagged alone: its example is the whole range,
                // of which the rule's expression opens the text.
                let end = match rule.value.as_deref() {
                    Some("range_start") => text.find(|c: char| !c.is_ascii_digit()).unwrap_or(0),
                    _ => text.len(),
                };
                let whole = got.iter().find(|t| t.span.start == 0 && t.span.end == end);
                if whole.map(|t| &t.value) != Some(value) {
                    let seen: Vec<_> = got
                        .iter()
                        .map(|t| {
                            (
                                t.surface.as_str(),
                                t.value.as_str(),
                                t.provenance.rule.as_str(),
                            )
                        })
                        .collect();
                    failures.push(format!("{} {text:?} (dct {dct}): expected {value} over the whole text, got {seen:?}", rule.id));
                }
            }
        }
    }
    for lang in std::fs::read_dir(&root).unwrap() {
        let dir = lang.unwrap().path();
        let path = dir.join("time.toml");
        if !path.exists() {
            continue;
        }
        let code = dir.file_name().unwrap().to_string_lossy().into_owned();
        let cases: TimeCases = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for c in cases.case {
            ran += 1;
            let got: Vec<[String; 2]> =
                linimasa::time::tagger::tag_text(&c.text, &code, Some(super::date(&c.dct)))
                    .into_iter()
                    .map(|t| [t.surface, t.value])
                    .collect();
            if got != c.expect {
                failures.push(format!(
                    "{}: {:?}\n   expected {:?}\n   got      {:?}",
                    path.display(),
                    c.text,
                    c.expect,
                    got
                ));
            }
        }
    }
    assert!(ran >= 250, "only {ran} cases ran");
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
