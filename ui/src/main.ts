// Builds the window: the top bar (workspace, counts, import, undo/redo), the
// filter sidebar, the timeline with its overview, the network / map / lists
// tabs and the event detail / reader side panel. Every view reads and writes
// the one shared filter state (state.ts).
import type { AppError, ArticleSummary, EventQuery, HistoryState, ImportEvent, ImportSummary } from "./bindings";
import { type Backend, pickBackend, toAppError } from "./backend";
import { el, required } from "./dom";
import { describeError, formatCounts, historyChange, formatImportProgress, formatImportSummary, ImportRate } from "./format";
import { type AppState, Latest, Store, type StateKey, activeFilters } from "./state";
import { hideTooltip } from "./viz/canvas";
import { renderArticles } from "./views/articles";
import type { View, ViewContext } from "./views/context";
import { DetailView } from "./views/detail";
import { ExportPanel } from "./views/export";
import { renderEvents } from "./views/events";
import { FacetsView } from "./views/facets";
import { MapView } from "./views/map";
import { NetworkView } from "./views/network";
import { renderReader } from "./views/reader";
import { TimelineView } from "./views/timeline";
import { WorkspaceMenu } from "./views/workspace";

const ui = {
  path: required("workspace-path", HTMLElement),
  workspaceButton: required("workspace-menu-button", HTMLButtonElement),
  workspaceMenu: required("workspace-menu", HTMLElement),
  filesButton: required("import-files", HTMLButtonElement),
  folderButton: required("import-folder", HTMLButtonElement),
  counts: required("counts", HTMLElement),
  kind: required("backend-kind", HTMLElement),
  pathForm: required("import-path-form", HTMLFormElement),
  pathInput: required("import-path", HTMLInputElement),
  pathButton: required("import-button", HTMLButtonElement),
  cancelButton: required("import-cancel", HTMLButtonElement),
  paste: required("paste", HTMLDetailsElement),
  textForm: required("import-text-form", HTMLFormElement),
  textName: required("import-text-name", HTMLInputElement),
  textInput: required("import-text", HTMLTextAreaElement),
  textButton: required("import-text-button", HTMLButtonElement),
  undo: required("undo", HTMLButtonElement),
  redo: required("redo", HTMLButtonElement),
  status: required("status", HTMLElement),
  articles: required("articles", HTMLTableElement),
  events: required("events", HTMLTableElement),
  reader: required("reader", HTMLElement),
  detail: required("detail", HTMLElement),
  tooltip: required("tooltip", HTMLElement),
  dropOverlay: required("drop-overlay", HTMLElement),
  search: required("search", HTMLInputElement),
  exportButton: required("export-button", HTMLButtonElement),
  exportPanel: required("export-panel", HTMLElement),
};

function setStatus(kind: "info" | "busy" | "error", headline: string, details: string[] = [], note = ""): void {
  ui.status.dataset.kind = kind;
  const parts: Node[] = [el("span", { class: "headline" }, headline)];
  if (note !== "") parts.push(el("span", { class: "note" }, note));
  if (details.length > 0) parts.push(el("ul", { class: "failures" }, ...details.map((d) => el("li", {}, d))));
  ui.status.replaceChildren(...parts);
}

function showError(error: AppError): void {
  setStatus("error", describeError(error));
}

/** A tab strip: clicking (or arrow keys on) a tab shows its panel and hides the others. */
function tabs(ids: readonly string[], onShow: (id: string) => void = () => undefined): (id: string) => void {
  const buttons = ids.map((id) => required(id, HTMLButtonElement));
  const show = (id: string) => {
    for (const b of buttons) {
      const on = b.id === id;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(b.getAttribute("aria-controls") ?? "");
      if (panel !== null) panel.hidden = !on;
    }
    onShow(id);
  };
  buttons.forEach((b, i) => {
    b.addEventListener("click", () => show(b.id));
    b.addEventListener("keydown", (e) => {
      const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (step === 0) return;
      const next = buttons[(i + step + buttons.length) % buttons.length];
      if (next !== undefined) {
        show(next.id);
        next.focus();
      }
    });
  });
  show(ids[0] ?? "");
  return show;
}

