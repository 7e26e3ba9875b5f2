// The detail panel: everything about the selected event, where its date came
// from, its sources (one click to the evidence in the reader), and the
// corrections: re-date, re-type, hide; rename, merge and split actors.
import type { EventDetail, HistoryState } from "../bindings";
import { toAppError } from "../backend";
import { CAMEO_ROOTS, cameoColor, cameoRoot, codeLabel } from "../cameo";
import { el, evidenceWithTrigger } from "../dom";
import { describeError, formatConfidence, formatEventDate, formatReportLag } from "../format";
import { type AppState, Latest, type StateKey } from "../state";
import { certaintyLabel, eventExtent } from "../viz/timeline/extent";
import type { View, ViewContext } from "./context";

export interface DetailActions {
  /** Opens an article in the reader, scrolled to an event's evidence. */
  openArticle(articleId: number, eventId: number): void;
  /** A correction succeeded: show the new history and reload every view. */
  corrected(history: HistoryState): void;
}

export class DetailView implements View {
  private readonly latest = new Latest();
  private openTools: string | null = null;

  constructor(private readonly ctx: ViewContext, private readonly pane: HTMLElement, private readonly actions: DetailActions) {}

  update(state: Readonly<AppState>, changed: ReadonlySet<StateKey>): void {
    if (changed.has("selected") || (changed.has("revision") && state.selected !== null)) {
      if (changed.has("selected")) this.openTools = null;
      void this.load(state.selected);
    }
  }

  private async load(id: number | null): Promise<void> {
    const token = this.latest.next();
    if (id === null) {
      this.pane.dataset.state = "none";
      this.pane.replaceChildren(
        el("p", { class: "placeholder" }, "Click an event on the timeline or in the events list to see where its date came from, who took part, and its sources."),
        el("p", { class: "placeholder" }, "Keys: / search · Esc clear selection · +/− zoom · ←/→ pan · Home all dates · Ctrl+Z undo."),
      );
      return;
    }
    this.pane.dataset.state = "loading";
    try {
      const detail = await this.ctx.backend.eventGet(id);
      if (!this.latest.current(token)) return;
      this.render(detail);
    } catch (reason) {
      if (!this.latest.current(token)) return;
      const error = toAppError(reason);
      this.pane.dataset.state = "error";
      this.pane.replaceChildren(el("p", { class: "placeholder error" }, `Could not load the event. ${describeError(error)}`));
    }
  }

  /** Runs a correction; on success reloads everything, on failure shows why next to the form. */
  private async correct(run: () => Promise<HistoryState>, errorSlot: HTMLElement): Promise<boolean> {
    errorSlot.textContent = "";
    try {
      this.actions.corrected(await run());
      return true;
    } catch (reason) {
      errorSlot.textContent = describeError(toAppError(reason));
      return false;
    }
  }

