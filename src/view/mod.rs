//! The shapes listings return, shared by the CLI (`--format json|csv|table`) and the desktop app's
//! IPC. TypeScript declarations for the UI are generated from these types (`ui/src/bindings.ts`;
//! a test fails when they are stale).

mod columns;

pub use columns::{ColumnArticle, ColumnTables, ColumnsError, Interner, TimelineColumns, NO_DAY};

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
    /// Actor and place mentions in `text`, in text order.
    pub mentions: Vec<MentionView>,
    /// The evidence of each visible event of this article, in text order.
    pub events: Vec<EventSpanView>,
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
    /// The article it was read from, and its publisher.
    pub article_title: String,
    pub publisher: Option<String>,
    /// How many articles report it (1 unless reports from several articles were grouped).
    #[ts(type = "number")]
    pub reports: i64,
    /// The word(s) it was found by ("delayed", "crash"), when known: a clause may hold several
    /// events.
    pub trigger: Option<String>,
    /// The day it was reported: its article's publication date (the user's correction of it
    /// included), the earliest of its reports' for a grouped event; none when no report is dated.
    pub reported: Option<String>,
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
    /// Roles as the articles give them ("Juru bicara Kremlin").
    pub roles: Vec<String>,
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

/// Events per month (the `histogram` command; the app's overview strip bins by the unit its span needs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// The filter every view shares, as the UI and the CLI give it. Dates are ISO days
/// (`YYYY-MM-DD`); every field that is set narrows the selection; empty strings count as unset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct EventQuery {
    /// Events overlapping [from, to] (inclusive).
    #[ts(optional)]
    pub from: Option<String>,
    #[ts(optional)]
    pub to: Option<String>,
    /// An actor's canonical name or alias.
    #[ts(optional)]
    pub actor: Option<String>,
    /// A place's canonical name.
    #[ts(optional)]
    pub place: Option<String>,
    /// Event types: a CAMEO root code "01".."20" or "00" for another event (`events::OTHER`);
    /// several with commas ("01,19"); "-00" leaves a type out (`events::TypeSelection`).
    #[ts(optional)]
    pub cameo: Option<String>,
    /// Full-text search over the events' articles.
    #[ts(optional)]
    pub text: Option<String>,
    /// The publisher of the events' articles.
    #[ts(optional)]
    pub source: Option<String>,
    /// The language code of the events' articles ("id", "en").
    #[ts(optional)]
    pub language: Option<String>,
    /// "asserted", "reported", "denied", "planned" or "hypothetical".
    #[ts(optional)]
    pub modality: Option<String>,
    /// Who claims the events: an actor's name or alias.
    #[ts(optional)]
    pub attribution: Option<String>,
    /// "certain": only events certainly inside the date window (every possible day in it);
    /// "possible" or nothing: every event that may fall in it.
    #[ts(optional)]
    pub certainty: Option<String>,
    /// "reported": the window is of report time (the events whose article was published in it)
    /// and the timeline places each event on the day it was reported; "event" or nothing: the
    /// time the events happened.
    #[ts(optional)]
    pub time: Option<String>,
}

impl EventQuery {
    /// The store filter for this query; a malformed date or a window that ends before it starts
    /// is refused with `invalid_input`.
    pub fn to_filter(&self) -> Result<crate::store::EventFilter, AppError> {
        fn set(v: &Option<String>) -> Option<String> {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        }
        let day = |v: &Option<String>, what: &str| -> Result<Option<chrono::NaiveDate>, AppError> {
            match set(v) {
                None => Ok(None),
                Some(s) => chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| {
                        AppError::new(
                            ErrorCode::InvalidInput,
                            format!("the {what} date {s:?} is not a calendar date (YYYY-MM-DD)"),
                        )
                    }),
            }
        };
        let (from, to) = (day(&self.from, "start")?, day(&self.to, "end")?);
        if let Some(m) = set(&self.modality) {
            if crate::model::Modality::parse(&m).is_none() {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    format!("{m:?} is not a modality (asserted, reported, denied, planned, hypothetical)"),
                ));
            }
        }
        // A two-way choice: nothing or `off` is false, `on` is true, anything else refused.
        let choice = |v: &Option<String>, off: &str, on: &str, what: &str| match set(v) {
            None => Ok(false),
            Some(x) if x == off => Ok(false),
            Some(x) if x == on => Ok(true),
            Some(other) => Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("{other:?} is no {what} ({on} or {off})"),
            )),
        };
        let certain = choice(&self.certainty, "possible", "certain", "date certainty")?;
        let reported = choice(&self.time, "event", "reported", "time axis")?;
        if let Some(types) = set(&self.cameo) {
            crate::events::TypeSelection::parse(&types)
                .map_err(|e| AppError::new(ErrorCode::InvalidInput, e))?;
        }
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    format!("the date window ends ({t}) before it starts ({f})"),
                ));
            }
        }
        Ok(crate::store::EventFilter {
            from,
            to,
            actor: set(&self.actor),
            place: set(&self.place),
            cameo: set(&self.cameo),
            text: set(&self.text),
            publisher: set(&self.source),
            language: set(&self.language),
            modality: set(&self.modality),
            attribution: set(&self.attribution),
            certain,
            reported,
            article: None,
            limit: None,
        })
    }
}

