//! The one piece of state the app keeps: the open workspace.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use linimasa::store::{Store, StoreError};
use linimasa::view::{AppError, ErrorCode};

/// Read connections beside the writer: the views' queries run side by side (the workspace is in
/// WAL mode, so they read while an import writes).
const READERS: usize = 3;

pub struct AppState {
    /// The connection that writes (imports, corrections) and reads what must see its own writes.
    store: Arc<Mutex<Store>>,
    readers: Mutex<Vec<Arc<Mutex<Store>>>>,
    next_reader: AtomicUsize,
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
            readers: Mutex::new(open_readers(path)?),
            next_reader: AtomicUsize::new(0),
            cancel_import: Arc::new(AtomicBool::new(false)),
        })
    }

    /// A read connection for a query: a free one when there is one, else the next in turn.
    pub fn reader(&self) -> Result<Arc<Mutex<Store>>, AppError> {
        let readers = self
            .readers
            .lock()
            .map_err(|_| AppError::new(ErrorCode::Internal, "the workspace is unavailable"))?;
        if let Some(free) = readers.iter().find(|r| r.try_lock().is_ok()) {
            return Ok(Arc::clone(free));
        }
        let i = self.next_reader.fetch_add(1, Ordering::Relaxed) % readers.len();
        Ok(Arc::clone(&readers[i]))
    }

    /// Runs a quick query on a read connection.
    pub fn read<T>(&self, work: impl FnOnce(&Store) -> Result<T, AppError>) -> Result<T, AppError> {
        let reader = self.reader()?;
        let store = reader
            .lock()
            .map_err(|_| AppError::new(ErrorCode::Internal, "the workspace is unavailable"))?;
        work(&store)
    }

    /// Switches to another workspace: the writer and the readers.
    pub fn switch(&self, store: Store, path: &Path) -> Result<(), AppError> {
        let readers = open_readers(path)?;
        *self.store()? = store;
        *self
            .readers
            .lock()
            .map_err(|_| AppError::new(ErrorCode::Internal, "the workspace is unavailable"))? =
            readers;
        Ok(())
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

fn open_readers(path: &Path) -> Result<Vec<Arc<Mutex<Store>>>, StoreError> {
    (0..READERS)
        .map(|_| Store::open(path).map(|s| Arc::new(Mutex::new(s))))
        .collect()
}
