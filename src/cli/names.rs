//! `linimasa train names`, `linimasa eval names` and `linimasa tag --format conll`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use linimasa::names::conll::{self, LabeledSentence};
use linimasa::names::perceptron::{entities, Model, ANY, TAGS};

use super::output::Table;
use super::Format;

type Res = Result<ExitCode, Box<dyn std::error::Error>>;

/// Reads labelled sentences from CoNLL files, MEANTIME CAT files and ECB+ files (`.xml`; partly
/// labelled, for training), or folders of them; one list per file (a document: the rules
/// remember a document's names). `phrases`: MEANTIME's mention phrases as they are.
fn read_documents(
    paths: &[PathBuf],
    phrases: bool,
) -> Result<Vec<Vec<LabeledSentence>>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for p in paths {
        for file in linimasa::import::collect_files(p)? {
            let content =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let xml = file.extension().is_some_and(|e| e == "xml");
            out.push(
                if xml && !content.contains("<ENTITY_MENTION") && content.contains("<HUMAN_PART") {
                    conll::read_ecb_names(&content)
                } else if xml {
                    conll::read_cat_names(&content, phrases)
                } else {
                    // A CoNLL file: one document per `-DOCSTART-`.
                    out.extend(conll::read_conll_documents(&content));
                    continue;
                },
            );
        }
    }
    Ok(out)
}

fn word_lists(document: &[LabeledSentence]) -> Vec<Vec<&str>> {
    document
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect()
}

