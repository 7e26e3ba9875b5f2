//! The open workspace: its summary, switching to another one, the recent list, and the native
//! dialogs that pick files to import.

use std::path::{Path, PathBuf};

use linimasa::store::Store;
use linimasa::view::{AppError, ErrorCode, RecentWorkspace, WorkspaceInfo};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::AppState;

#[tauri::command]
pub fn workspace_info(state: State<'_, AppState>) -> Result<WorkspaceInfo, AppError> {
    Ok(state.store()?.info()?)
}

/// The workspaces opened before, most recent first.
#[tauri::command]
pub fn workspace_recent(state: State<'_, AppState>) -> Result<Vec<RecentWorkspace>, AppError> {
    let current = state.store()?.path().map(Path::to_path_buf);
    let list = linimasa::workspace::recent_file()
        .map(|f| linimasa::workspace::recent(&f))
        .unwrap_or_default();
    Ok(list
        .into_iter()
        .map(|p| RecentWorkspace {
            exists: p.is_file(),
            current: current
                .as_ref()
                .is_some_and(|c| std::fs::canonicalize(c).ok().as_ref() == Some(&p)),
            path: p.display().to_string(),
        })
        .collect())
}

/// Opens another workspace (creating it when `create` is set and it does not exist): `path`, or
/// the file the user picks in a dialog when `path` is empty. Returns `None` when the user cancels.
#[tauri::command]
pub async fn workspace_open(
    app: AppHandle,
    state: State<'_, AppState>,
    path: Option<String>,
    create: bool,
) -> Result<Option<WorkspaceInfo>, AppError> {
    let path = match path.filter(|p| !p.trim().is_empty()) {
        Some(p) => PathBuf::from(p),
        None => {
            let dialog = app
                .dialog()
                .file()
                .set_title(if create {
                    "New workspace"
                } else {
                    "Open workspace"
                })
                .add_filter("Linimasa workspace", &["db", "sqlite"]);
            let picked = if create {
                dialog.set_file_name("workspace.db").blocking_save_file()
            } else {
                dialog.blocking_pick_file()
            };
            match picked.and_then(|p| p.into_path().ok()) {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    if !create && !path.is_file() {
        return Err(AppError::new(
            ErrorCode::NotFound,
            format!("{}: no such workspace file", path.display()),
        ));
    }
    let opened = Store::open(&path).map_err(|e| {
        AppError::new(
            ErrorCode::InvalidInput,
            format!("{}: cannot open as a workspace: {e}", path.display()),
        )
    })?;
    state.switch(opened, &path)?;
    let info = state.store()?.info()?;
    if let Some(file) = linimasa::workspace::recent_file() {
        // The recent list is a convenience: failing to update it does not fail the switch.
        let _ = linimasa::workspace::remember(&file, &path);
    }
    Ok(Some(info))
}

/// Files (or one folder) to import, picked in a native dialog; empty when the user cancels.
#[tauri::command]
pub async fn import_pick(app: AppHandle, folder: bool) -> Result<Vec<String>, AppError> {
    let dialog = app.dialog().file().set_title("Import articles");
    let picked = if folder {
        dialog
            .blocking_pick_folder()
            .into_iter()
            .collect::<Vec<_>>()
    } else {
        dialog
            .add_filter(
                "Articles",
                &[
                    "txt", "html", "htm", "json", "jsonl", "csv", "rss", "atom", "xml",
                ],
            )
            .blocking_pick_files()
            .unwrap_or_default()
    };
    Ok(picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
        .collect())
}
