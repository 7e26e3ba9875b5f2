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

/// The recently opened workspaces, most recent first (at most `RECENT_MAX`), kept as a JSON list
/// of paths in `file`.
pub const RECENT_MAX: usize = 10;

/// The recent-workspaces file: `recent-workspaces.json` in the user's config folder.
pub fn recent_file() -> Option<PathBuf> {
    Some(
        dirs::config_dir()?
            .join("linimasa")
            .join("recent-workspaces.json"),
    )
}

/// The recent workspaces listed in `file` (an unreadable or broken file gives an empty list).
pub fn recent(file: &std::path::Path) -> Vec<PathBuf> {
    std::fs::read_to_string(file)
        .ok()
        .and_then(|text| serde_json::from_str::<Vec<PathBuf>>(&text).ok())
        .unwrap_or_default()
}

/// Puts `path` first in the recent list in `file`.
pub fn remember(file: &std::path::Path, path: &std::path::Path) -> std::io::Result<()> {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut list = recent(file);
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(RECENT_MAX);
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let text = serde_json::to_string_pretty(&list).expect("paths serialise");
    let tmp = file.with_extension("json.partial");
    std::fs::write(&tmp, text)?;
    std::fs::rename(tmp, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_workspaces_most_recent_first_without_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("conf/recent.json");
        assert!(recent(&file).is_empty());
        for name in ["a.db", "b.db", "a.db"] {
            let p = dir.path().join(name);
            std::fs::write(&p, "").unwrap();
            remember(&file, &p).unwrap();
        }
        let names: Vec<String> = recent(&file)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.db", "b.db"]);
        for i in 0..20 {
            remember(&file, &dir.path().join(format!("{i}.db"))).unwrap();
        }
        assert_eq!(recent(&file).len(), RECENT_MAX);
        std::fs::write(&file, "not json").unwrap();
        assert!(recent(&file).is_empty(), "a broken file is an empty list");
    }
}