pub fn train(
    paths: &[PathBuf],
    lang: &str,
    epochs: usize,
    seed: u64,
    runs: usize,
    out: &Path,
) -> Res {
    let documents = read_documents(paths, false)?;
    let corpus: Vec<LabeledSentence> = documents.into_iter().flatten().collect();
    let tokens: usize = corpus.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training on {} sentences, {tokens} tokens, {epochs} epochs, {runs} runs averaged",
        corpus.len()
    );
    let data: Vec<(Vec<String>, Vec<usize>)> =
        corpus.into_iter().map(|s| (s.words, s.tags)).collect();
    let classes = linimasa::names::word_classes(lang);
    let models: Vec<Model> = (0..runs.max(1) as u64)
        .map(|run| {
            let seed = seed + 100 * run;
            Model::train(&data, classes, epochs, seed, |epoch, accuracy| {
                eprintln!(
                    "run {} (seed {seed}), epoch {epoch}: token accuracy {accuracy:.4}",
                    run + 1
                )
            })
        })
        .collect();
    let model = Model::mean(&models);
    let bytes = model.to_bytes();
    // Write beside, then rename: an interrupted run never leaves a broken model.
    let tmp = out.with_extension("model.tmp");
    std::fs::write(&tmp, &bytes)?;
    std::fs::rename(&tmp, out)?;
    println!(
        "{}: {} features, {} bytes",
        out.display(),
        model.features(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn eval(
    paths: &[PathBuf],
    lang: &str,
    model_file: Option<&Path>,
    format: Format,
    errors: bool,
    phrases: bool,
) -> Res {
    let model: Option<&'static Model> = match model_file {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let model =
                Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            // Lives until the command ends.
            Some(Box::leak(Box::new(model)))
        }
        None => linimasa::names::model(lang),
    };
    let documents = read_documents(paths, phrases)?;
    let mut pairs: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for document in &documents {
        // One tagger per document, as the pipeline does: the rules remember a document's names.
        let mut tagger = linimasa::names::Tagger::with_model(lang, model);
        let words = word_lists(document);
        tagger.prime(words.iter().map(Vec::as_slice));
        for (s, words) in document.iter().zip(&words) {
            let predicted = tagger.tag(words);
            pairs.push((
                s.tags.clone(),
                predicted.into_iter().map(|(t, _)| t).collect(),
            ));
        }
    }
    let corpus: Vec<&LabeledSentence> = documents.iter().flatten().collect();
    let score = conll::score(&pairs);
    if errors {
        for (s, (gold, predicted)) in corpus.iter().zip(&pairs) {
            let known: Vec<usize> = gold.iter().map(|&t| if t == ANY { 0 } else { t }).collect();
            let (g, p) = (entities(&known), entities(predicted));
            let name = |(a, b, _): &(usize, usize, &str)| s.words[*a..*b].join(" ");
            let open = |e: &&(usize, usize, &str)| gold[e.0..e.1].iter().all(|&t| t == ANY);
            for e in p.iter().filter(|e| !g.contains(e) && !open(e)) {
                eprintln!("wrong\t{}\t{}\t| {}", e.2, name(e), s.words.join(" "));
            }
            for e in g.iter().filter(|e| !p.contains(e)) {
                eprintln!("missed\t{}\t{}", e.2, name(e));
            }
        }
    }
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "sentences": corpus.len(), "gold": score.gold, "predicted": score.predicted, "correct": score.correct,
                "precision": score.precision(), "recall": score.recall(), "f1": score.f1(), "by_type": score.by_type,
            }))?
        ),
        _ => {
            println!(
                "{} sentences, {} gold entities, {} predicted",
                corpus.len(),
                score.gold,
                score.predicted
            );
            let mut table = Table::new(&["type", "gold", "predicted", "precision", "recall", "F1"]);
            let f = |x: f64| format!("{x:.3}");
            for (kind, g, p, c) in &score.by_type {
                let t = conll::NameScore {
                    gold: *g,
                    predicted: *p,
                    correct: *c,
                    by_type: vec![],
                };
                table.row(vec![
                    kind.clone(),
                    g.to_string(),
                    p.to_string(),
                    f(t.precision()),
                    f(t.recall()),
                    f(t.f1()),
                ]);
            }
            table.row(vec![
                "all".into(),
                score.gold.to_string(),
                score.predicted.to_string(),
                f(score.precision()),
                f(score.recall()),
                f(score.f1()),
            ]);
            table.print();
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Token-per-line in, every line back in order with the predicted tag appended (conlleval's
/// input): a token line gets its tag, a `-DOCSTART-` line "O", a blank line stays blank. Each
/// document (between `-DOCSTART-` lines) is tagged by its own tagger: the rules remember the
/// names a document has typed.
pub fn tag_conll(files: &[PathBuf], lang: &str) -> Res {
    for path in files {
        let content =
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let lines: Vec<&str> = content.lines().map(|l| l.trim_end_matches('\r')).collect();
        let mut tags: Vec<Option<usize>> = vec![None; lines.len()];
        // Documents as lists of sentences, each a list of line numbers.
        let mut documents: Vec<Vec<Vec<usize>>> = vec![vec![]];
        let mut sentence: Vec<usize> = vec![];
        for (n, line) in lines.iter().enumerate() {
            let docstart = line.starts_with("-DOCSTART-");
            if line.trim().is_empty() || docstart {
                let document = documents.last_mut().expect("one at least");
                if !sentence.is_empty() {
                    document.push(std::mem::take(&mut sentence));
                }
                if docstart && !document.is_empty() {
                    documents.push(vec![]);
                }
                continue;
            }
            sentence.push(n);
        }
        if !sentence.is_empty() {
            documents.last_mut().expect("one at least").push(sentence);
        }
        let word = |n: usize| {
            lines[n]
                .split(['\t', ' '])
                .find(|c| !c.is_empty())
                .unwrap_or("")
        };
        for document in &documents {
            let mut tagger = linimasa::names::Tagger::new(lang);
            let words: Vec<Vec<&str>> = document
                .iter()
                .map(|s| s.iter().map(|&n| word(n)).collect())
                .collect();
            tagger.prime(words.iter().map(Vec::as_slice));
            for (sentence, words) in document.iter().zip(&words) {
                for (&n, (tag, _)) in sentence.iter().zip(tagger.tag(words)) {
                    tags[n] = Some(tag);
                }
            }
        }
        let mut out = String::with_capacity(content.len() * 2);
        for (line, tag) in lines.iter().zip(&tags) {
            out.push_str(line);
            let tag = match tag {
                Some(t) => Some(TAGS[*t]),
                None if line.starts_with("-DOCSTART-") => Some("O"),
                None => None,
            };
            if let Some(tag) = tag {
                out.push(if line.contains('\t') { '\t' } else { ' ' });
                out.push_str(tag);
            }
            out.push('\n');
        }
        print!("{out}");
    }
    Ok(ExitCode::SUCCESS)
}