  private render(d: EventDetail): void {
    const e = d.event;
    this.pane.dataset.state = "ready";
    this.pane.dataset.eventId = String(e.id);
    const extent = eventExtent(e);
    const swatch = el("span", { class: "type-swatch" });
    swatch.style.background = cameoColor(e.cameo);
    const store = this.ctx.store;

    const participants = el(
      "ul",
      { class: "plain" },
      ...e.participants.map((p) => {
        const name = el("button", { class: "actor", title: `Filter by ${p.actor}`, attrs: { type: "button" } }, p.actor);
        name.addEventListener("click", () => store.setFilter("actor", p.actor));
        const menu = el("button", { class: "menu", title: `Rename, merge or split ${p.actor}`, attrs: { type: "button", "aria-expanded": String(this.openTools === p.actor) } }, "Edit…");
        menu.addEventListener("click", () => {
          this.openTools = this.openTools === p.actor ? null : p.actor;
          this.render(d);
        });
        const row = el("li", {}, el("div", { class: "participant" }, name, el("span", { class: "role" }, p.role), menu));
        if (this.openTools === p.actor) row.append(this.actorTools(p.actor));
        return row;
      }),
    );
    if (e.participants.length === 0) participants.append(el("li", { class: "muted" }, "no actors found"));

    const places = el(
      "ul",
      { class: "plain" },
      ...d.places.map((p) => {
        const b = el("button", { class: "source-link", title: `Filter by ${p.name}`, attrs: { type: "button" } }, p.name);
        b.addEventListener("click", () => store.setFilter("place", p.name));
        const where = p.lat === null || p.lon === null ? "no coordinates" : `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}${p.country === null ? "" : ` · ${p.country}`}`;
        return el("li", {}, b, el("span", { class: "muted" }, ` ${where}`));
      }),
    );
    if (d.places.length === 0) places.append(el("li", { class: "muted" }, "no place"));

    // Every article's report of the event, with its own evidence; one click opens it there.
    const errorSlot = el("p", { class: "error", attrs: { role: "alert" } });
    const published = new Map(d.sources.map((s) => [s.id, s.published?.date ?? null]));
    const grouped = d.reports.length > 1;
    // The first day any article reported it (the core's report day, corrections included).
    const firstReport = e.reported;
    const reports = el(
      "ul",
      { class: "plain reports" },
      ...d.reports.map((r) => {
        const open = el(
          "button",
          { class: "source-link", title: "Open in the reader at this evidence", attrs: { type: "button", "data-article-id": String(r.article_id), "data-report-id": String(r.event_id) } },
          r.title,
        );
        open.addEventListener("click", () => this.actions.openArticle(r.article_id, r.event_id));
        const day = published.get(r.article_id) ?? null;
        const item = el(
          "li",
          { class: "report", attrs: { "data-report-id": String(r.event_id) } },
          el("div", {}, open, el("span", { class: "muted" }, ` — ${r.publisher ?? "unknown publisher"}, ${day ?? "undated"}`)),
          el("q", { class: "report-evidence" }, r.evidence),
        );
        if (grouped) {
          const apart = el(
            "button",
            { class: "keep-apart", title: "This article reports another event: keep its report apart (undoable)", attrs: { type: "button", "data-event-id": String(r.event_id) } },
            "Keep apart",
          );
          apart.addEventListener("click", () => {
            apart.disabled = true;
            void this.correct(() => this.ctx.backend.eventKeepApart(r.event_id), errorSlot).then(() => {
              apart.disabled = false;
            });
          });
          item.append(apart);
        }
        return item;
      }),
    );
    if (d.reports.length === 0) reports.append(el("li", { class: "muted" }, "no reporting article found"));
    const n = Math.max(1, d.reports.length);

    this.pane.replaceChildren(
      el("div", { class: "type-line" }, swatch, el("h2", {}, d.type_name), d.corrected ? el("span", { class: "badge corrected", title: "You corrected this event" }, "corrected") : null),
      el("p", { class: "quote", title: e.trigger === null ? "" : `found by “${e.trigger}”` }, "“", ...evidenceWithTrigger(e.evidence, e.trigger), "”"),
      el(
        "dl",
        { class: "meta" },
        el("dt", {}, "Date"),
        el(
          "dd",
          { attrs: { id: "detail-date" } },
          extent?.certainty === "before"
            ? `${formatEventDate(e)} (the article reports it without a date of its own)`
            : `${formatEventDate(e)} · ${extent === null ? "undated" : certaintyLabel(extent.certainty)}`,
        ),
        el("dt", {}, "Derived from"),
        el("dd", {}, e.derivation),
        el("dt", {}, "Reported"),
        el("dd", { attrs: { id: "detail-reported" } }, firstReport === null ? "—" : extent?.certainty === "before" ? firstReport.slice(0, 10) : formatReportLag(e.latest, firstReport)),
        el("dt", {}, "Precision"),
        el("dd", {}, e.precision),
        el("dt", {}, "Type"),
        el("dd", {}, `${codeLabel(e.cameo)} · ${d.type_name}`),
        el("dt", {}, "Modality"),
        el("dd", {}, e.modality),
        el("dt", {}, "Attribution"),
        el("dd", {}, e.attribution === null ? "—" : `according to ${e.attribution}`),
        el("dt", {}, "Confidence"),
        el("dd", {}, formatConfidence(e.confidence)),
      ),
      el("h3", {}, "Participants"),
      participants,
      el("h3", {}, "Places"),
      places,
      el("h3", { attrs: { id: "reports-heading", "data-reports": String(d.reports.length) } }, `Reported by ${n} ${n === 1 ? "article" : "articles"}`),
      reports,
      errorSlot,
      el("h3", {}, "Correct this event"),
      this.curation(d),
    );
  }

