//! The pipeline: import → article date → language → time expressions → names → events → graph →
//! store. Each stage is one function in its own module; this module only runs them in order.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use chrono::NaiveDate;

use crate::import::{self, ImportOptions, RawArticle};
use crate::model::{Article, Extraction};
use crate::store::{self, Inserted, NewArticle, Store, StoreError};
use crate::view::{ImportFailure, ImportSummary};
use crate::{events, lang, names, time};

/// Articles are written in batches of this many, each batch one transaction (each article is
/// whole inside it): a killed import loses at most the batch being written and the one being
/// extracted, never half an article.
const BATCH: usize = 256;

/// Stages 2 and 3 on a freshly read article: publication date, language, content hash.
pub fn prepare(raw: &RawArticle, reference: NaiveDate) -> Article {
    prepare_with(raw, reference, None)
}

/// [`prepare`] on the articles of one file. When two or more of them state their date (metadata,
/// URL, a full dateline), the others are dated by those dates' years rather than the file's: a
/// dateline without a year ("Senin (27/3)") takes the latest such year up to a year after the
/// latest stated date, and an article with no date at all in a file saved more than a year after
/// them takes their middle date (a news archive saved as one JSONL file years later).
pub fn prepare_file(raws: &[RawArticle], reference: NaiveDate) -> Vec<Article> {
    use crate::model::DateMethod;
    let mut articles: Vec<Article> = raws.iter().map(|raw| prepare(raw, reference)).collect();
    let stated = articles
        .iter()
        .filter_map(|a| a.published.as_ref())
        .filter(|p| matches!(p.method, DateMethod::Metadata | DateMethod::Dateline))
        .map(|p| p.date)
        .collect();
    let Some(neighbours) = time::NeighbourDates::of(stated) else {
        return articles;
    };
    for (article, raw) in articles.iter_mut().zip(raws) {
        let guessed = article.published.as_ref().is_none_or(|p| {
            matches!(
                p.method,
                DateMethod::WeekdayInference | DateMethod::FileMtime
            )
        });
        if guessed {
            *article = prepare_with(raw, reference, Some(neighbours));
        }
    }
    articles
}

fn prepare_with(
    raw: &RawArticle,
    reference: NaiveDate,
    neighbours: Option<time::NeighbourDates>,
) -> Article {
    let (title, text, meta, modified) = (
        raw.title.clone(),
        raw.text.clone(),
        raw.date_meta.as_ref(),
        raw.file_modified,
    );
    let ctx = time::DateContext {
        reference: modified.map_or(reference, |m| m.min(reference)),
        file_modified: modified,
        neighbours,
    };
    let (published, date_warnings) = time::article_date(meta, raw.url.as_deref(), &text, &ctx);
    let language = lang::detect(&format!("{title}\n{text}"))
        .map(str::to_string)
        .or_else(|| {
            raw.language
                .as_ref()
                .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase())
        });
    let mut warnings = raw.warnings.clone();
    warnings.extend(date_warnings);
    Article {
        id: 0,
        content_hash: store::content_hash(raw.identity_title.as_deref().unwrap_or(&title), &text),
        title,
        publisher: raw.publisher.clone(),
        url: raw.url.clone(),
        language,
        section: raw.section.clone(),
        text,
        warnings,
        published,
        source: Some(raw.source.clone()),
    }
}

/// Stages 4 to 6 on a prepared article: time expressions, names, events.
pub fn extract(article: &Article) -> Extraction {
    let time_exprs = time::tag(article);
    let names = names::recognize(article, &time_exprs);
    let events = events::extract(article, &time_exprs, &names);
    Extraction {
        time_exprs,
        mentions: names.mentions,
        actors: names.actors,
        places: names.places,
        events,
    }
}

/// Progress of a running import, reported after each file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProgress {
    pub files_done: usize,
    pub files_total: usize,
    pub imported: u32,
    pub current: PathBuf,
}

