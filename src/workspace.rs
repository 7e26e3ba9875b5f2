//! Workspaces: where the default one lives, and the demo content a new one can start with.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::pipeline;
use crate::store::{Store, StoreError};
use crate::view::ImportSummary;

/// The seed article, shipped in the binary for the demo workspace (see `resources/demo/README.md`).
pub const DEMO_ARTICLE: &str = include_str!("../resources/demo/gatra-kremlin-talks.txt");

/// The default workspace file: `LINIMASA_DB` if set, else `workspace.db` in the user's data folder
/// (`~/.local/share/linimasa/` on Linux).
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os("LINIMASA_DB") {
        return PathBuf::from(p);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("linimasa")
        .join("workspace.db")
}

/// Imports the demo article into `store`.
pub fn add_demo(store: &mut Store, today: NaiveDate) -> Result<ImportSummary, StoreError> {
    pipeline::import_text(store, "demo/gatra-kremlin-talks.txt", DEMO_ARTICLE, today)
}
