//! `linimasa timeline` and `linimasa eval timeline`: SemEval-2015 Task 4 entity timelines.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use linimasa::timeline::{self, Doc, Score};

use super::Res;

/// Task documents from files and folders (recursively, `.tml` files).
fn read_docs(paths: &[PathBuf]) -> Result<Vec<Doc>, String> {
    let mut files = Vec::new();
    for p in paths {
        collect(p, &mut files).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        // One unreadable file (binary, not UTF-8) is reported and skipped; the rest go on.
        let text = match std::fs::read_to_string(&f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: skipped: {e}", f.display());
                continue;
            }
        };
        match timeline::read_doc(&text) {
            Some(d) => docs.push(d),
            None => eprintln!(
                "{}: skipped: not a task TimeML document (DOCID, DCT and <s> sentences)",
                f.display()
            ),
        }
    }
    Ok(docs)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !path.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no such file or folder",
        ));
    }
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect(&entry?.path(), out)?;
        }
    } else if path.extension().is_some_and(|e| e == "tml") || path.is_file() {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// Writes one timeline file per entity into `out`, or the timelines to standard output.
pub fn run(
    paths: &[PathBuf],
    entities: Vec<String>,
    entities_file: Option<PathBuf>,
    out: Option<&Path>,
) -> Res {
    let mut names = entities;
    if let Some(f) = entities_file {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        names.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    if names.is_empty() {
        return Err("give --entity NAME or --entities-file FILE".into());
    }
    let docs = read_docs(paths)?;
    let Some(out) = out else {
        // Standard output: each entity's timeline (its name first), a blank line between two.
        let texts: Vec<String> = names
            .iter()
            .map(|name| timeline::write(name, &timeline::entity_timeline(&docs, name)))
            .collect();
        print!("{}", texts.join("\n"));
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for name in names {
        let lines = timeline::entity_timeline(&docs, &name);
        let file = out.join(timeline::file_name(&name));
        linimasa::export::write_atomically(&file, |w| {
            w.write_all(timeline::write(&name, &lines).as_bytes())
        })?;
        println!("{}: {} events", file.display(), lines.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// Scores every gold timeline file against the system file of the same name.
pub fn eval(gold: &Path, system: &Path) -> Res {
    let mut files: Vec<PathBuf> = std::fs::read_dir(gold)
        .map_err(|e| format!("{}: {e}", gold.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut total = Score::default();
    println!(
        "{:<28} {:>9} {:>9} {:>9}",
        "entity", "precision", "recall", "F1"
    );
    for f in files {
        let name = f.file_name().expect("a file").to_owned();
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        let g = timeline::parse(&read(&f));
        let s = timeline::parse(&read(&system.join(&name)));
        let score = timeline::score(&g, &s);
        total.add(score);
        println!(
            "{:<28} {:>9.3} {:>9.3} {:>9.3}",
            name.to_string_lossy(),
            score.precision(),
            score.recall(),
            score.f1()
        );
    }
    println!(
        "{:<28} {:>9.3} {:>9.3} {:>9.3}",
        "all (micro)",
        total.precision(),
        total.recall(),
        total.f1()
    );
    Ok(ExitCode::SUCCESS)
}
