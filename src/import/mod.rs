//! Stage 1, import: files and folders in, [`RawArticle`]s out.
//!
//! Accepted inputs (by extension, or by sniffing the content when the extension says nothing):
//! `.txt`, `.html`/`.htm`, `.json`, `.jsonl`/`.ndjson`, `.csv`, RSS/Atom feeds (`.rss`, `.atom`, `.xml`),
//! and folders of these, walked recursively (hidden files and folders are skipped).
//!
//! A bad file never stops an import: [`read_path`] returns one [`FileOutcome`] per file, each with
//! the articles it yielded and the errors it met, every error naming the file and the problem.

mod decode;
mod feed;
mod html;
mod table;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thiserror::Error;

pub use decode::{decode, Decoded};
pub(crate) use html::decode_entities;
pub use html::HtmlPage;

/// Files larger than this are refused (32 MiB): a single news article is a few kilobytes, and a
/// feed or table of thousands of articles still fits; anything larger is almost surely not news.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// An article as read from a file, before any extraction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawArticle {
    pub title: String,
    /// For a title derived from the text: the title the article's identity (its content hash)
    /// is computed with, the first 12 words of the first line as Linimasa first titled such
    /// articles, so that better derived titles keep the articles already stored and their
    /// corrections.
    pub identity_title: Option<String>,
    pub text: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub section: Option<String>,
    /// A language declared by the source (`<html lang>`, a `language` column).
    pub language: Option<String>,
    /// The publication date as the source's metadata states it, unparsed, with the field it came from.
    pub date_meta: Option<DateMeta>,
    /// `path`, or `path#N` for the N-th record of a feed, JSON array or table.
    pub source: String,
    pub file_modified: Option<NaiveDate>,
    pub warnings: Vec<String>,
}

/// A raw metadata date and where it was found (`article:published_time`, `JSON-LD datePublished`...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMeta {
    pub value: String,
    pub field: String,
}

/// The input formats Linimasa reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Json,
    JsonLines,
    Csv,
    Feed,
}

impl Format {
    /// The format an extension names, if any.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "csv" => Format::Csv,
            "rss" | "atom" | "xml" => Format::Feed,
            _ => return None,
        })
    }

    /// Guesses the format from the first bytes of decoded content.
    fn sniff(content: &str) -> Option<Format> {
        let head: String = content
            .trim_start()
            .chars()
            .take(512)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<html")
        {
            return Some(Format::Html);
        }
        if head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed") {
            return Some(Format::Feed);
        }
        if head.starts_with('{') || head.starts_with('[') {
            return Some(Format::Json);
        }
        None
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::JsonLines => "JSON Lines",
            Format::Csv => "CSV",
            Format::Feed => "RSS/Atom",
        }
    }
}

/// Why a file, or one record in it, could not be imported. Every variant names the file.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ImportError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: file is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: looks like a binary file, not text ({detail})")]
    Binary { path: PathBuf, detail: String },
    #[error("{path}: unsupported file type (accepted: .txt .html .htm .json .jsonl .csv .rss .atom .xml)")]
    Unsupported { path: PathBuf },
    #[error("{path}{location}: malformed {format}: {detail}")]
    Malformed {
        path: PathBuf,
        format: &'static str,
        location: Location,
        detail: String,
    },
    #[error("{path}{location}: no article text found")]
    NoText { path: PathBuf, location: Location },
}

impl ImportError {
    pub fn path(&self) -> &Path {
        match self {
            ImportError::Io { path, .. }
            | ImportError::TooLarge { path, .. }
            | ImportError::Empty { path }
            | ImportError::Binary { path, .. }
            | ImportError::Unsupported { path }
            | ImportError::Malformed { path, .. }
            | ImportError::NoText { path, .. } => path,
        }
    }
}

/// Where in a file a problem sits: nowhere in particular, a line, or a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Location {
    #[default]
    File,
    Line(u64),
    Record(usize),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => Ok(()),
            Location::Line(n) => write!(f, ":{n}"),
            Location::Record(n) => write!(f, "#{n}"),
        }
    }
}

/// What one file gave: its articles and the errors met (a whole-file error, or bad records).
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub path: PathBuf,
    pub articles: Vec<RawArticle>,
    pub errors: Vec<ImportError>,
}

