// Generated from the Rust types in src/view.rs by `UPDATE_BINDINGS=1 cargo test bindings`. Do not edit.

export type DateMethod = "metadata" | "dateline" | "weekday_inference" | "file_mtime" | "user";
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
time_expressions: Array<TimexView>, };
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
derivation: string, };
export type ParticipantView = { actor: string, role: string, };
export type ActorRow = { id: number, name: string, kind: string, aliases: Array<string>, events: number, };
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
export type ErrorCode = "not_found" | "invalid_input" | "io" | "store" | "internal";
export type AppError = { code: ErrorCode, message: string, };
