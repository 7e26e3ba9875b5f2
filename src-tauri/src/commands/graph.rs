use linimasa::view::{ActorRow, AppError, EventQuery, NetworkView, PlaceRow};
use tauri::State;

use super::blocking;
use crate::AppState;

/// The network view draws at most this many actors (the most central ones).
const MAX_ACTORS: usize = 2_000;

#[tauri::command]
pub async fn network_get(
    state: State<'_, AppState>,
    query: EventQuery,
) -> Result<NetworkView, AppError> {
    let filter = query.to_filter()?;
    blocking(state.reader()?, move |store| {
        Ok(linimasa::graph::network_view(store, &filter, MAX_ACTORS)?)
    })
    .await
}

#[tauri::command]
pub async fn place_list(
    state: State<'_, AppState>,
    query: EventQuery,
) -> Result<Vec<PlaceRow>, AppError> {
    let filter = query.to_filter()?;
    blocking(state.reader()?, move |store| {
        Ok(store.place_counts(&filter)?)
    })
    .await
}

/// Every actor with its aliases and event count (for merge and split choices).
#[tauri::command]
pub async fn actor_list(state: State<'_, AppState>) -> Result<Vec<ActorRow>, AppError> {
    blocking(state.reader()?, |store| Ok(store.actors()?)).await
}
