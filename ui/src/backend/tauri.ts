import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  ArticleDetail,
  ArticleSummary,
  EventRow,
  ImportEvent,
  ImportSummary,
  WorkspaceInfo,
} from "../bindings";
import { type Backend, toAppError } from "./index";

/** Calls a command and turns any rejection into an `AppError`. */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** The real backend: Tauri commands `<domain>_<verb>` implemented in src-tauri. */
export class TauriBackend implements Backend {
  readonly kind = "tauri";

  workspaceInfo(): Promise<WorkspaceInfo> {
    return call("workspace_info");
  }

  articleList(): Promise<ArticleSummary[]> {
    return call("article_list");
  }

  articleGet(id: number): Promise<ArticleDetail> {
    return call("article_get", { id });
  }

  eventList(): Promise<EventRow[]> {
    return call("event_list");
  }

  articleImport(paths: string[], onProgress?: (event: ImportEvent) => void): Promise<ImportSummary> {
    const channel = new Channel<ImportEvent>();
    if (onProgress !== undefined) channel.onmessage = onProgress;
    return call("article_import", { paths, onProgress: channel });
  }

  articleImportCancel(): Promise<void> {
    return call("article_import_cancel");
  }

  articleImportText(name: string, text: string): Promise<ImportSummary> {
    return call("article_import_text", { name, text });
  }
}
