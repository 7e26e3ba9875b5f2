import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  ActorRow,
  ArticleDetail,
  ArticleSummary,
  ChartRequest,
  DataFormatName,
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
import { decodeColumns, type TimelineColumns } from "./columns";
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

  articleList(query: EventQuery = {}): Promise<ArticleSummary[]> {
    return call("article_list", { query });
  }

  articleGet(id: number): Promise<ArticleDetail> {
    return call("article_get", { id });
  }

  eventList(query: EventQuery): Promise<EventPage> {
    return call("event_list", { query });
  }

  async eventTimeline(query: EventQuery): Promise<TimelineColumns> {
    return decodeColumns(await call<ArrayBuffer>("event_timeline", { query }));
  }

  eventFacets(query: EventQuery): Promise<Facets> {
    return call("event_facets", { query });
  }

  eventGet(id: number): Promise<EventDetail> {
    return call("event_get", { id });
  }

  networkGet(query: EventQuery): Promise<NetworkView> {
    return call("network_get", { query });
  }

  placeList(query: EventQuery): Promise<PlaceRow[]> {
    return call("place_list", { query });
  }

  articleSetDate(id: number, date: string): Promise<HistoryState> {
    return call("article_set_date", { id, date });
  }

  eventEdit(id: number, edit: EventEdit): Promise<HistoryState> {
    return call("event_edit", { id, edit });
  }

  actorRename(name: string, newName: string): Promise<HistoryState> {
    return call("actor_rename", { name, newName });
  }

  actorMerge(from: string, into: string): Promise<HistoryState> {
    return call("actor_merge", { from, into });
  }

  actorSplit(actor: string, alias: string): Promise<HistoryState> {
    return call("actor_split", { actor, alias });
  }

  eventKeepApart(id: number): Promise<HistoryState> {
    return call("event_keep_apart", { id });
  }

  importPick(folder: boolean): Promise<string[]> {
    return call("import_pick", { folder });
  }

  workspaceRecent(): Promise<RecentWorkspace[]> {
    return call("workspace_recent");
  }

  workspaceOpen(path: string | null, create: boolean): Promise<WorkspaceInfo | null> {
    return call("workspace_open", { path, create });
  }

  actorList(): Promise<ActorRow[]> {
    return call("actor_list");
  }

  exportChart(query: EventQuery, request: ChartRequest): Promise<ExportResult> {
    return call("export_chart", { query, request });
  }

  exportData(query: EventQuery, format: DataFormatName, groupByActor: boolean): Promise<ExportResult> {
    return call("export_data", { query, format, groupByActor });
  }

  historyGet(): Promise<HistoryState> {
    return call("history_get");
  }

  historyUndo(): Promise<HistoryState> {
    return call("history_undo");
  }

  historyRedo(): Promise<HistoryState> {
    return call("history_redo");
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