/// Imports files and folders into the store. Bad files are listed in the summary; the rest goes
/// on. `cancel` stops the run between batches (what was written stays whole). One thread writes
/// each batch while the next is read and extracted: the store's writes are one core's work.
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    options: &ImportOptions,
    reference: NaiveDate,
    cancel: &AtomicBool,
    mut progress: impl FnMut(&ImportProgress),
) -> Result<ImportSummary, StoreError> {
    let mut summary = ImportSummary::default();
    let mut files = Vec::new();
    for p in paths {
        match import::collect_files(p) {
            Ok(found) => files.extend(found),
            Err(e) => summary.failed.push(failure(&e)),
        }
    }
    let imported = AtomicU32::new(0);
    let duplicates = AtomicU32::new(0);
    let written = std::thread::scope(|scope| {
        // One batch waits while another is written: a killed import loses at most those two,
        // each whole or not at all.
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<NewArticle>>(1);
        let (imported, duplicates) = (&imported, &duplicates);
        let writer = scope.spawn(move || -> Result<(), StoreError> {
            for batch in receive {
                for outcome in store.insert_articles(&batch)? {
                    match outcome {
                        Inserted::New(_) => imported.fetch_add(1, Ordering::Relaxed),
                        Inserted::Duplicate(_) => duplicates.fetch_add(1, Ordering::Relaxed),
                    };
                }
            }
            Ok(())
        });
        let mut batch: Vec<NewArticle> = Vec::with_capacity(BATCH);
        let hand_over = |batch: &mut Vec<NewArticle>| {
            if batch.is_empty() {
                return true;
            }
            if options.extract {
                extract_batch(batch);
            }
            // The writer stopped on an error: it is returned below.
            send.send(std::mem::take(batch)).is_ok()
        };
        for (i, file) in files.iter().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                summary.cancelled = true;
                break;
            }
            let outcome = import::read_file(file, options);
            summary.failed.extend(outcome.errors.iter().map(failure));
            let articles = prepare_file(&outcome.articles, reference);
            for (raw, article) in outcome.articles.iter().zip(articles) {
                batch.push(new_article(raw, article, false));
            }
            if batch.len() >= BATCH && !hand_over(&mut batch) {
                break;
            }
            progress(&ImportProgress {
                files_done: i + 1,
                files_total: files.len(),
                imported: imported.load(Ordering::Relaxed),
                current: file.clone(),
            });
        }
        hand_over(&mut batch);
        // No more batches: the writer ends when it has written what it has.
        drop(send);
        writer
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    summary.imported += imported.into_inner();
    summary.duplicates += duplicates.into_inner();
    written?;
    Ok(summary)
}

/// Runs extraction on every article of `batch`, on as many threads as the machine has cores:
/// each article is extracted on its own from read-only resources, so the result is the same as
/// one after another.
fn extract_batch(batch: &mut [NewArticle]) {
    let articles: Vec<&Article> = batch.iter().map(|item| &item.article).collect();
    let extractions = extract_all(&articles);
    for (item, extraction) in batch.iter_mut().zip(extractions) {
        item.extraction = extraction;
    }
}

/// [`extract`] on each article, in parallel; the results in the articles' order. Each worker
/// takes the next article not yet taken, so long ones do not hold up the rest.
pub fn extract_all(articles: &[&Article]) -> Vec<Extraction> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(articles.len());
    if workers <= 1 {
        return articles.iter().map(|a| extract(a)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, Extraction)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(article) = articles.get(k) else {
                            break;
                        };
                        mine.push((k, extract(article)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, extraction)| extraction).collect()
}

/// Imports text given directly (pasted or dropped in the app); `name` picks the format by its
/// extension ("article.txt", "page.html") and names the source.
pub fn import_text(
    store: &mut Store,
    name: &str,
    text: &str,
    reference: NaiveDate,
) -> Result<ImportSummary, StoreError> {
    let mut summary = ImportSummary::default();
    match import::parse_bytes(Path::new(name), text.as_bytes()) {
        Ok((articles, errors)) => {
            summary.failed.extend(errors.iter().map(failure));
            let prepared = prepare_file(&articles, reference);
            let mut batch: Vec<NewArticle> = articles
                .iter()
                .zip(prepared)
                .map(|(raw, article)| new_article(raw, article, true))
                .collect();
            flush(store, &mut batch, &mut summary)?;
        }
        Err(e) => summary.failed.push(failure(&e)),
    }
    Ok(summary)
}