/**
 * A view in a tab panel: while the panel is hidden its updates wait (merged), and
 * run when the panel is shown, so a filter change or a pan does not make hidden
 * views query and draw on the page's one thread.
 */
class WhenShown implements View {
  private pending = new Set<StateKey>();

  constructor(
    private readonly view: View,
    private readonly panel: HTMLElement,
    private readonly store: Store,
  ) {}

  update(state: Readonly<AppState>, changed: ReadonlySet<StateKey>): void {
    if (this.panel.hidden) {
      for (const key of changed) this.pending.add(key);
      return;
    }
    this.view.update(state, changed);
  }

  shown(): void {
    if (this.panel.hidden || this.pending.size === 0) return;
    const changed = this.pending;
    this.pending = new Set();
    this.view.update(this.store.get(), changed);
  }
}

/**
 * A view whose queries wait for the timeline's: after a filter change the timeline's small
 * query runs alone on the store (the network's or the facets' over many events would slow
 * it down on a two-core machine), then these follow. At most `MAX_WAIT_MS` of waiting.
 */
class AfterTimeline implements View {
  private pending = new Set<StateKey>();
  private waiting = false;
  private static readonly MAX_WAIT_MS = 400;

  constructor(
    private readonly view: View,
    private readonly timeline: { settled(): Promise<void> },
    private readonly store: Store,
  ) {}

  update(state: Readonly<AppState>, changed: ReadonlySet<StateKey>): void {
    if (!changed.has("query") && !changed.has("revision")) {
      this.view.update(state, changed);
      return;
    }
    for (const key of changed) this.pending.add(key);
    if (this.waiting) return;
    this.waiting = true;
    const wait = new Promise<void>((resolve) => setTimeout(resolve, AfterTimeline.MAX_WAIT_MS));
    void Promise.race([this.timeline.settled(), wait]).then(() => {
      this.waiting = false;
      const keys = this.pending;
      this.pending = new Set();
      this.view.update(this.store.get(), keys);
    });
  }
}

