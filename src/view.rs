//! The shapes listings return, shared by the CLI (`--format json|csv|table`) and the desktop app's
//! IPC. TypeScript declarations for the UI are generated from these types (`ui/src/bindings.ts`;
//! a test fails when they are stale).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::DateMethod;

/// An article's publication date as listings show it (the user's correction applied).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(rename = "PublishedDate")]
pub struct PublishedView {
    /// ISO date.
    pub date: String,
    pub method: DateMethod,
    pub evidence: Option<String>,
    pub confidence: f32,
}

/// One article in a listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub published: Option<PublishedView>,
    pub warnings: Vec<String>,
    pub source: Option<String>,
    #[ts(type = "number")]
    pub events: i64,
}

/// One article with its text, for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleDetail {
    pub summary: ArticleSummary,
    pub text: String,
    /// How the publication date was derived, in words.
    pub date_derivation: Option<String>,
    /// The time expressions found in `text`, in text order.
    pub time_expressions: Vec<TimexView>,
}

/// A time expression as the reader highlights it. `start`/`end` count UTF-16 code units of the
/// article text, as JavaScript strings do (the store keeps byte offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimexView {
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub timex_type: String,
    pub value: String,
    /// The rule that found it.
    pub rule: String,
}

/// One event in a listing (the user's corrections applied).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EventRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub article_id: i64,
    pub cameo: String,
    pub date_value: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    pub precision: String,
    pub evidence: String,
    pub actors: Vec<String>,
    pub places: Vec<String>,
    pub modality: String,
    pub confidence: f32,
    /// The actors with their roles (source, agent, target, other).
    pub participants: Vec<ParticipantView>,
    /// Who claims it, for reported events.
    pub attribution: Option<String>,
    /// How the date was derived, in words.
    pub derivation: String,
}

/// An event's participant and role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParticipantView {
    pub actor: String,
    pub role: String,
}

/// One actor with how many events it takes part in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActorRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    #[ts(type = "number")]
    pub events: i64,
}

/// One place with its coordinates when known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlaceRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[ts(type = "number")]
    pub events: i64,
}

/// A file or record that could not be imported, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportFailure {
    pub path: String,
    pub reason: String,
}

/// The end-of-run summary of an import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportSummary {
    pub imported: u32,
    pub duplicates: u32,
    pub failed: Vec<ImportFailure>,
    /// The run was cancelled; what was imported before stays.
    #[serde(default)]
    pub cancelled: bool,
}

/// Progress of a running import, streamed to the UI (a few messages a second at most).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportEvent {
    /// `done` of `total` files read, `imported` articles stored so far.
    Files {
        done: u32,
        total: u32,
        imported: u32,
    },
}

/// The open workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkspaceInfo {
    pub path: String,
    #[ts(type = "number")]
    pub articles: i64,
    #[ts(type = "number")]
    pub events: i64,
}

/// Events per month, for the timeline's overview strip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// What kind of failure an IPC call met: the UI branches on this, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    Io,
    Store,
    Internal,
}

/// An error as it crosses to the UI: `{ code, message }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
        }
    }
}

impl From<crate::store::StoreError> for AppError {
    fn from(e: crate::store::StoreError) -> Self {
        use crate::store::StoreError;
        let code = match &e {
            StoreError::NotFound { .. } | StoreError::UnknownName { .. } => ErrorCode::NotFound,
            StoreError::Folder { .. } => ErrorCode::Io,
            _ => ErrorCode::Store,
        };
        AppError::new(code, e.to_string())
    }
}

/// The TypeScript declarations of every type above, in a stable order: the content of `ui/src/bindings.ts`.
pub fn typescript_bindings() -> String {
    let decls = [
        DateMethod::decl(),
        PublishedView::decl(),
        ArticleSummary::decl(),
        ArticleDetail::decl(),
        TimexView::decl(),
        EventRow::decl(),
        ParticipantView::decl(),
        ActorRow::decl(),
        PlaceRow::decl(),
        ImportFailure::decl(),
        ImportSummary::decl(),
        ImportEvent::decl(),
        WorkspaceInfo::decl(),
        MonthCount::decl(),
        ErrorCode::decl(),
        AppError::decl(),
    ];
    let mut out = String::from("// Generated from the Rust types in src/view.rs by `UPDATE_BINDINGS=1 cargo test bindings`. Do not edit.\n\n");
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}
