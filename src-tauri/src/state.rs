//! The one piece of state the app keeps: the open workspace.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use linimasa::store::{Store, StoreError};
use linimasa::view::{AppError, ErrorCode};

pub struct AppState {
    store: Arc<Mutex<Store>>,
    /// Set to stop the running import between batches.
    cancel_import: Arc<AtomicBool>,
}

impl AppState {
    /// Opens the workspace; `demo` fills a workspace that did not exist yet with the demo article.
    pub fn open(path: &Path, demo: bool) -> Result<Self, StoreError> {
        let fresh = !path.exists();
        let mut store = Store::open(path)?;
        if demo && fresh {
            linimasa::workspace::add_demo(&mut store, chrono::Local::now().date_naive())?;
        }
        Ok(AppState {
            store: Arc::new(Mutex::new(store)),
            cancel_import: Arc::new(AtomicBool::new(false)),
        })
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, AppError> {
        self.store.lock().map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "the workspace is unavailable after an earlier failure",
            )
        })
    }

    /// The flag that cancels the running import.
    pub fn cancel_import(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel_import)
    }

    /// The folder the last export went to (kept across sessions in the user's config folder).
    pub fn export_folder(&self) -> Option<std::path::PathBuf> {
        let text = std::fs::read_to_string(export_folder_file()?).ok()?;
        let dir = std::path::PathBuf::from(text.trim());
        dir.is_dir().then_some(dir)
    }

    pub fn remember_export_folder(&self, dir: &Path) {
        if let Some(file) = export_folder_file() {
            if let Some(parent) = file.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            // Losing this preference is harmless; the dialog then starts in its default folder.
            let _ = std::fs::write(file, dir.display().to_string());
        }
    }

    /// A handle for work moved off the async runtime.
    pub fn shared(&self) -> Arc<Mutex<Store>> {
        Arc::clone(&self.store)
    }
}

fn export_folder_file() -> Option<std::path::PathBuf> {
    Some(
        dirs::config_dir()?
            .join("linimasa")
            .join("export-folder.txt"),
    )
}
