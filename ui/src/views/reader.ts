import type { ArticleDetail } from "../bindings";
import { el } from "../dom";
import { formatProvenance, paragraphRanges, segments } from "../format";

export type ReaderView =
  | { kind: "none" }
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; article: ArticleDetail };

function field(label: string, value: string | null): Node[] {
  return [el("dt", {}, label), el("dd", {}, value ?? "—")];
}

export function renderReader(pane: HTMLElement, view: ReaderView): void {
  pane.dataset.state = view.kind;
  switch (view.kind) {
    case "none":
      pane.replaceChildren(
        el("p", { class: "placeholder" }, "Select an article to read it and see where its date came from."),
      );
      return;
    case "loading":
      pane.replaceChildren(el("p", { class: "placeholder" }, "Loading article…"));
      return;
    case "error":
      pane.replaceChildren(el("p", { class: "placeholder error" }, `Could not open the article. ${view.message}`));
      return;
    case "ready": {
      const { summary, text, date_derivation, time_expressions } = view.article;
      // Each paragraph is text nodes and <mark>s: article text never passes through HTML parsing.
      const paragraphs = paragraphRanges(text).map(([start, end]) =>
        el(
          "p",
          {},
          ...segments(text, start, end, time_expressions).map((seg) =>
            seg.mark === null
              ? seg.text
              : el(
                  "mark",
                  {
                    class: `timex timex-${seg.mark.timex_type.toLowerCase()}`,
                    title: `${seg.mark.timex_type} ${seg.mark.value} · rule ${seg.mark.rule}`,
                  },
                  seg.text,
                ),
          ),
        ),
      );
      const warnings: Node[] =
        summary.warnings.length === 0
          ? []
          : [el("ul", { class: "warnings" }, ...summary.warnings.map((w) => el("li", {}, w)))];
      pane.replaceChildren(
        el("h2", {}, summary.title),
        el("p", { class: summary.published === null ? "provenance muted" : "provenance" }, formatProvenance(summary.published)),
        ...(date_derivation === null ? [] : [el("p", { class: "derivation" }, date_derivation)]),
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
        el("div", { class: "article-text" }, ...paragraphs),
      );
      return;
    }
  }
}