/** Whether two queries select the same: their set fields compared by value, in any order. */
function sameQuery(a: EventQuery, b: EventQuery): boolean {
  const key = (q: EventQuery) =>
    JSON.stringify(
      Object.entries(q)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return key(a) === key(b);
}

async function start(): Promise<void> {
  const store = new Store();
  const deferred = new Map<string, WhenShown>();
  const showBottom = tabs(["tab-network", "tab-map", "tab-events", "tab-articles"], (id) => deferred.get(id)?.shown());
  const showSide = tabs(["tab-detail", "tab-reader"]);
  renderArticles(ui.articles, { kind: "loading" }, () => undefined);
  renderEvents(ui.events, { kind: "loading" });
  renderReader(ui.reader, { kind: "none" });
  setStatus("busy", "Opening workspace…");

  const backend: Backend = await pickBackend(window.location.search);
  if (backend.kind === "fake") {
    ui.kind.textContent = "browser demo — in-memory data";
    ui.kind.hidden = false;
  }
  const ctx: ViewContext = { backend, store, tooltip: ui.tooltip, report: showError };

  // ---- history (undo / redo) ----
  const showHistory = (h: HistoryState) => {
    ui.undo.disabled = h.undo === null;
    ui.redo.disabled = h.redo === null;
    const undo = h.undo === null ? "" : historyChange(h.undo);
    const redo = h.redo === null ? "" : historyChange(h.redo);
    ui.undo.title = h.undo === null ? "Nothing to undo" : `Undo: ${undo} (Ctrl+Z)`;
    ui.redo.title = h.redo === null ? "Nothing to redo" : `Redo: ${redo} (Ctrl+Shift+Z)`;
    ui.undo.dataset.description = undo;
    ui.redo.dataset.description = redo;
  };
  const afterCorrection = (h: HistoryState, what: string) => {
    showHistory(h);
    setStatus("info", what);
    store.set({ revision: store.get().revision + 1 });
  };
  const undo = async () => {
    if (ui.undo.disabled) return;
    const what = ui.undo.dataset.description ?? "";
    try {
      afterCorrection(await backend.historyUndo(), `Undone: ${what}`);
    } catch (reason) {
      showError(toAppError(reason));
    }
  };
  const redo = async () => {
    if (ui.redo.disabled) return;
    const what = ui.redo.dataset.description ?? "";
    try {
      afterCorrection(await backend.historyRedo(), `Redone: ${what}`);
    } catch (reason) {
      showError(toAppError(reason));
    }
  };
  ui.undo.addEventListener("click", () => void undo());
  ui.redo.addEventListener("click", () => void redo());

  // ---- articles and the reader ----
  // The Articles tab lists what the filters select (`articlesQuery`); `articlesInWorkspace` says
  // of how many.
  let articles: ArticleSummary[] = [];
  let articlesQuery: EventQuery = {};
  let articlesInWorkspace = 0;
  let openArticleId: number | null = null;
  const readerRequest = new Latest();
  const articlesRequest = new Latest();
  const showArticles = () =>
    renderArticles(
      ui.articles,
      { kind: "ready", articles, selectedId: openArticleId, filtered: activeFilters(articlesQuery).length > 0, total: articlesInWorkspace },
      (id) => void openArticle(id, null),
    );
  async function loadArticles(query: EventQuery): Promise<void> {
    const request = articlesRequest.next();
    try {
      const list = await backend.articleList(query);
      if (!articlesRequest.current(request)) return;
      articles = list;
      articlesQuery = query;
      showArticles();
    } catch (reason) {
      if (!articlesRequest.current(request)) return;
      const error = toAppError(reason);
      renderArticles(ui.articles, { kind: "error", message: error.message }, () => undefined);
      showError(error);
    }
  }
  let openFocus: number | null = null;
  const readerActions = {
    onActor: (name: string) => store.setFilter("actor", name),
    onEvent: (id: number) => {
      store.set({ selected: id });
    },
    onSetDate: async (id: number, date: string): Promise<string | null> => {
      try {
        const h = await backend.articleSetDate(id, date);
        afterCorrection(h, `Done: ${h.undo === null ? "set the article date" : historyChange(h.undo)} (Ctrl+Z undoes it)`);
        return null;
      } catch (reason) {
        return describeError(toAppError(reason));
      }
    },
  };
  /** Opens an article in the reader; `quiet` reloads the open one in place (after a correction). */
  async function openArticle(id: number, focusEvent: number | null, quiet = false): Promise<void> {
    openArticleId = id;
    openFocus = focusEvent;
    showArticles();
    if (!quiet) showSide("tab-reader");
    const request = readerRequest.next();
    if (!quiet) renderReader(ui.reader, { kind: "loading" });
    try {
      const article = await backend.articleGet(id);
      if (readerRequest.current(request)) renderReader(ui.reader, { kind: "ready", article, focusEvent }, readerActions);
    } catch (reason) {
      if (!readerRequest.current(request)) return;
      const error = toAppError(reason);
      renderReader(ui.reader, { kind: "error", message: describeError(error) });
      if (error.code === "not_found") {
        // The workspace changed under us; show what is there now.
        openArticleId = null;
        await refreshWorkspace();
      }
    }
  }

  async function refreshWorkspace(): Promise<void> {
    try {
      const [info, history] = await Promise.all([backend.workspaceInfo(), backend.historyGet()]);
      ui.path.textContent = info.path;
      ui.path.title = `Workspace: ${info.path}`;
      ui.counts.textContent = formatCounts(info);
      articlesInWorkspace = info.articles;
      showHistory(history);
      await loadArticles(store.get().query);
    } catch (reason) {
      const error = toAppError(reason);
      renderArticles(ui.articles, { kind: "error", message: error.message }, () => undefined);
      showError(error);
    }
  }

  // ---- the views ----
  const facets = new FacetsView(ctx, {
    root: required("facets", HTMLElement),
    searchForm: required("search-form", HTMLFormElement),
    search: ui.search,
    from: required("date-from", HTMLInputElement),
    to: required("date-to", HTMLInputElement),
    certain: required("date-certain", HTMLInputElement),
    chips: required("chips", HTMLElement),
    clearAll: required("clear-all", HTMLButtonElement),
    count: required("selection-count", HTMLElement),
    lists: required("facet-lists", HTMLElement),
  });
  const timeline = new TimelineView(ctx, {
    root: required("timeline", HTMLElement),
    canvas: required("timeline-canvas", HTMLCanvasElement),
    empty: required("timeline-empty", HTMLElement),
    overview: required("overview", HTMLElement),
    overviewCanvas: required("overview-canvas", HTMLCanvasElement),
    legend: required("legend", HTMLElement),
    lanes: required("lanes", HTMLSelectElement),
    timeAxis: required("time-axis", HTMLSelectElement),
    zoomIn: required("zoom-in", HTMLButtonElement),
    zoomOut: required("zoom-out", HTMLButtonElement),
    zoomReset: required("zoom-reset", HTMLButtonElement),
    windowLabel: required("timeline-window", HTMLElement),
  });
  const network = new NetworkView(ctx, {
    root: required("network", HTMLElement),
    canvas: required("network-canvas", HTMLCanvasElement),
    empty: required("network-empty", HTMLElement),
    legend: required("network-legend", HTMLElement),
    size: required("network-size", HTMLSelectElement),
    colour: required("network-colour", HTMLSelectElement),
    ego: required("network-ego", HTMLInputElement),
    info: required("network-info", HTMLElement),
  });
  const map = new MapView(ctx, {
    root: required("map", HTMLElement),
    unplaced: required("map-unplaced", HTMLElement),
  });
  const detail = new DetailView(ctx, ui.detail, {
    openArticle: (articleId, eventId) => void openArticle(articleId, eventId),
    corrected: (h) => afterCorrection(h, `Done: ${h.undo === null ? "correction" : historyChange(h.undo)} (Ctrl+Z undoes it)`),
  });
  new ExportPanel(ctx, { button: ui.exportButton, panel: ui.exportPanel }, {
    screen: () => ({
      query: store.get().query,
      lanes: store.get().lanes,
      window: timeline.visibleWindow(),
      positions: network.layoutPositions(),
      neighbours: network.linkedActors(),
    }),
    status: setStatus,
    error: showError,
  });
  const eventsRequest = new Latest();
  const eventsList: View = {
    update(state, changed) {
      if (!changed.has("query") && !changed.has("revision") && !changed.has("selected")) return;
      const token = eventsRequest.next();
      backend
        .eventList(state.query)
        .then((page) => {
          if (!eventsRequest.current(token)) return;
          renderEvents(
            ui.events,
            { kind: "ready", events: page.events, total: page.total, selectedId: state.selected, reportTime: state.query.time === "reported" },
            (id) => store.set({ selected: id }),
          );
        })
        .catch((reason: unknown) => {
          if (!eventsRequest.current(token)) return;
          const error = toAppError(reason);
          renderEvents(ui.events, { kind: "error", message: error.message });
          showError(error);
        });
    },
  };
  const articlesList: View = {
    update(state, changed) {
      // A new revision alone reloads the list through `refreshWorkspace`. Changes that waited
      // while the tab was hidden arrive together: a filter set after a correction must still
      // reload (the list showed every article under a text filter, on first opening the tab).
      if (changed.has("query") && (!changed.has("revision") || !sameQuery(state.query, articlesQuery))) {
        void loadArticles(state.query);
      }
    },
  };
  const workspace: View = {
    update(_state, changed) {
      if (!changed.has("revision")) return;
      void refreshWorkspace();
      // The reader shows the corrected article date and events too.
      if (openArticleId !== null) void openArticle(openArticleId, openFocus, true);
    },
  };
  new WorkspaceMenu(backend, { button: ui.workspaceButton, menu: ui.workspaceMenu }, {
    busy: (message) => setStatus("busy", message),
    cancelled: () => setStatus("info", "No workspace chosen; this one stays open."),
    error: showError,
    switched: (info) => {
      // Another file: nothing shown so far applies to it.
      openArticleId = null;
      openFocus = null;
      readerRequest.next();
      renderReader(ui.reader, { kind: "none" });
      ui.search.value = "";
      store.set({ query: {}, selected: null, revision: store.get().revision + 1 });
      setStatus("info", `Opened ${info.path} · ${formatCounts(info)}`);
    },
  });
  const sidePanel: View = {
    update(state, changed) {
      if (changed.has("selected") && state.selected !== null) showSide("tab-detail");
    },
  };
  const inTab = (tab: string, panel: string, view: View): View => {
    const wrapped = new WhenShown(view, required(panel, HTMLElement), store);
    deferred.set(tab, wrapped);
    return wrapped;
  };
  // The timeline first: its request goes out before the others'.
  const afterTimeline = (view: View): View => new AfterTimeline(view, timeline, store);
  const views: View[] = [
    timeline,
    afterTimeline(facets),
    inTab("tab-network", "network-panel", afterTimeline(network)),
    inTab("tab-map", "map-panel", afterTimeline(map)),
    detail,
    inTab("tab-events", "events-panel", eventsList),
    inTab("tab-articles", "articles-panel", articlesList),
    workspace,
    sidePanel,
  ];
  store.subscribe((state, changed) => {
    for (const v of views) v.update(state, changed);
  });

  // ---- import ----
  async function runImport(what: string, job: () => Promise<ImportSummary>, cancellable = false): Promise<boolean> {
    ui.pathButton.disabled = true;
    ui.textButton.disabled = true;
    ui.filesButton.disabled = true;
    ui.folderButton.disabled = true;
    ui.cancelButton.hidden = !cancellable;
    ui.cancelButton.disabled = false;
    setStatus("busy", `Importing ${what}…`);
    try {
      const summary = await job();
      const text = formatImportSummary(summary);
      setStatus(summary.failed.length > 0 ? "error" : "info", text.headline, text.failures);
      await refreshWorkspace();
      store.set({ revision: store.get().revision + 1 });
      return true;
    } catch (reason) {
      showError(toAppError(reason));
      return false;
    } finally {
      ui.pathButton.disabled = false;
      ui.textButton.disabled = false;
      ui.filesButton.disabled = false;
      ui.folderButton.disabled = false;
      ui.cancelButton.hidden = true;
    }
  }
  const importPaths = (paths: string[]) => {
    // The time left comes from the rate of the progress events since the start.
    const rate = new ImportRate(performance.now());
    const progress = (event: ImportEvent) => setStatus("busy", formatImportProgress(event, rate.observe(event, performance.now())));
    const what = paths.length === 1 ? (paths[0] ?? "") : `${paths.length} files`;
    return runImport(what, () => backend.articleImport(paths, progress), true);
  };

  ui.pathForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const path = ui.pathInput.value.trim();
    if (path === "") {
      setStatus("error", "Type the path of a file or folder to import.");
      ui.pathInput.focus();
      return;
    }
    void importPaths([path]);
  });
  const pick = async (folder: boolean) => {
    setStatus("busy", folder ? "Choose a folder to import…" : "Choose files to import…");
    try {
      const paths = await backend.importPick(folder);
      if (paths.length === 0) setStatus("info", "Nothing chosen; nothing imported.");
      else await importPaths(paths);
    } catch (reason) {
      showError(toAppError(reason));
    }
  };
  ui.filesButton.addEventListener("click", () => void pick(false));
  ui.folderButton.addEventListener("click", () => void pick(true));
  ui.cancelButton.addEventListener("click", () => {
    ui.cancelButton.disabled = true;
    setStatus("busy", "Cancelling after the batch in flight…");
    backend.articleImportCancel().catch((reason: unknown) => showError(toAppError(reason)));
  });
  ui.textForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = ui.textInput.value;
    if (text.trim() === "") {
      setStatus("error", "Paste an article's text first.");
      ui.textInput.focus();
      return;
    }
    const name = ui.textName.value.trim() || "pasted text";
    void runImport("pasted text", () => backend.articleImportText(name, text)).then((ok) => {
      if (ok) {
        ui.textInput.value = "";
        ui.paste.open = false;
      }
    });
  });
  void setupDrop(backend, importPaths, (name, text) => runImport(name, () => backend.articleImportText(name, text)));

  // ---- keyboard ----
  document.addEventListener("keydown", (e) => {
    const target = e.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !typing && (e.key === "z" || e.key === "Z")) {
      e.preventDefault();
      void (e.shiftKey ? redo() : undo());
      return;
    }
    if (mod && !typing && (e.key === "y" || e.key === "Y")) {
      e.preventDefault();
      void redo();
      return;
    }
    if (e.key === "/" && !typing) {
      e.preventDefault();
      ui.search.focus();
      ui.search.select();
      return;
    }
    if (e.key === "Escape") {
      hideTooltip(ui.tooltip);
      if (ui.paste.open) ui.paste.open = false;
      else if (store.get().selected !== null) store.set({ selected: null });
    }
  });

  await refreshWorkspace();
  const all = new Set<StateKey>(["query", "selected", "lanes", "revision"]);
  for (const v of views) if (v !== workspace) v.update(store.get(), all);
  showBottom("tab-network");
  if (ui.status.dataset.kind === "busy") {
    setStatus("info", articlesInWorkspace === 0 ? "Workspace is empty. Import articles to begin (type a path, paste, or drop files)." : "Ready.");
  }
}

