use linimasa::view::{AppError, WorkspaceInfo};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub fn workspace_info(state: State<'_, AppState>) -> Result<WorkspaceInfo, AppError> {
    Ok(state.store()?.info()?)
}
