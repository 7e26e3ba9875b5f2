use linimasa::view::{AppError, EventDetail, EventPage, EventQuery, Facets};
use tauri::ipc::Response;
use tauri::State;

use super::blocking;
use crate::AppState;

/// The events list shows at most this many events; `total` says how many matched.
const MAX_EVENTS: usize = 20_000;

#[tauri::command]
pub async fn event_list(
    state: State<'_, AppState>,
    query: EventQuery,
) -> Result<EventPage, AppError> {
    let mut filter = query.to_filter()?;
    blocking(state.reader()?, move |store| {
        let total = store.event_count(&filter)?;
        filter.limit = Some(MAX_EVENTS);
        Ok(EventPage {
            events: store.events(&filter)?,
            total,
        })
    })
    .await
}

/// Every event matching `query` (the timeline's date window ignored by the caller) as the
/// binary columns of `linimasa::view::TimelineColumns`: an ArrayBuffer in the page.
#[tauri::command]
pub async fn event_timeline(
    state: State<'_, AppState>,
    query: EventQuery,
) -> Result<Response, AppError> {
    let filter = query.to_filter()?;
    blocking(state.reader()?, move |store| {
        Ok(Response::new(store.timeline_columns(&filter)?.encode()))
    })
    .await
}

#[tauri::command]
pub async fn event_facets(
    state: State<'_, AppState>,
    query: EventQuery,
) -> Result<Facets, AppError> {
    let filter = query.to_filter()?;
    blocking(state.reader()?, move |store| Ok(store.facets(&filter)?)).await
}

#[tauri::command]
pub fn event_get(state: State<'_, AppState>, id: i64) -> Result<EventDetail, AppError> {
    state.read(|store| Ok(store.event_detail(id)?))
}