/**
 * Drag and drop of files onto the window. Inside Tauri the webview reports the
 * dropped paths (the importer reads them); in a plain browser the files' text
 * is read here and imported as pasted text.
 */
async function setupDrop(
  backend: Backend,
  importPaths: (paths: string[]) => Promise<boolean>,
  importText: (name: string, text: string) => Promise<boolean>,
): Promise<void> {
  const overlay = ui.dropOverlay;
  if (backend.kind === "tauri") {
    try {
      const { getCurrentWebview } = await import("@tauri-apps/api/webview");
      await getCurrentWebview().onDragDropEvent((event) => {
        const p = event.payload;
        if (p.type === "enter" || p.type === "over") overlay.hidden = false;
        else if (p.type === "leave") overlay.hidden = true;
        else if (p.type === "drop") {
          overlay.hidden = true;
          if (p.paths.length > 0) void importPaths(p.paths);
        }
      });
    } catch (reason) {
      // Listening needs the core:event permissions; without them dropping is simply unavailable.
      console.warn("drag and drop unavailable:", toAppError(reason).message);
    }
    return;
  }
  let depth = 0;
  window.addEventListener("dragenter", (e) => {
    if (!e.dataTransfer?.types.includes("Files")) return;
    depth += 1;
    overlay.hidden = false;
  });
  window.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = [...(e.dataTransfer?.files ?? [])];
    void (async () => {
      for (const f of files) await importText(f.name, await f.text());
    })();
  });
}

void start();
