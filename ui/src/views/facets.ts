// The left sidebar: search, the date window, the active filters as chips and
// the facet lists (actors, places, types, sources, languages) with counts.
// Clicking a facet item filters by it; clicking it again removes the filter. Event types may
// be chosen several at once (Ctrl/⌘-click) and left out ("hide": all types but those).
import type { FacetCount, Facets } from "../bindings";
import { toAppError } from "../backend";
import { cameoColor, chooseType, describeTypes, leaveOutType, typeState } from "../cameo";
import { isIsoDay } from "../dates";
import { modalityLabel } from "../format";
import { el } from "../dom";
import { type AppState, type FilterKey, Latest, OneAtATime, type StateKey, activeFilters, withoutFilters } from "../state";
import type { View, ViewContext } from "./context";

interface Elements {
  root: HTMLElement;
  searchForm: HTMLFormElement;
  search: HTMLInputElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  /** "Only events certainly in the window". */
  certain: HTMLInputElement;
  chips: HTMLElement;
  clearAll: HTMLButtonElement;
  count: HTMLElement;
  lists: HTMLElement;
}

const SEARCH_DEBOUNCE_MS = 250;
const SHOWN = 8;

const FACETS: ReadonlyArray<{ key: FilterKey; field: keyof Omit<Facets, "total" | "articles">; title: string }> = [
  { key: "actor", field: "actors", title: "Actors" },
  { key: "place", field: "places", title: "Places" },
  { key: "cameo", field: "types", title: "Event types" },
  { key: "modality", field: "modalities", title: "Modality" },
  { key: "attribution", field: "attributions", title: "Claimed by" },
  { key: "source", field: "sources", title: "Sources" },
  { key: "language", field: "languages", title: "Languages" },
];

const CHIP_KEYS: Record<FilterKey, string> = {
  from: "from",
  to: "to",
  actor: "actor",
  place: "place",
  cameo: "type",
  modality: "modality",
  attribution: "claimed by",
  certainty: "dates",
  time: "dates",
  text: "text",
  source: "source",
  language: "language",
};

export class FacetsView implements View {
  private readonly latest = new Latest();
  private readonly loads = new OneAtATime();
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly expanded = new Set<FilterKey>();
  private facets: Facets | null = null;