/// One value of a facet with the number of selected events that have it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FacetCount {
    /// What a filter takes (a canonical name, a CAMEO code, a publisher, a language code).
    pub value: String,
    /// What the UI shows (the CAMEO name for types; otherwise the value).
    pub label: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// Counts of the selected events per actor, place, type, source and language (each list most
/// frequent first, at most `FACET_LIMIT` values).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Facets {
    /// Selected events.
    #[ts(type = "number")]
    pub total: i64,
    /// Articles selected, as the Articles tab lists them (`Store::article_selection`): those
    /// reporting a selected event, or with filters on articles only, every article passing them.
    #[ts(type = "number")]
    pub articles: i64,
    pub actors: Vec<FacetCount>,
    pub places: Vec<FacetCount>,
    pub types: Vec<FacetCount>,
    pub sources: Vec<FacetCount>,
    pub languages: Vec<FacetCount>,
    /// Asserted, reported by someone, denied, planned, hypothetical.
    pub modalities: Vec<FacetCount>,
    /// Who the events are attributed to (the speaker of reported speech).
    pub attributions: Vec<FacetCount>,
}

/// A page of the timeline query: the events (in date order) and how many matched in all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EventPage {
    pub events: Vec<EventRow>,
    #[ts(type = "number")]
    pub total: i64,
}

/// A highlighted name in the reader (UTF-16 offsets into the article text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MentionView {
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// person, organisation, country, group or place.
    pub kind: String,
}

/// Where an event's evidence sits in its article (UTF-16 offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EventSpanView {
    #[ts(type = "number")]
    pub id: i64,
    pub start: u32,
    pub end: u32,
    pub cameo: String,
}

/// Everything the detail panel shows about one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EventDetail {
    pub event: EventRow,
    /// The CAMEO root's name.
    pub type_name: String,
    /// The articles reporting this event (the first is the one it was read from first).
    pub sources: Vec<ArticleSummary>,
    /// Each article's report: its evidence and where it is (UTF-16 offsets in that article).
    pub reports: Vec<ReportView>,
    /// Its places with coordinates when known.
    pub places: Vec<PlaceRow>,
    /// The evidence in the first source's text (UTF-16 offsets).
    pub evidence: EventSpanView,
    /// Whether the user has corrected this event.
    pub corrected: bool,
}

/// One article's report of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReportView {
    #[ts(type = "number")]
    pub event_id: i64,
    #[ts(type = "number")]
    pub article_id: i64,
    pub title: String,
    pub publisher: Option<String>,
    pub evidence: String,
    pub start: u32,
    pub end: u32,
}

/// An actor in the network view, with its measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NetworkNode {
    pub actor: String,
    /// person, organisation, country or group.
    pub kind: String,
    #[ts(type = "number")]
    pub events: i64,
    #[ts(type = "number")]
    pub degree: i64,
    pub weighted_degree: f64,
    pub betweenness: f64,
    pub pagerank: f64,
    #[ts(type = "number")]
    pub community: i64,
}

/// A link between two actors: the events they share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NetworkEdge {
    pub source: String,
    pub target: String,
    pub weight: f64,
    /// First and last day of the shared events (ISO), when dated.
    pub first: Option<String>,
    pub last: Option<String>,
}

/// The actor network of the selected events.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct NetworkView {
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
    /// Actors left out because the network was cut to the most central ones.
    #[ts(type = "number")]
    pub omitted: i64,
}

/// The user's change to an event (from the detail panel); unset fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct EventEdit {
    /// CAMEO root code, "01".."20", or "00" for another event (`events::OTHER`).
    #[ts(optional)]
    pub cameo: Option<String>,
    /// The event's first and last day (ISO).
    #[ts(optional)]
    pub from: Option<String>,
    #[ts(optional)]
    pub to: Option<String>,
    #[ts(optional)]
    pub hidden: Option<bool>,
}

/// What undo and redo would do next, in words ("Undo: rename “A” to “B”", "Redo: …"); `null`
/// when there is nothing to undo or redo.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct HistoryState {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// Which chart to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ChartViewName {
    Timeline,
    Network,
    Map,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ChartFormatName {
    Png,
    Svg,
    Pdf,
}

