import type { ArticleSummary } from "../bindings";
import { el } from "../dom";
import { formatPublished, plural, sortArticlesByDate } from "../format";

export type ArticlesView =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | {
      kind: "ready";
      /** The articles the filters select (all of them when `filtered` is false). */
      articles: ArticleSummary[];
      selectedId: number | null;
      /** Whether any filter is set. */
      filtered: boolean;
      /** Articles in the workspace. */
      total: number;
    };

const COLUMNS = 6;

function messageRow(text: string, cls: string): HTMLTableRowElement {
  return el("tr", { class: cls }, el("td", { attrs: { colspan: String(COLUMNS) } }, text));
}

function warningsCell(warnings: string[]): HTMLTableCellElement {
  if (warnings.length === 0) return el("td");
  const label = warnings.length === 1 ? "1 warning" : `${warnings.length} warnings`;
  return el("td", {}, el("span", { class: "badge warn", title: warnings.join("\n") }, label));
}

/** Renders the article table body; `data-state` on the table tells tests when data has arrived. */
export function renderArticles(
  table: HTMLTableElement,
  view: ArticlesView,
  onSelect: (id: number) => void,
): void {
  const body = table.tBodies[0] ?? table.createTBody();
  table.dataset.state = view.kind;
  if (view.kind === "loading") {
    body.replaceChildren(messageRow("Loading articles…", "placeholder"));
    return;
  }
  if (view.kind === "error") {
    body.replaceChildren(messageRow(`Could not load articles. ${view.message}`, "placeholder error"));
    return;
  }
  table.dataset.filtered = String(view.filtered);
  table.dataset.listed = String(view.articles.length);
  if (view.articles.length === 0) {
    body.replaceChildren(
      view.filtered && view.total > 0
        ? messageRow(`No article matches these filters (the workspace has ${plural(view.total, "article", "articles")}).`, "placeholder")
        : messageRow("No articles yet. Import a file or folder by path, or paste an article's text.", "placeholder"),
    );
    return;
  }
  const rows = sortArticlesByDate(view.articles).map((a) => {
    const selected = a.id === view.selectedId;
    const row = el(
      "tr",
      {
        class: selected ? "selectable selected" : "selectable",
        attrs: { "data-article-id": String(a.id), tabindex: "0", "aria-selected": String(selected) },
      },
      el("td", { class: "title", title: a.title }, a.title),
      el("td", {}, a.publisher ?? "—"),
      el("td", {}, a.language ?? "—"),
      el("td", { class: a.published === null ? "date muted" : "date" }, formatPublished(a.published)),
      warningsCell(a.warnings),
      el("td", { class: "num" }, String(a.events)),
    );
    row.addEventListener("click", () => onSelect(a.id));
    row.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onSelect(a.id);
      }
    });
    return row;
  });
  if (view.filtered) {
    // Said first, so nobody takes the list for the whole workspace.
    rows.unshift(
      messageRow(
        `${view.articles.length.toLocaleString("en")} of ${plural(view.total, "article", "articles")}: those reporting the selected events or matching the text, source and language filters. Clear the filters to list all.`,
        "more filtered-note",
      ),
    );
  }
  body.replaceChildren(...rows);
}
