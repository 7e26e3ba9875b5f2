import type { AppError, ArticleSummary, ImportEvent, ImportSummary } from "./bindings";
import { type Backend, pickBackend, toAppError } from "./backend";
import { el, required } from "./dom";
import { describeError, formatCounts, formatImportProgress, formatImportSummary } from "./format";
import { renderArticles } from "./views/articles";
import { renderEvents } from "./views/events";
import { renderReader } from "./views/reader";

const ui = {
  path: required("workspace-path", HTMLElement),
  counts: required("counts", HTMLElement),
  kind: required("backend-kind", HTMLElement),
  pathForm: required("import-path-form", HTMLFormElement),
  pathInput: required("import-path", HTMLInputElement),
  pathButton: required("import-button", HTMLButtonElement),
  cancelButton: required("import-cancel", HTMLButtonElement),
  textForm: required("import-text-form", HTMLFormElement),
  textName: required("import-text-name", HTMLInputElement),
  textInput: required("import-text", HTMLTextAreaElement),
  textButton: required("import-text-button", HTMLButtonElement),
  status: required("status", HTMLElement),
  articles: required("articles", HTMLTableElement),
  events: required("events", HTMLTableElement),
  reader: required("reader", HTMLElement),
};

let articles: ArticleSummary[] = [];
let selectedId: number | null = null;
/** Increments on each selection so a slow response for an older click is dropped. */
let readerRequest = 0;

function setStatus(kind: "info" | "busy" | "error", headline: string, details: string[] = []): void {
  ui.status.dataset.kind = kind;
  const headlineNode = el("span", { class: "headline" }, headline);
  if (details.length === 0) ui.status.replaceChildren(headlineNode);
  else ui.status.replaceChildren(headlineNode, el("ul", { class: "failures" }, ...details.map((d) => el("li", {}, d))));
}

function showError(error: AppError): void {
  setStatus("error", describeError(error));
}

function showArticles(): void {
  renderArticles(ui.articles, { kind: "ready", articles, selectedId }, selectArticle);
}

async function refresh(backend: Backend): Promise<void> {
  try {
    const [info, list, events] = await Promise.all([
      backend.workspaceInfo(),
      backend.articleList(),
      backend.eventList(),
    ]);
    ui.path.textContent = info.path;
    ui.path.title = `Workspace: ${info.path}`;
    ui.counts.textContent = formatCounts(info);
    articles = list;
    showArticles();
    renderEvents(ui.events, { kind: "ready", events });
  } catch (reason) {
    const error = toAppError(reason);
    renderArticles(ui.articles, { kind: "error", message: error.message }, selectArticle);
    renderEvents(ui.events, { kind: "error", message: error.message });
    showError(error);
  }
}

let backendRef: Backend | null = null;

async function selectArticle(id: number): Promise<void> {
  const backend = backendRef;
  if (backend === null) return;
  selectedId = id;
  showArticles();
  const request = ++readerRequest;
  renderReader(ui.reader, { kind: "loading" });
  try {
    const article = await backend.articleGet(id);
    if (request === readerRequest) renderReader(ui.reader, { kind: "ready", article });
  } catch (reason) {
    if (request !== readerRequest) return;
    const error = toAppError(reason);
    renderReader(ui.reader, { kind: "error", message: describeError(error) });
    if (error.code === "not_found") {
      // The workspace changed under us; show what is there now.
      selectedId = null;
      if (backendRef !== null) await refresh(backendRef);
    }
  }
}

/** Runs one import with the controls disabled, then reports and reloads. */
async function runImport(
  backend: Backend,
  what: string,
  job: () => Promise<ImportSummary>,
  cancellable = false,
): Promise<boolean> {
  ui.pathButton.disabled = true;
  ui.textButton.disabled = true;
  ui.cancelButton.hidden = !cancellable;
  ui.cancelButton.disabled = false;
  setStatus("busy", `Importing ${what}…`);
  try {
    const summary = await job();
    const text = formatImportSummary(summary);
    setStatus(summary.failed.length > 0 ? "error" : "info", text.headline, text.failures);
    await refresh(backend);
    return true;
  } catch (reason) {
    showError(toAppError(reason));
    return false;
  } finally {
    ui.pathButton.disabled = false;
    ui.textButton.disabled = false;
    ui.cancelButton.hidden = true;
  }
}

async function start(): Promise<void> {
  renderArticles(ui.articles, { kind: "loading" }, selectArticle);
  renderEvents(ui.events, { kind: "loading" });
  renderReader(ui.reader, { kind: "none" });
  setStatus("busy", "Opening workspace…");

  const backend = await pickBackend(window.location.search);
  backendRef = backend;
  if (backend.kind === "fake") {
    ui.kind.textContent = "browser demo — in-memory data";
    ui.kind.hidden = false;
  }

  ui.pathForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const path = ui.pathInput.value.trim();
    if (path === "") {
      setStatus("error", "Type the path of a file or folder to import.");
      ui.pathInput.focus();
      return;
    }
    const progress = (event: ImportEvent) => setStatus("busy", formatImportProgress(event));
    void runImport(backend, path, () => backend.articleImport([path], progress), true);
  });

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
    void runImport(backend, "pasted text", () => backend.articleImportText(name, text)).then((ok) => {
      if (ok) ui.textInput.value = "";
    });
  });

  await refresh(backend);
  if (ui.status.dataset.kind === "busy") {
    setStatus("info", articles.length === 0 ? "Workspace is empty. Import articles to begin." : "Ready.");
  }
}

void start();
