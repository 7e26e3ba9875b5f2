import type { EventRow } from "../bindings";
import { cameoColor, cameoName, cameoRoot, codeLabel } from "../cameo";
import { el, evidenceWithTrigger } from "../dom";
import { formatConfidence, formatEventDate, sortEventsByDate, sortEventsByReport } from "../format";

export type EventsView =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; events: EventRow[]; total: number; selectedId: number | null; reportTime?: boolean };

const COLUMNS = 6;
/** Rows drawn at most; the timeline shows them all. */
export const EVENT_ROWS = 500;
export const NO_EVENTS = "No events in this workspace yet — import articles that report dated events.";

function messageRow(text: string, cls: string): HTMLTableRowElement {
  return el("tr", { class: cls }, el("td", { attrs: { colspan: String(COLUMNS) } }, text));
}

export function renderEvents(table: HTMLTableElement, view: EventsView, onSelect: (id: number) => void = () => undefined): void {
  const body = table.tBodies[0] ?? table.createTBody();
  table.dataset.state = view.kind;
  if (view.kind === "loading") {
    body.replaceChildren(messageRow("Loading events…", "placeholder"));
    return;
  }
  if (view.kind === "error") {
    body.replaceChildren(messageRow(`Could not load events. ${view.message}`, "placeholder error"));
    return;
  }
  table.dataset.total = String(view.total);
  if (view.events.length === 0) {
    body.replaceChildren(messageRow(view.total === 0 ? NO_EVENTS : "No events match these filters.", "placeholder"));
    return;
  }
  // In report time the list goes by the day each event was reported, and says it.
  const reportTime = view.reportTime === true;
  const rows = (reportTime ? sortEventsByReport(view.events) : sortEventsByDate(view.events))
    .slice(0, EVENT_ROWS)
    .map((e) => {
      const selected = e.id === view.selectedId;
      const dot = el("span", { class: "swatch-inline" });
      dot.style.background = cameoColor(e.cameo);
      const row = el(
        "tr",
        {
          class: selected ? "selectable selected" : "selectable",
          attrs: {
            "data-event-id": String(e.id),
            "data-article-id": String(e.article_id),
            // For tests and scripts: the first and last possible day, and the actors (one per line).
            "data-date": e.earliest ?? e.date_value ?? "",
            "data-latest": e.latest ?? e.date_value ?? "",
            "data-actors": e.actors.join("\n"),
            "data-type": cameoRoot(e.cameo),
            "data-reports": String(e.reports),
            "data-reported": e.reported ?? "",
            tabindex: "0",
            "aria-selected": String(selected),
          },
        },
        // The date cell tells how the date was derived; the actors cell gives the roles.
        // Under the date: how precise it is and, in report time, the report day.
        el(
          "td",
          { class: "date", title: e.derivation },
          formatEventDate(e),
          el("span", { class: "precision muted" }, e.precision),
          reportTime ? el("span", { class: "reported-on muted" }, `reported ${e.reported ?? "—"}`) : null,
        ),
        // The word it was found by tells apart the events of one clause ("delayed", "crash").
        el(
          "td",
          { class: "code", title: codeLabel(e.cameo) },
          dot,
          `${cameoRoot(e.cameo)} ${cameoName(e.cameo)}`,
          e.trigger === null ? null : el("span", { class: "trigger-word" }, e.trigger),
        ),
        el("td", { class: "names", title: e.participants.map((p) => `${p.actor}: ${p.role}`).join("\n") }, e.actors.join(", ") || "—"),
        el("td", { class: "names" }, e.places.join(", ") || "—"),
        el(
          "td",
          { class: "modality muted", title: e.attribution === null ? "" : `according to ${e.attribution}` },
          e.modality,
          el("span", { class: "confidence" }, `confidence ${formatConfidence(e.confidence)}`),
        ),
        el(
          "td",
          { class: "evidence", title: e.reports > 1 ? `${e.evidence}\n(reported by ${e.reports} articles)` : e.evidence },
          e.reports > 1 ? el("span", { class: "badge reports-badge" }, `${e.reports} reports`) : null,
          ...evidenceWithTrigger(e.evidence, e.trigger),
        ),
      );
      row.addEventListener("click", () => onSelect(e.id));
      row.addEventListener("keydown", (k) => {
        if (k.key === "Enter" || k.key === " ") {
          k.preventDefault();
          onSelect(e.id);
        }
      });
      return row;
    });
  if (view.total > rows.length) {
    rows.push(messageRow(`Showing the first ${rows.length.toLocaleString("en")} of ${view.total.toLocaleString("en")} events; narrow the filters or use the timeline.`, "more"));
  }
  body.replaceChildren(...rows);
}
