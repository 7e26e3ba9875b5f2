//! Exports for reports and other tools, from the same filtered selection the views show.
//!
//! Data: CSV (events, actors, places, mentions), JSON (the whole filtered graph), GraphML, GEXF 1.3
//! (dynamic: time intervals on nodes and edges) and TimelineJS3 JSON — see [`data`]. Charts: the
//! timeline, network and map drawn as SVG by the core, then PNG and PDF from that SVG — see
//! [`chart`]. Every file is written to a temporary sibling and renamed into place, so a failed
//! export never leaves a partial file.

pub mod chart;
pub mod data;
mod selection;
mod xml;

use std::io::Write;
use std::path::{Path, PathBuf};

use thiserror::Error;

pub use selection::{Caption, ExportEvent, ExportMention, Selection, Source};

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("{0}")]
    Render(String),
}

pub type Result<T, E = ExportError> = std::result::Result<T, E>;

/// Writes a file through a temporary sibling renamed into place: either the whole file is there
/// afterwards, or nothing (an existing file at `path` is kept when writing fails).
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let fail = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .ok_or_else(|| fail(std::io::Error::other("the path names no file")))?;
    let mut partial = name.to_os_string();
    partial.push(format!(".partial-{}", std::process::id()));
    let tmp = path.with_file_name(partial);
    let result = (|| {
        let file = std::fs::File::create(&tmp)?;
        let mut out = std::io::BufWriter::new(file);
        write(&mut out)?;
        out.flush()?;
        out.get_ref().sync_all()?;
        drop(out);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}
