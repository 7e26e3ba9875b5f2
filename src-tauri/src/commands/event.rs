use linimasa::store::EventFilter;
use linimasa::view::{AppError, EventRow, MonthCount};
use tauri::State;

use crate::AppState;

/// The timeline draws at most this many events at once.
const MAX_EVENTS: usize = 20_000;

#[tauri::command]
pub fn event_list(state: State<'_, AppState>) -> Result<Vec<EventRow>, AppError> {
    Ok(state.store()?.events(&EventFilter {
        limit: Some(MAX_EVENTS),
        ..Default::default()
    })?)
}

#[tauri::command]
pub fn event_histogram(state: State<'_, AppState>) -> Result<Vec<MonthCount>, AppError> {
    Ok(state.store()?.month_histogram(&EventFilter::default())?)
}
