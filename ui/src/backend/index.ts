// The one place the UI talks to the outside world. Views receive a `Backend`
// and never call `invoke` themselves, so the same UI runs inside Tauri and in
// a plain browser (against the in-memory fake) for fast tests.
import type {
  AppError,
  ArticleDetail,
  ArticleSummary,
  ErrorCode,
  EventRow,
  ImportEvent,
  ImportSummary,
  WorkspaceInfo,
} from "../bindings";

export interface Backend {
  /** Which implementation this is; shown in the UI so a demo is never mistaken for a workspace. */
  readonly kind: "tauri" | "fake";
  workspaceInfo(): Promise<WorkspaceInfo>;
  articleList(): Promise<ArticleSummary[]>;
  articleGet(id: number): Promise<ArticleDetail>;
  eventList(): Promise<EventRow[]>;
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
}

/** Reads `?empty` and `?delay=300` from a URL query string (fake backend only). */
export function browserOptions(search: string): BrowserOptions {
  const params = new URLSearchParams(search);
  const delay = Number(params.get("delay") ?? "0");
  return { empty: params.has("empty"), delayMs: Number.isFinite(delay) && delay > 0 ? delay : 0 };
}

/** Tauri when the app runs in its window, otherwise the in-memory fake. */
export async function pickBackend(search = ""): Promise<Backend> {
  if (insideTauri()) {
    const { TauriBackend } = await import("./tauri");
    return new TauriBackend();
  }
  const { FakeBackend } = await import("./fake");
  const { demoSeed, emptySeed, fixtureFiles } = await import("./fixtures");
  const opts = browserOptions(search);
  return new FakeBackend(opts.empty ? emptySeed() : demoSeed(), { files: fixtureFiles, delayMs: opts.delayMs });
}
