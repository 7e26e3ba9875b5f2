import type { ArticleDetail, EventSpanView, MentionView, TimexView } from "../bindings";
import { cameoName } from "../cameo";
import { el } from "../dom";
import { formatProvenance, nestedSegments, paragraphRanges, withoutOverlaps } from "../format";

export type ReaderView =
  | { kind: "none" }
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; article: ArticleDetail; focusEvent?: number | null };

export interface ReaderActions {
  /** A mention of an actor was clicked: filter by it. */
  onActor(name: string): void;
  /** An event's evidence was clicked: select it. */
  onEvent(id: number): void;
  /** The user corrects the article's publication date; resolves an error message, or null when done. */
  onSetDate?(articleId: number, date: string): Promise<string | null>;
}

/** The curation control for the publication date: every event dated from it moves with it (undoable). */
function dateControl(articleId: number, current: string | null, actions: ReaderActions): HTMLElement | null {
  const onSetDate = actions.onSetDate;
  if (onSetDate === undefined) return null;
  const input = el("input", {
    attrs: { type: "text", id: "article-date-input", placeholder: "YYYY-MM-DD", inputmode: "numeric", autocomplete: "off", size: "10", "aria-label": "Publication date" },
  });
  input.value = current ?? "";
  const button = el("button", { attrs: { type: "submit", id: "article-date-set" }, title: "Correct the publication date; events dated from it move with it (undoable)" }, "Set date");
  const error = el("span", { class: "error", attrs: { role: "alert", id: "article-date-error" } });
  const form = el("form", { class: "article-date" }, el("label", { attrs: { for: "article-date-input" } }, "Publication date"), input, button, error);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const date = input.value.trim();
    if (date === "") {
      error.textContent = "Type a date (YYYY-MM-DD).";
      return;
    }
    error.textContent = "";
    button.disabled = true;
    void onSetDate(articleId, date).then((message) => {
      button.disabled = false;
      if (message !== null) error.textContent = message;
    });
  });
  return form;
}

const ACTOR_KINDS = new Set(["person", "organisation", "country", "group"]);

function field(label: string, value: string | null): Node[] {
  return [el("dt", {}, label), el("dd", {}, value ?? "—")];
}

type Inline = (TimexView & { what: "timex" }) | (MentionView & { what: "mention" });

function inlineMark(text: string, mark: Inline, actions: ReaderActions): HTMLElement {
  if (mark.what === "timex") {
    return el(
      "mark",
      { class: `timex timex-${mark.timex_type.toLowerCase()}`, title: `${mark.timex_type} ${mark.value} · rule ${mark.rule}` },
      text,
    );
  }
  const actor = ACTOR_KINDS.has(mark.kind);
  const node = el(
    "mark",
    {
      class: `mention kind-${mark.kind}${actor ? " actor" : ""}`,
      title: actor ? `${mark.kind} — click to filter by ${mark.text}` : mark.kind,
      attrs: { "data-kind": mark.kind },
    },
    text,
  );
  if (actor) {
    node.addEventListener("click", (e) => {
      e.stopPropagation();
      actions.onActor(mark.text);
    });
  }
  return node;
}

export function renderReader(pane: HTMLElement, view: ReaderView, actions: ReaderActions = { onActor: () => undefined, onEvent: () => undefined }): void {
  pane.dataset.state = view.kind;
  switch (view.kind) {
    case "none":
      pane.replaceChildren(
        el("p", { class: "placeholder" }, "Select an article (Articles tab) or an event's source to read it and see where its date came from."),
      );
      return;
    case "loading":
      pane.replaceChildren(el("p", { class: "placeholder" }, "Loading article…"));
      return;
    case "error":
      pane.replaceChildren(el("p", { class: "placeholder error" }, `Could not open the article. ${view.message}`));
      return;
    case "ready": {
      const { summary, text, date_derivation, time_expressions, mentions, events } = view.article;
      const timexes: Inline[] = time_expressions.map((t) => ({ ...t, what: "timex" as const }));
      const names: Inline[] = withoutOverlaps(mentions, time_expressions).map((m) => ({ ...m, what: "mention" as const }));
      const inline = [...timexes, ...names];
      const focus = view.focusEvent ?? null;
      // Each paragraph is text nodes and elements: article text never passes through HTML parsing.
      const paragraphs = paragraphRanges(text).map(([start, end]) =>
        el(
          "p",
          {},
          ...nestedSegments<EventSpanView, Inline>(text, start, end, events, inline).map((layer) => {
            const parts = layer.parts.map((seg) => (seg.mark === null ? seg.text : inlineMark(seg.text, seg.mark, actions)));
            if (layer.outer === null) return el("span", {}, ...parts);
            const ev = layer.outer;
            const span = el(
              "span",
              {
                class: ev.id === focus ? "evidence focus" : "evidence",
                title: `Evidence of event ${ev.id} (${cameoName(ev.cameo)}) — click to show it`,
                attrs: { "data-event-id": String(ev.id) },
              },
              ...parts,
            );
            span.addEventListener("click", () => actions.onEvent(ev.id));
            return span;
          }),
        ),
      );
      const warnings: Node[] =
        summary.warnings.length === 0
          ? []
          : [el("ul", { class: "warnings" }, ...summary.warnings.map((w) => el("li", {}, w)))];
      pane.replaceChildren(
        el("h2", {}, summary.title),
        el("p", { class: summary.published === null ? "provenance muted" : "provenance" }, formatProvenance(summary.published)),
        ...(date_derivation === null ? [] : [el("p", { class: "derivation muted" }, date_derivation)]),
        ...[dateControl(summary.id, summary.published?.date ?? null, actions)].filter((n): n is HTMLElement => n !== null),
        el(
          "dl",
          { class: "meta" },
          ...field("Publisher", summary.publisher),
          ...field("Language", summary.language),
          ...field("Source", summary.source),
          // Shown as text, not a link: a URL from an article is untrusted.
          ...field("URL", summary.url),
          ...field("Events", String(summary.events)),
          ...field("Time expressions", String(time_expressions.length)),
        ),
        ...warnings,
        el(
          "p",
          { class: "mark-legend" },
          el("span", { class: "timex" }, "time expression"),
          el("span", { class: "mention kind-person" }, "person"),
          el("span", { class: "mention kind-organisation" }, "organisation"),
          el("span", { class: "mention kind-country" }, "country"),
          el("span", { class: "mention kind-place" }, "place"),
          el("span", { class: "evidence" }, "event evidence"),
        ),
        el("div", { class: "article-text" }, ...paragraphs),
      );
      if (focus !== null) {
        const target = pane.querySelector(`[data-event-id="${focus}"]`);
        if (target instanceof HTMLElement) requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
      }
      return;
    }
  }
}
