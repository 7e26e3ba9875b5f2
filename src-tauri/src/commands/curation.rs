//! The user's corrections and undo/redo. Each command returns the new history state.

use chrono::NaiveDate;
use linimasa::pipeline;
use linimasa::store::EventCorrection;
use linimasa::view::{AppError, ErrorCode, EventEdit, HistoryState};
use tauri::State;

use super::blocking;
use crate::AppState;

fn day(value: &Option<String>, what: &str) -> Result<Option<NaiveDate>, AppError> {
    match value.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                AppError::new(
                    ErrorCode::InvalidInput,
                    format!("the {what} date {s:?} is not a calendar date (YYYY-MM-DD)"),
                )
            }),
    }
}

#[tauri::command]
pub async fn article_set_date(
    state: State<'_, AppState>,
    id: i64,
    date: String,
) -> Result<HistoryState, AppError> {
    let date = day(&Some(date), "publication")?
        .ok_or_else(|| AppError::new(ErrorCode::InvalidInput, "no date given"))?;
    blocking(state.shared(), move |store| {
        pipeline::set_article_date(store, id, date)?;
        Ok(store.history()?)
    })
    .await
}

#[tauri::command]
pub fn event_edit(
    state: State<'_, AppState>,
    id: i64,
    edit: EventEdit,
) -> Result<HistoryState, AppError> {
    let correction = EventCorrection {
        cameo: edit.cameo.filter(|c| !c.trim().is_empty()),
        earliest: day(&edit.from, "start")?,
        latest: day(&edit.to, "end")?,
        hidden: edit.hidden,
    };
    let mut store = state.store()?;
    store.correct_event(id, &correction)?;
    Ok(store.history()?)
}

/// Keeps one article's report of an event apart from the other articles' reports.
#[tauri::command]
pub fn event_keep_apart(state: State<'_, AppState>, id: i64) -> Result<HistoryState, AppError> {
    let mut store = state.store()?;
    store.keep_apart(id)?;
    Ok(store.history()?)
}

#[tauri::command]
pub fn actor_rename(
    state: State<'_, AppState>,
    name: String,
    new_name: String,
) -> Result<HistoryState, AppError> {
    let mut store = state.store()?;
    store.rename_actor(&name, &new_name)?;
    Ok(store.history()?)
}

#[tauri::command]
pub fn actor_merge(
    state: State<'_, AppState>,
    from: String,
    into: String,
) -> Result<HistoryState, AppError> {
    let mut store = state.store()?;
    store.merge_actors(&from, &into)?;
    Ok(store.history()?)
}

#[tauri::command]
pub fn actor_split(
    state: State<'_, AppState>,
    actor: String,
    alias: String,
) -> Result<HistoryState, AppError> {
    let mut store = state.store()?;
    store.split_actor(&actor, &alias)?;
    Ok(store.history()?)
}

#[tauri::command]
pub fn history_get(state: State<'_, AppState>) -> Result<HistoryState, AppError> {
    Ok(state.store()?.history()?)
}

#[tauri::command]
pub async fn history_undo(state: State<'_, AppState>) -> Result<HistoryState, AppError> {
    blocking(state.shared(), |store| {
        pipeline::undo(store)?;
        Ok(store.history()?)
    })
    .await
}

#[tauri::command]
pub async fn history_redo(state: State<'_, AppState>) -> Result<HistoryState, AppError> {
    blocking(state.shared(), |store| {
        pipeline::redo(store)?;
        Ok(store.history()?)
    })
    .await
}