  constructor(private readonly ctx: ViewContext, private readonly ui: Elements) {
    ui.search.addEventListener("input", () => {
      if (this.searchTimer !== null) clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => ctx.store.setFilter("text", ui.search.value), SEARCH_DEBOUNCE_MS);
    });
    ui.searchForm.addEventListener("submit", (e) => {
      e.preventDefault();
      if (this.searchTimer !== null) clearTimeout(this.searchTimer);
      ctx.store.setFilter("text", ui.search.value);
    });
    ui.search.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && ui.search.value !== "") {
        e.stopPropagation();
        ui.search.value = "";
        ctx.store.setFilter("text", null);
      }
    });
    for (const [input, key] of [
      [ui.from, "from"],
      [ui.to, "to"],
    ] as const) {
      input.addEventListener("change", () => {
        const value = input.value.trim();
        const ok = value === "" || isIsoDay(value);
        input.classList.toggle("invalid", !ok);
        input.title = ok ? "" : "A day as YYYY-MM-DD";
        if (ok) ctx.store.setFilter(key, value);
      });
    }
    ui.certain.addEventListener("change", () => ctx.store.setFilter("certainty", ui.certain.checked ? "certain" : null));
    ui.clearAll.addEventListener("click", () => {
      ui.search.value = "";
      ctx.store.set({ query: {} });
    });
  }

  update(state: Readonly<AppState>, changed: ReadonlySet<StateKey>): void {
    if (!changed.has("query") && !changed.has("revision")) return;
    const q = state.query;
    if (document.activeElement !== this.ui.search) this.ui.search.value = q.text ?? "";
    for (const [input, value] of [
      [this.ui.from, q.from],
      [this.ui.to, q.to],
    ] as const) {
      if (document.activeElement !== input) {
        input.value = value ?? "";
        input.classList.remove("invalid");
      }
    }
    this.ui.certain.checked = q.certainty === "certain";
    this.renderChips(state);
    this.ui.root.dataset.state = "loading";
    this.loads.run(() => this.load(state));
  }

  private renderChips(state: Readonly<AppState>): void {
    const filters = activeFilters(state.query);
    this.ui.chips.replaceChildren(
      ...filters.map(({ key, value }) => {
        const shown = chipText(key, value);
        const remove = el("button", { title: `Remove the ${CHIP_KEYS[key]} filter`, attrs: { type: "button", "aria-label": `Remove filter ${CHIP_KEYS[key]} ${shown}` } }, "×");
        // Back to event time: the window's days meant report time, so it goes too (as when
        // the timeline's "Dates" menu switches).
        remove.addEventListener("click", () =>
          key === "time" ? this.ctx.store.set({ query: withoutFilters(this.ctx.store.get().query, ["time", "from", "to"]) }) : this.ctx.store.setFilter(key, null),
        );
        return el(
          "span",
          { class: "chip", attrs: { "data-filter": key } },
          el("span", { class: "chip-text", title: `${CHIP_KEYS[key]}: ${shown}` }, el("span", { class: "chip-key" }, `${CHIP_KEYS[key]}: `), shown),
          remove,
        );
      }),
    );
    this.ui.clearAll.hidden = filters.length === 0;
  }

  private async load(state: Readonly<AppState>): Promise<void> {
    const token = this.latest.next();
    this.ui.root.dataset.state = "loading";
    try {
      const facets = await this.ctx.backend.eventFacets(state.query);
      if (!this.latest.current(token)) return;
      this.facets = facets;
      this.ui.root.dataset.state = "ready";
      this.render(state);
    } catch (reason) {
      if (!this.latest.current(token)) return;
      this.ui.root.dataset.state = "error";
      this.ctx.report(toAppError(reason));
    }
  }

  private render(state: Readonly<AppState>): void {
    const facets = this.facets;
    if (facets === null) return;
    const plural = (n: number, one: string) => `${n.toLocaleString("en")} ${one}${n === 1 ? "" : "s"}`;
    this.ui.count.textContent = `${plural(facets.total, "event")} from ${plural(facets.articles, "article")} selected`;
    this.ui.count.dataset.total = String(facets.total);
    this.ui.lists.replaceChildren(
      ...FACETS.map(({ key, field, title }) => this.renderFacet(key, title, facets[field], state.query[key])),
    );
  }

  private renderFacet(key: FilterKey, title: string, items: FacetCount[], active: string | undefined): HTMLElement {
    const expanded = this.expanded.has(key);
    // How an item stands in the filter: chosen, left out (types only) or neither.
    const stateOf = (value: string): "only" | "not" | "none" =>
      key === "cameo" ? typeState(active, value) : value === active ? "only" : "none";
    // Chosen and left-out values are always listed, even beyond the first few.
    let shown = expanded ? items.slice(0, 200) : items.slice(0, SHOWN);
    const activeItems = items.filter((i) => stateOf(i.value) !== "none" && !shown.includes(i));
    shown = [...activeItems, ...shown];
    const anyChosen = items.some((i) => stateOf(i.value) === "only");
    const max = items.reduce((m, i) => Math.max(m, i.count), 1);
    const list = el(
      "ul",
      {},
      ...shown.map((item) => {
        const state = stateOf(item.value);
        const pressed = state === "only";
        const bar = el("span", { class: "bar" });
        bar.style.width = `${(item.count / max) * 100}%`;
        const label = el("span", { class: "label", title: item.label }, item.label);
        if (key === "cameo") {
          const dot = el("span", { class: "swatch-inline" });
          dot.style.background = cameoColor(item.value);
          label.prepend(dot);
        }
        const button = el(
          "button",
          {
            class: "facet-item",
            attrs: { type: "button", "aria-pressed": String(pressed), "data-facet": key, "data-value": item.value },
          },
          label,
          el("span", { class: "count" }, item.count.toLocaleString("en")),
          bar,
        );
        if (key !== "cameo") {
          button.addEventListener("click", () => this.ctx.store.setFilter(key, pressed ? null : item.value));
          return el("li", {}, button);
        }
        // Types: a click chooses this type alone, Ctrl/⌘-click adds or removes it; "hide"
        // leaves it out of everything (and "show" takes it back).
        button.title = `${item.label}: click to show only this type, Ctrl-click to add it to the chosen types`;
        button.addEventListener("click", (e) => this.ctx.store.setFilter(key, chooseType(active, item.value, e.ctrlKey || e.metaKey) ?? null));
        button.classList.toggle("left-out", state === "not");
        button.classList.toggle("unchosen", state === "none" && anyChosen);
        const name = `${item.value} ${item.label}`;
        const hide = el(
          "button",
          {
            class: "facet-hide link",
            title: state === "not" ? `Show ${name} again` : `Leave out ${name}`,
            attrs: { type: "button", "data-facet-hide": item.value, "aria-label": state === "not" ? `Show ${name} again` : `Hide ${name}` },
          },
          state === "not" ? "show" : "hide",
        );
        // Beside chosen types the others are out already: Ctrl-click is what adds them.
        hide.hidden = state === "none" && anyChosen;
        hide.addEventListener("click", () => this.ctx.store.setFilter(key, leaveOutType(active, item.value) ?? null));
        return el("li", { class: "facet-row" }, button, hide);
      }),
    );
    const parts: Node[] = [el("h3", {}, title), list];
    if (items.length === 0) parts.push(el("p", { class: "muted" }, "none"));
    if (items.length > SHOWN) {
      const more = el("button", { class: "link more", attrs: { type: "button" } }, expanded ? "Show fewer" : `Show all ${items.length.toLocaleString("en")}`);
      more.addEventListener("click", () => {
        if (expanded) this.expanded.delete(key);
        else this.expanded.add(key);
        this.render(this.ctx.store.get());
      });
      parts.push(more);
    }
    return el("section", { class: "facet", attrs: { "data-facet": key } }, ...parts);
  }
}

/** What a chip says of a filter's value. */
function chipText(key: FilterKey, value: string): string {
  if (key === "cameo") return describeTypes(value);
  if (key === "modality") return modalityLabel(value) ?? value;
  if (key === "certainty") return value === "certain" ? "certainly in the window" : "possibly in the window";
  if (key === "time") return value === "reported" ? "of reports" : "of events";
  return value;
}

