//! `linimasa tag` and `linimasa eval timex`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::output::Table;
use super::{Format, TagFormat};
use linimasa::time::eval::{self, Mismatch, TimexScore};
use linimasa::time::tagger;
use linimasa::time::timeml::{self, TimemlDoc};

type Res = Result<ExitCode, Box<dyn std::error::Error>>;

fn read_doc(path: &Path) -> Result<TimemlDoc, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let content = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let is_cat = content.contains("<token ") && content.contains("t_id=");
    let doc = if is_cat {
        timeml::parse_cat(&content)
    } else {
        timeml::parse(&content)
    };
    doc.map_err(|e| format!("{}: malformed TimeML: {e}", path.display()))
}

/// The document's creation time: from the file, else `--dct`, else its dateline (as the article-date
/// stage finds it, with today as the latest possible day).
fn creation_time(doc: &TimemlDoc, dct: Option<NaiveDate>) -> Option<NaiveDate> {
    doc.dct.or(dct).or_else(|| {
        linimasa::time::find_dateline(&doc.text, chrono::Local::now().date_naive())
            .map(|d| d.published.date)
    })
}

fn language(doc: &TimemlDoc, lang: &Option<String>) -> String {
    lang.clone()
        .or_else(|| linimasa::lang::detect(&doc.text).map(str::to_string))
        .unwrap_or_else(|| "en".into())
}

pub fn tag(
    files: &[PathBuf],
    format: TagFormat,
    lang: Option<String>,
    dct: Option<NaiveDate>,
    out: Option<PathBuf>,
    explain: bool,
) -> Res {
    if files.len() > 1 && out.is_none() && format == TagFormat::Timeml {
        return Err("several files need --out DIR (one TimeML file is written per input)".into());
    }
    if let Some(dir) = &out {
        std::fs::create_dir_all(dir)?;
    }
    let mut failed = false;
    for path in files {
        let doc = match read_doc(path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        let lang = language(&doc, &lang);
        let timexes = tagger::tag_text(&doc.text, &lang, creation_time(&doc, dct));
        if explain {
            for t in &timexes {
                eprintln!(
                    "{}: {:?} {} {} [{}]",
                    path.display(),
                    t.surface,
                    t.timex_type.as_str(),
                    t.value,
                    t.provenance.rule
                );
            }
        }
        let rendered = match format {
            TagFormat::Timeml if doc.head.is_empty() => {
                // Plain text in: wrap it as a TimeML document with its DCT.
                let dct = creation_time(&doc, dct)
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                let wrapped = TimemlDoc {
                    head: format!("<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{dct}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{dct}</TIMEX3></DCT>\n<TEXT>"),
                    tail: "</TEXT>\n</TimeML>\n".into(),
                    ..doc.clone()
                };
                timeml::write(&wrapped, &timexes)
            }
            TagFormat::Timeml => timeml::write(&doc, &timexes),
            TagFormat::Json => serde_json::to_string_pretty(&timexes)? + "\n",
            TagFormat::Conll | TagFormat::Pos => {
                unreachable!("names and parts of speech are tagged by cli::names and cli::pos")
            }
        };
        match &out {
            Some(dir) => {
                let name = path.file_name().ok_or("input has no file name")?;
                // Write beside, then rename: never leave a half-written file.
                let target = dir.join(name);
                let tmp = dir.join(format!(".{}.tmp", name.to_string_lossy()));
                std::fs::write(&tmp, rendered)?;
                std::fs::rename(&tmp, &target)?;
            }
            None => print!("{rendered}"),
        }
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn collect(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        match linimasa::import::collect_files(p) {
            Ok(found) => files.extend(found.into_iter().filter(|f| {
                matches!(
                    f.extension().and_then(|e| e.to_str()),
                    Some("tml" | "xml" | "TE3input" | "timeml")
                )
            })),
            Err(e) => eprintln!("error: {e}"),
        }
    }
    files
}

pub fn eval(paths: &[PathBuf], lang: Option<String>, show_errors: bool, format: Format) -> Res {
    let files = collect(paths);
    if files.is_empty() {
        return Err("no .tml, .xml or .TE3input files found".into());
    }
    let mut total = TimexScore::default();
    let mut docs = 0;
    for path in &files {
        let doc = match read_doc(path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e}");
                continue;
            }
        };
        docs += 1;
        let lang = language(&doc, &lang);
        let system = tagger::tag_text(&doc.text, &lang, creation_time(&doc, None));
        let (s, mismatches) = eval::score(&doc, &system);
        total.add(&s);
        if show_errors {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            for m in mismatches {
                match m {
                    Mismatch::Missed { text, value } => {
                        println!("{name}\tmissed\t{text:?}\t{value}")
                    }
                    Mismatch::Spurious { text, value, rule } => {
                        println!("{name}\tspurious\t{text:?}\t{value}\t{rule}")
                    }
                    Mismatch::WrongValue {
                        gold_text,
                        gold,
                        text,
                        got,
                        rule,
                    } => {
                        println!("{name}\tvalue\t{gold_text:?} = {gold}\t{text:?} = {got}\t{rule}")
                    }
                    Mismatch::Extent {
                        gold_text,
                        text,
                        rule,
                    } => println!("{name}\textent\t{gold_text:?}\t{text:?}\t{rule}"),
                }
            }
        }
    }
    match format {
        Format::Json => {
            let json = serde_json::json!({
                "documents": docs, "counts": total,
                "strict": total.strict(), "relaxed": total.relaxed(), "value": total.value(), "type": total.typed(),
            });
            println!("{}", serde_json::to_string_pretty(&json)?);
        }
        _ => {
            println!(
                "{docs} documents, {} gold timexes, {} tagged",
                total.gold, total.system
            );
            let mut table = Table::new(&["measure", "precision", "recall", "F1"]);
            for (name, prf) in [
                ("strict span", total.strict()),
                ("relaxed span", total.relaxed()),
                ("value", total.value()),
                ("type", total.typed()),
            ] {
                table.row(vec![
                    name.into(),
                    format!("{:.3}", prf.precision),
                    format!("{:.3}", prf.recall),
                    format!("{:.3}", prf.f1),
                ]);
            }
            table.print();
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Texts for `linimasa bench tag`: the documents under `paths`, or the demo article.
pub fn bench_texts(
    paths: &[PathBuf],
    lang: Option<String>,
) -> Result<Vec<(String, String, Option<NaiveDate>)>, Box<dyn std::error::Error>> {
    if paths.is_empty() {
        let dct = "2022-03-01".parse().ok();
        return Ok(vec![(
            "id".into(),
            linimasa::workspace::DEMO_ARTICLE.to_string(),
            dct,
        )]);
    }
    let mut texts = Vec::new();
    for path in collect(paths) {
        let doc = read_doc(&path)?;
        texts.push((
            language(&doc, &lang),
            doc.text.clone(),
            creation_time(&doc, None),
        ));
    }
    // Other files are read as articles, dated by the article-date stage.
    let today = chrono::Local::now().date_naive();
    for p in paths {
        for file in linimasa::import::collect_files(p)? {
            if matches!(
                file.extension().and_then(|e| e.to_str()),
                Some("tml" | "xml" | "TE3input" | "timeml")
            ) {
                continue;
            }
            for raw in linimasa::import::read_file(&file, &Default::default()).articles {
                let article = linimasa::pipeline::prepare(&raw, today);
                let code = lang
                    .clone()
                    .or(article.language.clone())
                    .unwrap_or_else(|| "en".into());
                texts.push((code, article.text, article.published.map(|p| p.date)));
            }
        }
    }
    Ok(texts)
}
