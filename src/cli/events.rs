//! `linimasa eval events`: events against MEANTIME's gold (see `linimasa::events::eval`).

use std::path::PathBuf;
use std::process::ExitCode;

use linimasa::events::eval::{self, EventScore};

use super::output::Table;
use super::Format;

type Res = Result<ExitCode, Box<dyn std::error::Error>>;

pub fn eval(paths: &[PathBuf], format: Format, errors: bool) -> Res {
    let mut total = EventScore::default();
    let mut anchored_gold = 0;
    let mut docs = 0;
    for p in paths {
        for file in linimasa::import::collect_files(p)? {
            let read = match file.extension().and_then(|e| e.to_str()) {
                Some("xml") => eval::read_meantime,
                Some("tml") => eval::read_timeml,
                _ => continue,
            };
            let content =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let doc = read(&content).map_err(|e| format!("{}: {e}", file.display()))?;
            let found = linimasa::pipeline::extract(&eval::article_of(&doc)).events;
            total.add(eval::score(&doc, &found));
            if errors {
                for line in eval::mistakes(&doc, &found) {
                    eprintln!("{}\t{line}", file.display());
                }
            }
            anchored_gold += eval::anchored_gold(&doc);
            docs += 1;
        }
    }
    let s = total;
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "documents": docs, "gold": s.gold, "found": s.found, "matched": s.matched,
                "precision": s.precision(), "recall": s.recall(), "f1": s.f1(),
                "anchored_gold": anchored_gold, "anchored_matched": s.anchored, "dated_right": s.dated_right,
                "with_participants": s.with_participants, "participant_right": s.participant_right,
                "referent_right": s.referent_right,
            }))?
        ),
        _ => {
            let f = |x: f64| format!("{x:.3}");
            let share = |a: usize, b: usize| {
                format!(
                    "{a} / {b} ({})",
                    f(if b == 0 { 0.0 } else { a as f64 / b as f64 })
                )
            };
            println!("{docs} documents");
            let mut table = Table::new(&["measure", "value"]);
            table.row(vec!["gold event mentions".into(), s.gold.to_string()]);
            table.row(vec!["events found".into(), s.found.to_string()]);
            table.row(vec![
                "matched (trigger overlaps a mention)".into(),
                s.matched.to_string(),
            ]);
            table.row(vec!["precision".into(), f(s.precision())]);
            table.row(vec!["recall".into(), f(s.recall())]);
            table.row(vec!["F1".into(), f(s.f1())]);
            table.row(vec![
                "dated right, of matched with a gold date".into(),
                share(s.dated_right, s.anchored),
            ]);
            table.row(vec![
                "dated right, of all gold with a date".into(),
                share(s.dated_right, anchored_gold),
            ]);
            table.row(vec![
                "a right participant, of matched with gold participants".into(),
                share(s.participant_right, s.with_participants),
            ]);
            table.row(vec![
                "the same, the gold's coreference resolved".into(),
                share(s.referent_right, s.with_participants),
            ]);
            table.print();
        }
    }
    Ok(ExitCode::SUCCESS)
}