fn new_article(raw: &RawArticle, article: Article, run_extraction: bool) -> NewArticle {
    let extraction = if run_extraction {
        extract(&article)
    } else {
        Extraction::default()
    };
    NewArticle {
        article,
        extraction,
        date_meta: raw.date_meta.clone(),
        file_modified: raw.file_modified,
    }
}

fn flush(
    store: &mut Store,
    batch: &mut Vec<NewArticle>,
    summary: &mut ImportSummary,
) -> Result<(), StoreError> {
    if batch.is_empty() {
        return Ok(());
    }
    for outcome in store.insert_articles(batch)? {
        match outcome {
            Inserted::New(_) => summary.imported += 1,
            Inserted::Duplicate(_) => summary.duplicates += 1,
        }
    }
    batch.clear();
    Ok(())
}

fn failure(e: &import::ImportError) -> ImportFailure {
    let path = e.path().display().to_string();
    let message = e.to_string();
    let reason = message
        .strip_prefix(&path)
        .map(|r| r.trim_start_matches([':', ' ', '#']).to_string());
    // Keep record locations ("#3", ":12") in the reason when the message had them.
    let reason = match reason {
        Some(r)
            if message[path.len()..].starts_with(':')
                && message[path.len()..]
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_digit()) =>
        {
            format!("line {r}")
        }
        Some(r) if message[path.len()..].starts_with('#') => format!("record {r}"),
        Some(r) => r,
        None => message,
    };
    ImportFailure { path, reason }
}

/// Sets an article's publication date (a user correction) and re-runs extraction so everything
/// anchored to the article date re-resolves.
pub fn set_article_date(
    store: &mut Store,
    article_id: i64,
    date: NaiveDate,
) -> Result<(), StoreError> {
    for id in store.set_article_date(article_id, date)? {
        reextract(store, id)?;
    }
    Ok(())
}

/// Undoes the user's latest change (re-extracting an article whose date it restores). Returns
/// false when there was nothing to undo.
pub fn undo(store: &mut Store) -> Result<bool, StoreError> {
    let Some(articles) = store.undo()? else {
        return Ok(false);
    };
    for id in articles {
        reextract(store, id)?;
    }
    Ok(true)
}

/// Redoes the latest undone change. Returns false when there was nothing to redo.
pub fn redo(store: &mut Store) -> Result<bool, StoreError> {
    let Some(articles) = store.redo()? else {
        return Ok(false);
    };
    for id in articles {
        reextract(store, id)?;
    }
    Ok(true)
}

/// Runs extraction again on every stored article (after `import --no-extract`, or after the
/// rules changed), one transaction per article; reports progress after each. Extraction runs on
/// every core, a batch of articles at a time.
pub fn reextract_all(
    store: &mut Store,
    mut progress: impl FnMut(usize, usize),
) -> Result<usize, StoreError> {
    let ids = store.article_ids()?;
    let mut done = 0;
    // Read and extract a batch at a time (in parallel), then write each article's output.
    for chunk in ids.chunks(BATCH) {
        let articles = chunk
            .iter()
            .map(|&id| store.article(id))
            .collect::<Result<Vec<_>, _>>()?;
        let extractions = extract_all(&articles.iter().collect::<Vec<_>>());
        for (&id, extraction) in chunk.iter().zip(&extractions) {
            store.replace_extraction(id, extraction)?;
            done += 1;
            progress(done, ids.len());
        }
    }
    Ok(ids.len())
}

/// Runs stages 4 to 6 again on a stored article (with its effective date) and replaces its machine
/// output; corrections are kept.
pub fn reextract(store: &mut Store, article_id: i64) -> Result<(), StoreError> {
    let article = store.article(article_id)?;
    let extraction = extract(&article);
    store.replace_extraction(article_id, &extraction)
}
