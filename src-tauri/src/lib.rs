//! The Linimasa desktop shell: builds the Tauri app. Commands live in `commands/<domain>.rs`; the
//! work is done by the `linimasa` core crate.

mod commands;
mod state;

use std::path::PathBuf;

pub use state::AppState;

/// Where the workspace comes from: `--workspace FILE` on the command line, else the user's default
/// workspace (created with the demo article on first start).
fn workspace_from_args() -> (PathBuf, bool) {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--workspace" {
            if let Some(p) = args.next() {
                return (PathBuf::from(p), false);
            }
        } else if let Some(p) = arg.strip_prefix("--workspace=") {
            return (PathBuf::from(p), false);
        }
    }
    (linimasa::workspace::default_path(), true)
}

pub fn run() {
    let (path, demo) = workspace_from_args();
    let state = match AppState::open(&path, demo) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("linimasa: cannot open workspace {}: {e}", path.display());
            std::process::exit(1);
        }
    };
    if let Some(file) = linimasa::workspace::recent_file() {
        // The recent list is a convenience: failing to update it does not stop the app.
        let _ = linimasa::workspace::remember(&file, &path);
    }
    tauri::Builder::default()
        .manage(state)
        // Dialogs are opened from Rust only (export, import, workspaces): the UI gets no dialog
        // permission.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::workspace::workspace_info,
            commands::workspace::workspace_recent,
            commands::workspace::workspace_open,
            commands::workspace::import_pick,
            commands::article::article_list,
            commands::article::article_get,
            commands::article::article_import,
            commands::article::article_import_cancel,
            commands::article::article_import_text,
            commands::curation::article_set_date,
            commands::curation::event_edit,
            commands::curation::event_keep_apart,
            commands::curation::actor_rename,
            commands::curation::actor_merge,
            commands::curation::actor_split,
            commands::curation::history_get,
            commands::curation::history_undo,
            commands::curation::history_redo,
            commands::event::event_list,
            commands::event::event_timeline,
            commands::event::event_facets,
            commands::event::event_get,
            commands::graph::network_get,
            commands::export::export_chart,
            commands::export::export_data,
            commands::graph::place_list,
            commands::graph::actor_list,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("linimasa: the window could not start: {e}");
            std::process::exit(1);
        });
}