/// How the timeline groups events into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LaneName {
    Actor,
    Place,
    Type,
    Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DataFormatName {
    Csv,
    Json,
    Graphml,
    Gexf,
    Timelinejs,
}

/// A chart export from the app: the view as the user sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChartRequest {
    pub view: ChartViewName,
    pub format: ChartFormatName,
    /// PNG pixels per CSS pixel (1 or 2).
    #[ts(optional)]
    pub scale: Option<f32>,
    pub caption: bool,
    #[ts(optional)]
    pub lanes: Option<LaneName>,
    /// The timeline's visible window (ISO days); unset: the whole filtered extent.
    #[ts(optional)]
    pub window_from: Option<String>,
    #[ts(optional)]
    pub window_to: Option<String>,
    /// The network's on-screen positions, by actor name.
    #[ts(optional)]
    pub positions: Option<std::collections::BTreeMap<String, (f64, f64)>>,
    /// Width in CSS pixels (default 1200).
    #[ts(optional)]
    pub width: Option<f64>,
}

impl ChartRequest {
    /// The renderer's options for this request.
    pub fn options(
        &self,
        today: chrono::NaiveDate,
    ) -> Result<crate::export::chart::ChartOptions, AppError> {
        use crate::export::chart::{ChartOptions, ChartView, LaneBy};
        let mut opts = ChartOptions::new(
            match self.view {
                ChartViewName::Timeline => ChartView::Timeline,
                ChartViewName::Network => ChartView::Network,
                ChartViewName::Map => ChartView::Map,
            },
            today,
        );
        let invalid = |m: String| AppError::new(ErrorCode::InvalidInput, m);
        opts.scale = self.scale.unwrap_or(1.0);
        if !(0.25..=8.0).contains(&opts.scale) {
            return Err(invalid(format!(
                "scale {} is out of range (0.25 to 8)",
                opts.scale
            )));
        }
        opts.width = self.width.unwrap_or(1200.0);
        if !(100.0..=20_000.0).contains(&opts.width) {
            return Err(invalid(format!(
                "width {} is out of range (100 to 20000)",
                opts.width
            )));
        }
        opts.caption = self.caption;
        opts.lanes = match self.lanes.unwrap_or(LaneName::Actor) {
            LaneName::Actor => LaneBy::Actor,
            LaneName::Place => LaneBy::Place,
            LaneName::Type => LaneBy::Type,
            LaneName::Source => LaneBy::Source,
        };
        let window = EventQuery {
            from: self.window_from.clone(),
            to: self.window_to.clone(),
            ..Default::default()
        }
        .to_filter()?;
        opts.window = match (window.from, window.to) {
            (Some(from), Some(to)) => Some((from, to)),
            (None, None) => None,
            _ => {
                return Err(invalid(
                    "a chart window needs both its first and its last day".into(),
                ))
            }
        };
        opts.positions = self.positions.clone();
        Ok(opts)
    }

    /// The format's file extension.
    pub fn extension(&self) -> &'static str {
        match self.format {
            ChartFormatName::Png => "png",
            ChartFormatName::Svg => "svg",
            ChartFormatName::Pdf => "pdf",
        }
    }
}

/// What an export wrote: the files (none when the user cancelled the save dialog) and the
/// selection's caption.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportResult {
    pub files: Vec<String>,
    pub caption: String,
}

/// A workspace the user opened before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecentWorkspace {
    pub path: String,
    /// Whether the file is still there.
    pub exists: bool,
    /// Whether it is the workspace open now.
    pub current: bool,
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
            StoreError::Invalid(_) => ErrorCode::InvalidInput,
            _ => ErrorCode::Store,
        };
        AppError::new(code, e.to_string())
    }
}

impl From<crate::export::ExportError> for AppError {
    fn from(e: crate::export::ExportError) -> Self {
        use crate::export::ExportError;
        match e {
            ExportError::Store(e) => e.into(),
            ExportError::Write { .. } => AppError::new(ErrorCode::Io, e.to_string()),
            ExportError::Render(_) => AppError::new(ErrorCode::Internal, e.to_string()),
        }
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
        EventQuery::decl(),
        FacetCount::decl(),
        Facets::decl(),
        EventPage::decl(),
        MentionView::decl(),
        EventSpanView::decl(),
        ReportView::decl(),
        EventDetail::decl(),
        NetworkNode::decl(),
        NetworkEdge::decl(),
        NetworkView::decl(),
        EventEdit::decl(),
        HistoryState::decl(),
        ChartViewName::decl(),
        ChartFormatName::decl(),
        LaneName::decl(),
        DataFormatName::decl(),
        ChartRequest::decl(),
        ExportResult::decl(),
        RecentWorkspace::decl(),
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