/// Import settings.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub max_file_bytes: u64,
    /// Run the extraction stages (time expressions, names, events) while importing. Off, articles
    /// are stored with their date and language only, for `linimasa extract` to process later.
    pub extract: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            extract: true,
        }
    }
}

/// Lists the files under `path` (itself when it is a file), recursively and sorted, skipping hidden
/// entries. A path that does not exist is reported as an error outcome.
pub fn collect_files(path: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let meta = std::fs::metadata(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|source| ImportError::Io {
            path: dir.clone(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| ImportError::Io {
                path: dir.clone(),
                source,
            })?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let p = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(p),
                Ok(_) => files.push(p),
                Err(source) => return Err(ImportError::Io { path: p, source }),
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Reads one file into articles. Never panics on bad content; problems land in `errors`.
pub fn read_file(path: &Path, options: &ImportOptions) -> FileOutcome {
    let mut outcome = FileOutcome {
        path: path.to_path_buf(),
        ..Default::default()
    };
    match read_file_inner(path, options) {
        Ok((articles, errors)) => {
            outcome.articles = articles;
            outcome.errors = errors;
        }
        Err(e) => outcome.errors.push(e),
    }
    outcome
}

fn read_file_inner(
    path: &Path,
    options: &ImportOptions,
) -> Result<(Vec<RawArticle>, Vec<ImportError>), ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > options.max_file_bytes {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: options.max_file_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let modified = meta
        .modified()
        .ok()
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive());
    let mut result = parse_bytes(path, &bytes)?;
    for a in &mut result.0 {
        a.file_modified = modified;
    }
    Ok(result)
}

/// Parses the bytes of a file named `path` (the name picks the format; the content is sniffed
/// when the name does not). Used for files and for text pasted or dropped into the app.
pub fn parse_bytes(
    path: &Path,
    bytes: &[u8],
) -> Result<(Vec<RawArticle>, Vec<ImportError>), ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty {
            path: path.to_path_buf(),
        });
    }
    let by_extension = Format::from_extension(path);
    let declared = match by_extension {
        Some(Format::Html) => html::declared_charset(bytes),
        Some(Format::Feed) => feed::declared_charset(bytes),
        _ => None,
    };
    let decoded = decode(bytes, declared.as_deref()).map_err(|detail| ImportError::Binary {
        path: path.to_path_buf(),
        detail,
    })?;
    let format = match by_extension.or_else(|| Format::sniff(&decoded.text)) {
        Some(f) => f,
        None if path.extension().is_none() => Format::Text,
        None => {
            return Err(ImportError::Unsupported {
                path: path.to_path_buf(),
            })
        }
    };
    let source = path.display().to_string();
    let (mut articles, errors) = match format {
        Format::Text => (vec![text::parse(&decoded.text, &source)], vec![]),
        Format::Html => (vec![html::parse(&decoded.text, &source)], vec![]),
        Format::Json => table::parse_json(&decoded.text, path)?,
        Format::JsonLines => table::parse_json_lines(&decoded.text, path),
        Format::Csv => table::parse_csv(&decoded.text, path)?,
        Format::Feed => feed::parse(&decoded.text, path)?,
    };
    let mut kept = Vec::with_capacity(articles.len());
    let mut errors = errors;
    for (i, mut a) in articles.drain(..).enumerate() {
        if a.text.trim().is_empty() {
            let location = if a.source == source {
                Location::File
            } else {
                Location::Record(i + 1)
            };
            errors.push(ImportError::NoText {
                path: path.to_path_buf(),
                location,
            });
            continue;
        }
        if let Some(w) = &decoded.warning {
            a.warnings.push(w.clone());
        }
        kept.push(a);
    }
    Ok((kept, errors))
}

/// Collapses runs of whitespace inside lines and trims them, keeping paragraph breaks (blank lines).
pub(crate) fn tidy_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_text_keeps_paragraphs_and_collapses_spaces() {
        assert_eq!(tidy_text("  a   b \n\n\n c\nd  "), "a b\n\nc\nd");
    }

    #[test]
    fn sniffing_recognises_feeds_html_and_json() {
        assert_eq!(
            Format::sniff("<?xml version='1.0'?><rss>"),
            Some(Format::Feed)
        );
        assert_eq!(Format::sniff("  <!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(Format::sniff("[{\"title\":1}]"), Some(Format::Json));
        assert_eq!(Format::sniff("Plain words"), None);
    }
}
