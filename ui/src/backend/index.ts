// The one place the UI talks to the outside world. Views receive a `Backend`
// and never call `invoke` themselves, so the same UI runs inside Tauri and in
// a plain browser (against the in-memory fake) for fast tests.
import type {
  ActorRow,
  AppError,
  ArticleDetail,
  ArticleSummary,
  ChartRequest,
  DataFormatName,
  ErrorCode,
  EventDetail,
  EventEdit,
  EventPage,
  EventQuery,
  ExportResult,
  Facets,
  HistoryState,
  ImportEvent,
  ImportSummary,
  NetworkView,
  PlaceRow,
  RecentWorkspace,
  WorkspaceInfo,
} from "../bindings";
import type { TimelineColumns } from "./columns";

export interface Backend {
  /** Which implementation this is; shown in the UI so a demo is never mistaken for a workspace. */
  readonly kind: "tauri" | "fake";
  workspaceInfo(): Promise<WorkspaceInfo>;
  /**
   * The articles a query selects (every article for `{}`), as the Articles tab lists them: those
   * reporting a selected event, or with filters on articles only (text, source, language), every
   * article passing them. `Facets.articles` counts the same list.
   */
  articleList(query?: EventQuery): Promise<ArticleSummary[]>;
  articleGet(id: number): Promise<ArticleDetail>;
  /** The events table's query: at most 20,000 events in date order, and how many matched. */
  eventList(query: EventQuery): Promise<EventPage>;
  /** The timeline's query: every matching event, in date order, as columns. */
  eventTimeline(query: EventQuery): Promise<TimelineColumns>;
  /** Selected events counted per actor, place, type, source and language. */
  eventFacets(query: EventQuery): Promise<Facets>;
  eventGet(id: number): Promise<EventDetail>;
  /** The actor network of the selected events (at most 2,000 most central actors). */
  networkGet(query: EventQuery): Promise<NetworkView>;
  /** Places of the selected events with coordinates and counts (the map). */
  placeList(query: EventQuery): Promise<PlaceRow[]>;
  /** Curation: every change is undoable and survives re-import. Each returns the new history. */
  articleSetDate(id: number, date: string): Promise<HistoryState>;
  eventEdit(id: number, edit: EventEdit): Promise<HistoryState>;
  actorRename(name: string, newName: string): Promise<HistoryState>;
  actorMerge(from: string, into: string): Promise<HistoryState>;
  /** Makes `alias` of `actor` an actor of its own again (undoing a merge or a wrong alias). */
  actorSplit(actor: string, alias: string): Promise<HistoryState>;
  /** Keeps one article's report of an event apart from the other articles' reports of it. */
  eventKeepApart(id: number): Promise<HistoryState>;
  /** Files (or one folder) picked in a native dialog, to pass to `articleImport`; [] when cancelled. */
  importPick(folder: boolean): Promise<string[]>;
  /** The workspaces opened before, most recent first (`current` marks the open one). */
  workspaceRecent(): Promise<RecentWorkspace[]>;
  /**
   * Switches to another workspace file (`create`: make it when missing). `path` null opens a
   * native dialog; resolves null when the user cancels. Everything shown must be reloaded after.
   */
  workspaceOpen(path: string | null, create: boolean): Promise<WorkspaceInfo | null>;
  /** Every actor with its aliases and event count (merge and split choices). */
  actorList(): Promise<ActorRow[]>;
  /**
   * Exports a chart of the selection through a save dialog (PNG/SVG/PDF, drawn by the core like
   * `linimasa export chart`). `files` is empty when the user cancels the dialog.
   */
  exportChart(query: EventQuery, request: ChartRequest): Promise<ExportResult>;
  /** Exports the selection as data through a save dialog; CSV writes four files. */
  exportData(query: EventQuery, format: DataFormatName, groupByActor: boolean): Promise<ExportResult>;
  historyGet(): Promise<HistoryState>;
  historyUndo(): Promise<HistoryState>;
  historyRedo(): Promise<HistoryState>;
  /** Imports files and folders; `onProgress` hears a few progress messages a second. */
  articleImport(paths: string[], onProgress?: (event: ImportEvent) => void): Promise<ImportSummary>;
  /** Stops the running import after the batch in flight. */
  articleImportCancel(): Promise<void>;
  articleImportText(name: string, text: string): Promise<ImportSummary>;
}

const ERROR_CODES: readonly ErrorCode[] = ["not_found", "invalid_input", "io", "store", "internal"];

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { code?: unknown; message?: unknown };
  return (
    typeof v.code === "string" &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === "string"
  );
}

/**
 * Every rejection reaching a view is an `AppError`. Our commands reject with
 * `{code, message}`; anything else (Tauri's own string errors, a thrown
 * exception) is reported as `internal`.
 */
export function toAppError(reason: unknown): AppError {
  if (isAppError(reason)) return reason;
  if (reason instanceof Error) return { code: "internal", message: reason.message };
  return { code: "internal", message: String(reason) };
}

declare global {
  interface Window {
    __TAURI_INTERNALS__?: unknown;
  }
}

export function insideTauri(): boolean {
  return typeof window !== "undefined" && window.__TAURI_INTERNALS__ !== undefined;
}

export interface BrowserOptions {
  /** Start the fake with no articles, as a fresh workspace does. */
  empty: boolean;
  /** Artificial latency of the fake, to see loading states. */
  delayMs: number;
  /** A synthetic workspace of ~20,000 events and 2,000 actors, to check performance. */
  big: boolean;
}

/** Reads `?empty`, `?big` and `?delay=300` from a URL query string (fake backend only). */
export function browserOptions(search: string): BrowserOptions {
  const params = new URLSearchParams(search);
  const delay = Number(params.get("delay") ?? "0");
  return {
    empty: params.has("empty"),
    delayMs: Number.isFinite(delay) && delay > 0 ? delay : 0,
    big: params.has("big"),
  };
}

/** Tauri when the app runs in its window, otherwise the in-memory fake. */
export async function pickBackend(search = ""): Promise<Backend> {
  if (insideTauri()) {
    const { TauriBackend } = await import("./tauri");
    return new TauriBackend();
  }
  const { FakeBackend } = await import("./fake");
  const { bigSeed, demoSeed, emptySeed, fixtureDialogs, fixtureFiles, fixtureRecent, fixtureWorkspaces } = await import("./fixtures");
  const opts = browserOptions(search);
  const seed = opts.empty ? emptySeed() : opts.big ? bigSeed() : demoSeed();
  return new FakeBackend(seed, {
    files: fixtureFiles,
    delayMs: opts.delayMs,
    workspaces: fixtureWorkspaces(),
    recent: fixtureRecent,
    dialogs: fixtureDialogs,
  });
}
