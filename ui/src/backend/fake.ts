// In-memory backend for running the UI in a plain browser and for tests.
// It mimics the contract of the Tauri commands (shapes, AppError rejections,
// duplicate detection by content), not the extraction itself: imported
// articles get a title from their first line and no date or events.
import type {
  AppError,
  ArticleDetail,
  ArticleSummary,
  EventRow,
  ImportFailure,
  ImportEvent,
  ImportSummary,
  WorkspaceInfo,
} from "../bindings";
import type { Backend } from "./index";
import type { FakeSeed } from "./fixtures";

export interface FakeOptions {
  /** path -> text; a path ending in "/" or naming a folder imports every file under it. */
  files?: Readonly<Record<string, string>>;
  /** Artificial latency per call, to exercise loading states. */
  delayMs?: number;
}

/** Same text modulo surrounding and repeated whitespace counts as a duplicate. */
export function contentKey(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** First non-empty line, shortened: a stand-in for the core's title extraction. */
export function titleFromText(text: string, fallback: string): string {
  const line = text.split("\n").map((l) => l.trim()).find((l) => l.length > 0);
  if (line === undefined) return fallback;
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

function reject(code: AppError["code"], message: string): Promise<never> {
  const error: AppError = { code, message };
  return Promise.reject(error);
}

export class FakeBackend implements Backend {
  readonly kind = "fake";
  private readonly path: string;
  private readonly articles: ArticleDetail[];
  private readonly events: EventRow[];
  private readonly files: Readonly<Record<string, string>>;
  private readonly delayMs: number;

  constructor(seed: FakeSeed, options: FakeOptions = {}) {
    // Copies, so a test or a page never mutates the shared fixtures.
    this.path = seed.path;
    this.articles = structuredClone(seed.articles);
    this.events = structuredClone(seed.events);
    this.files = options.files ?? {};
    this.delayMs = options.delayMs ?? 0;
  }

  private async settle<T>(value: T): Promise<T> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return structuredClone(value);
  }

  private nextId(): number {
    return this.articles.reduce((max, a) => Math.max(max, a.summary.id), 0) + 1;
  }

  /** Adds one text unless its content is already stored; returns whether it was new. */
  private add(source: string, text: string): boolean {
    const key = contentKey(text);
    if (this.articles.some((a) => contentKey(a.text) === key)) return false;
    const summary: ArticleSummary = {
      id: this.nextId(),
      title: titleFromText(text, source),
      publisher: null,
      url: null,
      language: null,
      published: null,
      warnings: ["no publication date found"],
      source,
      events: 0,
    };
    this.articles.push({ summary, text, date_derivation: null, time_expressions: [] });
    return true;
  }

  workspaceInfo(): Promise<WorkspaceInfo> {
    return this.settle({ path: this.path, articles: this.articles.length, events: this.events.length });
  }

  articleList(): Promise<ArticleSummary[]> {
    return this.settle(this.articles.map((a) => a.summary));
  }

  articleGet(id: number): Promise<ArticleDetail> {
    const found = this.articles.find((a) => a.summary.id === id);
    if (found === undefined) return reject("not_found", `no article with id ${id}`);
    return this.settle(found);
  }

  eventList(): Promise<EventRow[]> {
    return this.settle(this.events);
  }

  articleImport(paths: string[], onProgress?: (event: ImportEvent) => void): Promise<ImportSummary> {
    if (paths.length === 0) return reject("invalid_input", "no paths given");
    const summary: ImportSummary = { imported: 0, duplicates: 0, failed: [], cancelled: false };
    for (const path of paths) {
      const folder = path.endsWith("/") ? path : `${path}/`;
      const matches = Object.keys(this.files).filter((p) => p === path || p.startsWith(folder));
      if (matches.length === 0) {
        const failure: ImportFailure = { path, reason: "not found (the browser demo only knows its fixture files)" };
        summary.failed.push(failure);
        continue;
      }
      for (const p of matches.sort()) {
        const text = this.files[p] ?? "";
        if (contentKey(text) === "") summary.failed.push({ path: p, reason: "file is empty" });
        else if (this.add(p.split("/").pop() ?? p, text)) summary.imported += 1;
        else summary.duplicates += 1;
      }
    }
    onProgress?.({ kind: "files", done: paths.length, total: paths.length, imported: summary.imported });
    return this.settle(summary);
  }

  /** The fake imports at once; there is never anything to cancel. */
  articleImportCancel(): Promise<void> {
    return this.settle(undefined);
  }

  articleImportText(name: string, text: string): Promise<ImportSummary> {
    if (contentKey(text) === "") return reject("invalid_input", "the pasted text is empty");
    const added = this.add(name, text);
    return this.settle({ imported: added ? 1 : 0, duplicates: added ? 0 : 1, failed: [], cancelled: false });
  }
}
