use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use linimasa::import::ImportOptions;
use linimasa::pipeline;
use linimasa::view::{AppError, ArticleDetail, ArticleSummary, ErrorCode, ImportSummary};
use tauri::State;

use super::blocking;
use crate::AppState;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub fn article_list(state: State<'_, AppState>) -> Result<Vec<ArticleSummary>, AppError> {
    Ok(state.store()?.articles()?)
}

#[tauri::command]
pub fn article_get(state: State<'_, AppState>, id: i64) -> Result<ArticleDetail, AppError> {
    Ok(state.store()?.article_detail(id)?)
}

#[tauri::command]
pub async fn article_import(
    state: State<'_, AppState>,
    paths: Vec<String>,
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
    blocking(state.shared(), move |store| {
        Ok(pipeline::import_paths(
            store,
            &paths,
            &ImportOptions::default(),
            today(),
            &AtomicBool::new(false),
            |_| {},
        )?)
    })
    .await
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

#[tauri::command]
pub async fn article_set_date(
    state: State<'_, AppState>,
    id: i64,
    date: String,
) -> Result<(), AppError> {
    let date: NaiveDate = date.parse().map_err(|_| {
        AppError::new(
            ErrorCode::InvalidInput,
            format!("\"{date}\" is not a date (expected YYYY-MM-DD)"),
        )
    })?;
    blocking(state.shared(), move |store| {
        Ok(pipeline::set_article_date(store, id, date)?)
    })
    .await
}
