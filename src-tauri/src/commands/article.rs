use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use linimasa::import::ImportOptions;
use linimasa::pipeline;
use linimasa::view::{
    AppError, ArticleDetail, ArticleSummary, ErrorCode, EventQuery, ImportEvent, ImportSummary,
};
use tauri::ipc::Channel;
use tauri::State;

use super::blocking;
use crate::AppState;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The articles the filter selects (every article without one), newest first.
#[tauri::command]
pub async fn article_list(
    state: State<'_, AppState>,
    query: Option<EventQuery>,
) -> Result<Vec<ArticleSummary>, AppError> {
    let filter = query.unwrap_or_default().to_filter()?;
    blocking(state.reader()?, move |store| {
        Ok(store.article_selection(&filter)?)
    })
    .await
}

#[tauri::command]
pub fn article_get(state: State<'_, AppState>, id: i64) -> Result<ArticleDetail, AppError> {
    state.read(|store| Ok(store.article_detail(id)?))
}

/// Imports files and folders, streaming progress on `on_progress` (at most four messages a second,
/// and the last one always); `article_import_cancel` stops it between batches.
#[tauri::command]
pub async fn article_import(
    state: State<'_, AppState>,
    paths: Vec<String>,
    on_progress: Channel<ImportEvent>,
) -> Result<ImportSummary, AppError> {
    let paths: Vec<PathBuf> = paths
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            "give a file or folder path to import",
        ));
    }
    let cancel = state.cancel_import();
    cancel.store(false, Ordering::Relaxed);
    blocking(state.shared(), move |store| {
        let mut last: Option<Instant> = None;
        let summary = pipeline::import_paths(
            store,
            &paths,
            &ImportOptions::default(),
            today(),
            &cancel,
            |p| {
                let due = last.is_none_or(|t| t.elapsed() >= Duration::from_millis(250));
                if due || p.files_done == p.files_total {
                    last = Some(Instant::now());
                    // A closed channel (the window went away) must not stop the import.
                    let _ = on_progress.send(ImportEvent::Files {
                        done: p.files_done as u32,
                        total: p.files_total as u32,
                        imported: p.imported,
                    });
                }
            },
        )?;
        Ok(summary)
    })
    .await
}

/// Stops the running import after the batch in flight (what was written stays whole).
#[tauri::command]
pub fn article_import_cancel(state: State<'_, AppState>) {
    state.cancel_import().store(true, Ordering::Relaxed);
}

#[tauri::command]
pub async fn article_import_text(
    state: State<'_, AppState>,
    name: String,
    text: String,
) -> Result<ImportSummary, AppError> {
    let name = if name.trim().is_empty() {
        "pasted.txt".to_string()
    } else {
        name
    };
    blocking(state.shared(), move |store| {
        Ok(pipeline::import_text(store, &name, &text, today())?)
    })
    .await
}