  private curation(d: EventDetail): HTMLElement {
    const e = d.event;
    const errorSlot = el("p", { class: "error", attrs: { role: "alert" } });
    const from = el("input", { attrs: { type: "text", placeholder: "YYYY-MM-DD", "aria-label": "First day", id: "edit-from" } });
    const to = el("input", { attrs: { type: "text", placeholder: "YYYY-MM-DD", "aria-label": "Last day", id: "edit-to" } });
    from.value = e.earliest ?? e.date_value ?? "";
    to.value = e.latest ?? e.date_value ?? "";
    const dateForm = el("form", {}, from, "–", to, el("button", { attrs: { type: "submit", id: "edit-date" } }, "Set date"));
    dateForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const a = from.value.trim();
      const b = to.value.trim() || a;
      void this.correct(() => this.ctx.backend.eventEdit(e.id, { from: a, to: b }), errorSlot);
    });

    const type = el(
      "select",
      { attrs: { "aria-label": "Event type", id: "edit-type" } },
      ...CAMEO_ROOTS.map((r) => {
        const o = el("option", { attrs: { value: r.code } }, `${r.code} ${r.name}`);
        o.selected = r.code === cameoRoot(e.cameo);
        return o;
      }),
    );
    const typeForm = el("form", {}, type, el("button", { attrs: { type: "submit", id: "edit-type-button" } }, "Set type"));
    typeForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      void this.correct(() => this.ctx.backend.eventEdit(e.id, { cameo: type.value }), errorSlot);
    });

    const hide = el("button", { attrs: { type: "button", id: "edit-hide" }, title: "Hide this event everywhere (undoable)" }, "Hide event");
    hide.addEventListener("click", () => {
      void this.correct(() => this.ctx.backend.eventEdit(e.id, { hidden: true }), errorSlot).then((ok) => {
        if (ok) this.ctx.store.set({ selected: null });
      });
    });
    return el("div", { class: "curation" }, dateForm, typeForm, el("div", {}, hide), errorSlot);
  }

  private actorTools(actor: string): HTMLElement {
    const errorSlot = el("p", { class: "error", attrs: { role: "alert" } });
    const backend = this.ctx.backend;
    const store = this.ctx.store;
    const followRename = (next: string) => {
      if (store.get().query.actor === actor) store.setFilter("actor", next);
    };
    const submit = (f: HTMLFormElement, input: HTMLInputElement | HTMLSelectElement, run: (value: string) => Promise<HistoryState>) => {
      f.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const value = input.value.trim();
        if (value === "") {
          errorSlot.textContent = input instanceof HTMLSelectElement ? "Choose an alias first." : "Type a name first.";
          return;
        }
        void this.correct(() => run(value), errorSlot).then((ok) => {
          if (ok) this.openTools = null;
        });
      });
    };

    const rename = el("input", { attrs: { type: "text", id: "actor-rename", placeholder: "New name", autocomplete: "off" } });
    rename.value = actor;
    const renameForm = el("form", {}, el("label", { attrs: { for: "actor-rename" } }, "Rename"), rename, el("button", { attrs: { type: "submit" } }, "Rename"));
    submit(renameForm, rename, async (v) => {
      const h = await backend.actorRename(actor, v);
      followRename(v);
      return h;
    });

    // Merge: any other actor of the workspace (typed, with the list as suggestions).
    const listId = "actor-names";
    const names = el("datalist", { attrs: { id: listId } });
    const merge = el("input", { attrs: { type: "text", id: "actor-merge", placeholder: "Loading actors…", autocomplete: "off", list: listId } });
    const mergeForm = el("form", {}, el("label", { attrs: { for: "actor-merge" } }, "Merge into"), merge, el("button", { attrs: { type: "submit" } }, "Merge"));
    submit(mergeForm, merge, async (v) => {
      const h = await backend.actorMerge(actor, v);
      followRename(v);
      return h;
    });

    // Split: only the actor's own aliases can be split off.
    const split = el("select", { attrs: { id: "actor-split" } }, el("option", { attrs: { value: "" } }, "Loading aliases…"));
    split.disabled = true;
    const splitButton = el("button", { attrs: { type: "submit" } }, "Split");
    splitButton.disabled = true;
    const splitForm = el("form", {}, el("label", { attrs: { for: "actor-split" } }, "Split off"), split, splitButton);
    submit(splitForm, split, (v) => backend.actorSplit(actor, v));

    void backend
      .actorList()
      .then((actors) => {
        const key = actor.toLowerCase();
        const self =
          actors.find((a) => a.name.toLowerCase() === key) ?? actors.find((a) => a.aliases.some((x) => x.toLowerCase() === key));
        const others = actors.filter((a) => a !== self);
        names.replaceChildren(
          ...others.map((a) => el("option", { attrs: { value: a.name, label: `${a.kind} · ${a.events} event${a.events === 1 ? "" : "s"}` } })),
        );
        merge.placeholder = others.length === 0 ? "No other actors" : `One of ${others.length} actors`;
        const aliases = self?.aliases ?? [];
        if (aliases.length === 0) {
          split.replaceChildren(el("option", { attrs: { value: "" } }, "No aliases to split off"));
          return;
        }
        split.replaceChildren(
          el("option", { attrs: { value: "" } }, "Choose an alias…"),
          ...aliases.map((a) => el("option", { attrs: { value: a } }, a)),
        );
        split.disabled = false;
        splitButton.disabled = false;
      })
      .catch((reason: unknown) => {
        errorSlot.textContent = `Could not load the actors. ${describeError(toAppError(reason))}`;
        merge.placeholder = "Another actor";
        split.replaceChildren(el("option", { attrs: { value: "" } }, "Aliases unavailable"));
      });

    return el("div", { class: "actor-tools" }, names, renameForm, mergeForm, splitForm, errorSlot);
  }
}
