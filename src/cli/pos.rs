//! `linimasa train pos` and `linimasa eval pos`: the part-of-speech tagger (see `linimasa::pos`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use linimasa::pos::{self, Model, Tagged, Upos};

use super::output::Table;
use super::Format;

type Res = Result<ExitCode, Box<dyn std::error::Error>>;

/// Every tagged sentence of the files (or folders of them), in order.
fn read(paths: &[PathBuf]) -> Result<Vec<Tagged>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for p in paths {
        for file in linimasa::import::collect_files(p)? {
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            out.extend(pos::read_tagged(&text).map_err(|e| format!("{}: {e}", file.display()))?);
        }
    }
    Ok(out)
}

pub fn train(paths: &[PathBuf], lang: &str, epochs: usize, seed: u64, out: &Path) -> Res {
    let data = read(paths)?;
    let tokens: usize = data.iter().map(|(w, _)| w.len()).sum();
    eprintln!(
        "training on {} sentences, {tokens} tokens, {epochs} epochs",
        data.len()
    );
    let model = Model::train(
        &data,
        pos::verb_forms(lang),
        epochs,
        seed,
        |epoch, accuracy| eprintln!("epoch {epoch}: token accuracy {accuracy:.4}"),
    );
    let bytes = model.to_bytes();
    // Write beside, then rename: an interrupted run never leaves a broken model.
    let tmp = out.with_extension("model.tmp");
    std::fs::write(&tmp, &bytes)?;
    std::fs::rename(&tmp, out)?;
    println!("{}: {} bytes", out.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}

/// Plain text in; each word on a line with its part of speech, a blank line after each sentence.
pub fn tag(files: &[PathBuf], lang: &str) -> Res {
    let model = pos::model(lang).ok_or(format!("no part-of-speech model for \"{lang}\""))?;
    let mut out = String::new();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let tokens = linimasa::names::tokenize::tokenize(&text);
        for sentence in linimasa::names::tokenize::sentences(&text, &tokens) {
            let words: Vec<&str> = tokens[sentence].iter().map(|t| t.text).collect();
            for (word, tag) in words.iter().zip(model.tag(&words)) {
                out.push_str(&format!("{word}\t{}\n", tag.as_str()));
            }
            out.push('\n');
        }
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

pub fn eval(paths: &[PathBuf], lang: &str, model_file: Option<&Path>, format: Format) -> Res {
    let model: &Model = match model_file {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let model = Model::from_bytes(&bytes, pos::verb_forms(lang))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Box::leak(Box::new(model))
        }
        None => pos::model(lang).ok_or(format!("no part-of-speech model for \"{lang}\""))?,
    };
    let data = read(paths)?;
    // Per tag: gold count, predicted count, right.
    let mut counts = [(0usize, 0usize, 0usize); 17];
    for (words, gold) in &data {
        for (g, p) in gold.iter().zip(model.tag(words)) {
            counts[*g as usize].0 += 1;
            counts[p as usize].1 += 1;
            if *g == p {
                counts[p as usize].2 += 1;
            }
        }
    }
    let tokens: usize = counts.iter().map(|c| c.0).sum();
    let right: usize = counts.iter().map(|c| c.2).sum();
    let accuracy = right as f64 / tokens.max(1) as f64;
    let f1 = |(gold, found, right): (usize, usize, usize)| {
        let p = right as f64 / found.max(1) as f64;
        let r = right as f64 / gold.max(1) as f64;
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    match format {
        Format::Json => {
            let tags: serde_json::Map<String, serde_json::Value> = Upos::ALL
                .iter()
                .map(|t| {
                    let (p, r, f) = f1(counts[*t as usize]);
                    (
                        t.as_str().to_string(),
                        serde_json::json!({"gold": counts[*t as usize].0, "precision": p, "recall": r, "f1": f}),
                    )
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({
                    "sentences": data.len(), "tokens": tokens, "accuracy": accuracy, "tags": tags,
                }))?
            );
        }
        _ => {
            println!(
                "{} sentences, {tokens} words: accuracy {accuracy:.4}",
                data.len()
            );
            let mut table = Table::new(&["tag", "gold", "precision", "recall", "F1"]);
            for t in Upos::ALL {
                let (p, r, f) = f1(counts[t as usize]);
                table.row(vec![
                    t.as_str().into(),
                    counts[t as usize].0.to_string(),
                    format!("{p:.3}"),
                    format!("{r:.3}"),
                    format!("{f:.3}"),
                ]);
            }
            table.print();
        }
    }
    Ok(ExitCode::SUCCESS)
}
