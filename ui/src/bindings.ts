// Generated from the Rust types in src/view.rs by `UPDATE_BINDINGS=1 cargo test bindings`. Do not edit.

export type DateMethod = "metadata" | "dateline" | "weekday_inference" | "file_mtime" | "neighbours" | "stated" | "user";
export type PublishedDate = { 
/**
 * ISO date.
 */
date: string, method: DateMethod, evidence: string | null, confidence: number, };
export type ArticleSummary = { id: number, title: string, publisher: string | null, url: string | null, language: string | null, published: PublishedDate | null, warnings: Array<string>, source: string | null, events: number, };
export type ArticleDetail = { summary: ArticleSummary, text: string, 
/**
 * How the publication date was derived, in words.
 */
date_derivation: string | null, 
/**
 * The time expressions found in `text`, in text order.
 */
time_expressions: Array<TimexView>, 
/**
 * Actor and place mentions in `text`, in text order.
 */
mentions: Array<MentionView>, 
/**
 * The evidence of each visible event of this article, in text order.
 */
events: Array<EventSpanView>, };
export type TimexView = { start: number, end: number, text: string, timex_type: string, value: string, 
/**
 * The rule that found it.
 */
rule: string, };
export type EventRow = { id: number, article_id: number, cameo: string, date_value: string | null, earliest: string | null, latest: string | null, precision: string, evidence: string, actors: Array<string>, places: Array<string>, modality: string, confidence: number, 
/**
 * The actors with their roles (source, agent, target, other).
 */
participants: Array<ParticipantView>, 
/**
 * Who claims it, for reported events.
 */
attribution: string | null, 
/**
 * How the date was derived, in words.
 */
derivation: string, 
/**
 * The article it was read from, and its publisher.
 */
article_title: string, publisher: string | null, 
/**
 * How many articles report it (1 unless reports from several articles were grouped).
 */
reports: number, 
/**
 * The word(s) it was found by ("delayed", "crash"), when known: a clause may hold several
 * events.
 */
trigger: string | null, 
/**
 * The day it was reported: its article's publication date (the user's correction of it
 * included), the earliest of its reports' for a grouped event; none when no report is dated.
 */
reported: string | null, };
export type ParticipantView = { actor: string, role: string, };
export type ActorRow = { id: number, name: string, kind: string, aliases: Array<string>, 
/**
 * Roles as the articles give them ("Juru bicara Kremlin").
 */
roles: Array<string>, events: number, };
export type PlaceRow = { id: number, name: string, country: string | null, lat: number | null, lon: number | null, events: number, };
export type ImportFailure = { path: string, reason: string, };
export type ImportSummary = { imported: number, duplicates: number, failed: Array<ImportFailure>, 
/**
 * The run was cancelled; what was imported before stays.
 */
cancelled: boolean, };
export type ImportEvent = { "kind": "files", done: number, total: number, imported: number, };
export type WorkspaceInfo = { path: string, articles: number, events: number, };
export type MonthCount = { 
/**
 * `YYYY-MM`.
 */
month: string, count: number, };
export type EventQuery = { 
/**
 * Events overlapping [from, to] (inclusive).
 */
from?: string, to?: string, 
/**
 * An actor's canonical name or alias.
 */
actor?: string, 
/**
 * A place's canonical name.
 */
place?: string, 
/**
 * Event types: a CAMEO root code "01".."20" or "00" for another event (`events::OTHER`);
 * several with commas ("01,19"); "-00" leaves a type out (`events::TypeSelection`).
 */
cameo?: string, 
/**
 * Full-text search over the events' articles.
 */
text?: string, 
/**
 * The publisher of the events' articles.
 */
source?: string, 
/**
 * The language code of the events' articles ("id", "en").
 */
language?: string, 
/**
 * "asserted", "reported", "denied", "planned" or "hypothetical".
 */
modality?: string, 
/**
 * Who claims the events: an actor's name or alias.
 */
attribution?: string, 
/**
 * "certain": only events certainly inside the date window (every possible day in it);
 * "possible" or nothing: every event that may fall in it.
 */
certainty?: string, 
/**
 * "reported": the window is of report time (the events whose article was published in it)
 * and the timeline places each event on the day it was reported; "event" or nothing: the
 * time the events happened.
 */
time?: string, };
export type FacetCount = { 
/**
 * What a filter takes (a canonical name, a CAMEO code, a publisher, a language code).
 */
value: string, 
/**
 * What the UI shows (the CAMEO name for types; otherwise the value).
 */
label: string, count: number, };
export type Facets = { 
/**
 * Selected events.
 */
total: number, 
/**
 * Articles selected, as the Articles tab lists them (`Store::article_selection`): those
 * reporting a selected event, or with filters on articles only, every article passing them.
 */
articles: number, actors: Array<FacetCount>, places: Array<FacetCount>, types: Array<FacetCount>, sources: Array<FacetCount>, languages: Array<FacetCount>, 
/**
 * Asserted, reported by someone, denied, planned, hypothetical.
 */
modalities: Array<FacetCount>, 
/**
 * Who the events are attributed to (the speaker of reported speech).
 */
attributions: Array<FacetCount>, };
export type EventPage = { events: Array<EventRow>, total: number, };
export type MentionView = { start: number, end: number, text: string, 
/**
 * person, organisation, country, group or place.
 */
kind: string, };
export type EventSpanView = { id: number, start: number, end: number, cameo: string, };
export type ReportView = { event_id: number, article_id: number, title: string, publisher: string | null, evidence: string, start: number, end: number, };
export type EventDetail = { event: EventRow, 
/**
 * The CAMEO root's name.
 */
type_name: string, 
/**
 * The articles reporting this event (the first is the one it was read from first).
 */
sources: Array<ArticleSummary>, 
/**
 * Each article's report: its evidence and where it is (UTF-16 offsets in that article).
 */
reports: Array<ReportView>, 
/**
 * Its places with coordinates when known.
 */
places: Array<PlaceRow>, 
/**
 * The evidence in the first source's text (UTF-16 offsets).
 */
evidence: EventSpanView, 
/**
 * Whether the user has corrected this event.
 */
corrected: boolean, };
export type NetworkNode = { actor: string, 
/**
 * person, organisation, country or group.
 */
kind: string, events: number, degree: number, weighted_degree: number, betweenness: number, pagerank: number, community: number, };
export type NetworkEdge = { source: string, target: string, weight: number, 
/**
 * First and last day of the shared events (ISO), when dated.
 */
first: string | null, last: string | null, };
export type NetworkView = { nodes: Array<NetworkNode>, edges: Array<NetworkEdge>, 
/**
 * Actors left out because the network was cut to the most central ones.
 */
omitted: number, };
export type EventEdit = { 
/**
 * CAMEO root code, "01".."20", or "00" for another event (`events::OTHER`).
 */
cameo?: string, 
/**
 * The event's first and last day (ISO).
 */
from?: string, to?: string, hidden?: boolean, };
export type HistoryState = { undo: string | null, redo: string | null, };
export type ChartViewName = "timeline" | "network" | "map";
export type ChartFormatName = "png" | "svg" | "pdf";
export type LaneName = "actor" | "place" | "type" | "source";
export type DataFormatName = "csv" | "json" | "graphml" | "gexf" | "timelinejs";
export type ChartRequest = { view: ChartViewName, format: ChartFormatName, 
/**
 * PNG pixels per CSS pixel (1 or 2).
 */
scale?: number, caption: boolean, lanes?: LaneName, 
/**
 * The timeline's visible window (ISO days); unset: the whole filtered extent.
 */
window_from?: string, window_to?: string, 
/**
 * The network's on-screen positions, by actor name.
 */
positions?: { [key in string]?: [number, number] }, 
/**
 * Width in CSS pixels (default 1200).
 */
width?: number, };
export type ExportResult = { files: Array<string>, caption: string, };
export type RecentWorkspace = { path: string, 
/**
 * Whether the file is still there.
 */
exists: boolean, 
/**
 * Whether it is the workspace open now.
 */
current: boolean, };
export type ErrorCode = "not_found" | "invalid_input" | "io" | "store" | "internal";
export type AppError = { code: ErrorCode, message: string, };
