import type { EventRow } from "../bindings";
import { el } from "../dom";
import { formatConfidence, formatEventDate, sortEventsByDate } from "../format";

export type EventsView =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; events: EventRow[] };

const COLUMNS = 8;
export const NO_EVENTS = "No events in this workspace yet — import articles that report dated events.";

function messageRow(text: string, cls: string): HTMLTableRowElement {
  return el("tr", { class: cls }, el("td", { attrs: { colspan: String(COLUMNS) } }, text));
}

export function renderEvents(table: HTMLTableElement, view: EventsView): void {
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
  if (view.events.length === 0) {
    body.replaceChildren(messageRow(NO_EVENTS, "placeholder"));
    return;
  }
  body.replaceChildren(
    ...sortEventsByDate(view.events).map((e) =>
      el(
        "tr",
        { attrs: { "data-event-id": String(e.id), "data-article-id": String(e.article_id) } },
        // The date cell tells how the date was derived; the actors cell gives the roles.
        el("td", { class: "date", title: e.derivation }, formatEventDate(e)),
        el("td", { class: "muted" }, e.precision),
        el("td", { class: "code" }, e.cameo),
        el(
          "td",
          { title: e.participants.map((p) => `${p.actor}: ${p.role}`).join("\n") },
          e.actors.join(", ") || "—",
        ),
        el("td", {}, e.places.join(", ") || "—"),
        el("td", { class: "muted", title: e.attribution === null ? "" : `according to ${e.attribution}` }, e.modality),
        el("td", { class: "num" }, formatConfidence(e.confidence)),
        el("td", { class: "evidence", title: e.evidence }, e.evidence),
      ),
    ),
  );
}
