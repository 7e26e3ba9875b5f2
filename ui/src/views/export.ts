// The Export control in the top bar: a button opening a small panel to save a
// chart (timeline, network, map as PNG/SVG/PDF, drawn by the core like the CLI)
// or the selection's data. The backend opens the save dialog; the status line
// says where the files went.
import type { AppError, EventQuery, ExportResult } from "../bindings";
import { toAppError } from "../backend";
import { el } from "../dom";
import {
  CHART_FORMATS,
  CHART_VIEWS,
  DATA_FORMATS,
  type ExportKind,
  type Screen,
  chartExport,
  describeExport,
  isChartFormatChoice,
  isChartView,
  isDataFormat,
} from "../export";
import type { ViewContext } from "./context";

export interface ExportElements {
  button: HTMLButtonElement;
  panel: HTMLElement;
}

export interface ExportActions {
  /** What is on screen now (filters, lanes, the timeline window, the network layout). */
  screen(): Screen;
  /** Writes the outcome to the status line. */
  status(kind: "info" | "busy" | "error", headline: string, details?: string[], note?: string): void;
  error(error: AppError): void;
}

function select(id: string, options: ReadonlyArray<{ value: string; label: string }>): HTMLSelectElement {
  return el("select", { attrs: { id } }, ...options.map((o) => el("option", { attrs: { value: o.value } }, o.label)));
}

function row(label: string, id: string, control: HTMLElement): HTMLElement {
  return el("div", { class: "export-row" }, el("label", { attrs: { for: id } }, label), control);
}

export class ExportPanel {
  private readonly kind = select("export-kind", [
    { value: "chart", label: "Chart (picture)" },
    { value: "data", label: "Data (files)" },
  ]);
  private readonly view = select("export-view", CHART_VIEWS);
  private readonly format = select("export-format", CHART_FORMATS);
  private readonly extent = select("export-extent", [
    { value: "view", label: "Current view" },
    { value: "all", label: "Whole filtered extent" },
  ]);
  private readonly caption = el("input", { attrs: { type: "checkbox", id: "export-caption" } });
  private readonly dataFormat = select("export-data-format", DATA_FORMATS);
  private readonly group = select("export-group", [
    { value: "type", label: "by event type" },
    { value: "actor", label: "by actor" },
  ]);
  private readonly go = el("button", { attrs: { type: "submit", id: "export-go" } }, "Export…");
  private readonly chartFields: HTMLElement;
  private readonly dataFields: HTMLElement;
  private readonly extentRow: HTMLElement;
  private readonly groupRow: HTMLElement;
  private running = false;

  constructor(private readonly ctx: ViewContext, private readonly ui: ExportElements, private readonly actions: ExportActions) {
    this.caption.checked = true;
    this.extentRow = row("Extent", "export-extent", this.extent);
    this.groupRow = row("Group", "export-group", this.group);
    this.chartFields = el(
      "div",
      { class: "export-fields", attrs: { "data-kind": "chart" } },
      row("View", "export-view", this.view),
      row("Format", "export-format", this.format),
      this.extentRow,
      el("label", { class: "export-check" }, this.caption, " Include caption (filters, dates, counts, sources)"),
    );
    this.dataFields = el(
      "div",
      { class: "export-fields", attrs: { "data-kind": "data" } },
      row("Format", "export-data-format", this.dataFormat),
      this.groupRow,
    );
    const form = el(
      "form",
      { class: "export-form" },
      row("Export", "export-kind", this.kind),
      this.chartFields,
      this.dataFields,
      el("p", { class: "muted export-hint" }, "Uses the current filters. You choose where to save."),
      el("div", { class: "export-actions" }, this.go),
    );
    ui.panel.replaceChildren(form);
    ui.panel.hidden = true;
    ui.button.setAttribute("aria-expanded", "false");

    for (const s of [this.kind, this.view, this.dataFormat]) s.addEventListener("change", () => this.sync());
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.run();
    });
    ui.button.addEventListener("click", () => (ui.panel.hidden ? this.open() : this.close(true)));
    // Esc closes the panel (and does not also clear the selection, as Esc elsewhere does).
    const container = ui.panel.parentElement ?? ui.panel;
    container.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !ui.panel.hidden) {
        e.stopPropagation();
        this.close(true);
      }
    });
    document.addEventListener("pointerdown", (e) => {
      if (!ui.panel.hidden && e.target instanceof Node && !container.contains(e.target)) this.close(false);
    });
    this.sync();
  }

  open(): void {
    this.ui.panel.hidden = false;
    this.ui.button.setAttribute("aria-expanded", "true");
    this.kind.focus();
  }

  close(refocus: boolean): void {
    this.ui.panel.hidden = true;
    this.ui.button.setAttribute("aria-expanded", "false");
    if (refocus) this.ui.button.focus();
  }

  /** Shows the fields that apply to the choices made. */
  private sync(): void {
    const kind = this.kind.value as ExportKind;
    this.chartFields.hidden = kind !== "chart";
    this.dataFields.hidden = kind !== "data";
    this.extentRow.hidden = this.view.value !== "timeline";
    this.groupRow.hidden = this.dataFormat.value !== "timelinejs";
  }

  private setRunning(on: boolean): void {
    this.running = on;
    this.ui.button.disabled = on;
    this.go.disabled = on;
    this.ui.panel.dataset.state = on ? "running" : "idle";
  }

  private async run(): Promise<void> {
    if (this.running) return;
    const screen = this.actions.screen();
    let job: () => Promise<ExportResult>;
    let what: string;
    if (this.kind.value === "data") {
      const format = this.dataFormat.value;
      if (!isDataFormat(format)) return;
      const byActor = format === "timelinejs" && this.group.value === "actor";
      const query: EventQuery = { ...screen.query };
      job = () => this.ctx.backend.exportData(query, format, byActor);
      what = `data as ${format === "timelinejs" ? "TimelineJS" : format.toUpperCase()}`;
    } else {
      const view = this.view.value;
      const format = this.format.value;
      if (!isChartView(view) || !isChartFormatChoice(format)) return;
      const extent = this.extent.value === "all" ? "all" : "view";
      const { query, request } = chartExport({ view, format, extent, caption: this.caption.checked }, screen);
      job = () => this.ctx.backend.exportChart(query, request);
      what = `the ${view} as ${request.format.toUpperCase()}`;
    }
    // Disabling the focused Export button drops focus; give it back to the top-bar button after.
    const hadFocus = this.ui.panel.contains(document.activeElement);
    this.setRunning(true);
    this.actions.status("busy", `Exporting ${what}…`);
    let result: ExportResult;
    try {
      result = await job();
    } catch (reason) {
      this.setRunning(false);
      this.actions.error(toAppError(reason));
      return;
    }
    this.setRunning(false);
    const outcome = describeExport(result);
    if (outcome === null) {
      this.actions.status("info", "Export cancelled.");
      return;
    }
    this.actions.status("info", outcome.headline, outcome.files, outcome.caption);
    this.close(hadFocus);
  }
}
