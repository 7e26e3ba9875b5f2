//! IPC commands, one module per domain, each a few lines over the core.

pub mod article;
pub mod curation;
pub mod event;
pub mod export;
pub mod graph;
pub mod workspace;

use std::sync::{Arc, Mutex};

use linimasa::store::Store;
use linimasa::view::{AppError, ErrorCode};

/// Runs store work on a blocking thread so the window stays responsive.
async fn blocking<T: Send + 'static>(
    store: Arc<Mutex<Store>>,
    work: impl FnOnce(&mut Store) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = store
            .lock()
            .map_err(|_| AppError::new(ErrorCode::Internal, "the workspace is unavailable"))?;
        work(&mut guard)
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?
}
