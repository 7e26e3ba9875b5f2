//! Integration tests of the core: one binary (see STYLE.md), one module per area.

mod bindings;
mod cli;
mod corpus;
mod export;
mod import;
mod seed_gold;
mod store;

use std::path::PathBuf;

/// The seed article (a copy kept in the repository for the demo workspace).
pub fn seed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("resources/demo/gatra-kremlin-talks.txt")
}

pub fn date(s: &str) -> chrono::NaiveDate {
    s.parse().expect("valid test date")
}
