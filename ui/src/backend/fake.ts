// In-memory backend for running the UI in a plain browser and for tests.
// It mimics the contract of the Tauri commands (shapes, filters, AppError
// rejections, undoable corrections kept apart from machine output), not the
// extraction itself: imported articles get a title from their first line and
// no date or events.
import type {
  ActorRow,
  AppError,
  ArticleDetail,
  ArticleSummary,
  ChartRequest,
  DataFormatName,
  EventDetail,
  EventEdit,
  EventPage,
  EventQuery,
  EventRow,
  EventSpanView,
  ExportResult,
  FacetCount,
  Facets,
  HistoryState,
  ImportEvent,
  ImportFailure,
  ImportSummary,
  MentionView,
  NetworkEdge,
  NetworkNode,
  NetworkView,
  PlaceRow,
  RecentWorkspace,
  ReportView,
  WorkspaceInfo,
} from "../bindings";
import { cameoName, cameoRoot, describeTypes, isCameoRoot, keepsType, parseTypes } from "../cameo";
import { DAY, addDays, formatDay, parseDay } from "../dates";
import { modalityLabel } from "../format";
import { eventExtent } from "../viz/timeline/extent";
import { columnsFromRows, type TimelineColumns } from "./columns";
import type { Backend } from "./index";
import { emptySeed, type FakeActor, type FakePlace, type FakeSeed } from "./fixtures";
import { betweenness, communities, pagerank } from "./measures";

export interface FakeOptions {
  /** path -> text; a path ending in "/" or naming a folder imports every file under it. */
  files?: Readonly<Record<string, string>>;
  /** Artificial latency per call, to exercise loading states. */
  delayMs?: number;
  /** The day exports are stamped with (ISO); default today, in local time as the app does. */
  today?: string;
  /** Exports behave as if the user cancelled the save dialog. */
  cancelExports?: boolean;
  /** Where exports "go" (nothing is written); default /tmp. */
  exportDir?: string;
  /**
   * Other workspace files the fake can open, by path: a seed, or "not a workspace" for a file
   * that exists but is not one. The seed's own path is always known.
   */
  workspaces?: Readonly<Record<string, FakeSeed | "not a workspace">>;
  /** The recent-workspace list at start, most recent first (paths; unknown ones count as missing). */
  recent?: readonly string[];
  /** What the native dialogs answer; null (the default) behaves as a cancelled dialog. */
  dialogs?: {
    files?: string[] | null;
    folder?: string | null;
    openWorkspace?: string | null;
    newWorkspace?: string | null;
  };
}

/** How many workspaces the recent list keeps, as the app's list does. */
export const RECENT_LIMIT = 10;

/** The most events a timeline query returns, as the real command. */
export const EVENT_LIMIT = 20_000;
/** The most actors a network keeps, as the real command. */
export const NETWORK_LIMIT = 2_000;

/** Same text modulo surrounding and repeated whitespace counts as a duplicate. */
export function contentKey(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** First non-empty line, shortened: a stand-in for the core's title extraction. */
export function titleFromText(text: string, fallback: string): string {
  const line = text.split("\n").map((l) => l.trim()).find((l) => l.length > 0);
  if (line === undefined) return fallback;
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

function fail(code: AppError["code"], message: string): AppError {
  return { code, message };
}

function reject(code: AppError["code"], message: string): Promise<never> {
  return Promise.reject(fail(code, message));
}

/** The user's corrections, kept apart from the machine output they apply to (as the real store does). */
interface Corrections {
  /** Each with a stable id, as the store's actor rows have. */
  actors: Array<FakeActor & { id: number }>;
  /** Machine actor name -> the actor it belongs to now (after renames, merges and splits). */
  owner: Record<string, string>;
  edits: Record<number, EventEdit>;
  articleDates: Record<number, string>;
  /** Reports the user keeps apart from the other articles' reports they were grouped with. */
  apart: number[];
}

/** Everything one workspace file holds, so switching away and back keeps it. */
interface WorkspaceData {
  path: string;
  articles: ArticleDetail[];
  machineEvents: EventRow[];
  places: FakePlace[];
  groups: number[][];
  corrections: Corrections;
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
}

function workspaceFrom(seed: FakeSeed, path = seed.path): WorkspaceData {
  // Copies, so a test or a page never mutates the shared fixtures.
  const actors = structuredClone(seed.actors).map((a, i) => ({ ...a, id: i + 1 }));
  return {
    path,
    articles: structuredClone(seed.articles),
    machineEvents: structuredClone(seed.events),
    places: structuredClone(seed.places),
    groups: structuredClone(seed.groups ?? []),
    corrections: { actors, owner: {}, edits: {}, articleDates: {}, apart: [] },
    undoStack: [],
    redoStack: [],
  };
}

interface HistoryEntry {
  description: string;
  before: Corrections;
  after: Corrections;
}

const quote = (s: string) => `“${s}”`;

export class FakeBackend implements Backend {
  readonly kind = "fake";
  private path: string;
  private articles: ArticleDetail[];
  private machineEvents: EventRow[];
  private places: FakePlace[];
  /** Machine events grouped as one event reported by several articles (ids, any order). */
  private groups: number[][];
  private corrections: Corrections;
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private cache: EventRow[] | null = null;
  /** Report id -> the id of the event it is listed under, for reports grouped under another. */
  private mergedInto = new Map<number, number>();
  /** Representative id -> its reports (itself first, then by id). */
  private reportsOf = new Map<number, number[]>();
  private readonly files: Readonly<Record<string, string>>;
  private readonly delayMs: number;
  private readonly today: string;
  private readonly cancelExports: boolean;
  private readonly exportDir: string;
  /** Workspace files on "disk": opened ones keep their state; "not a workspace" files cannot be opened. */
  private readonly disk = new Map<string, WorkspaceData | FakeSeed | "not a workspace">();
  private recent: string[];
  private readonly dialogs: NonNullable<FakeOptions["dialogs"]>;

  constructor(seed: FakeSeed, options: FakeOptions = {}) {
    const w = workspaceFrom(seed);
    this.path = w.path;
    this.articles = w.articles;
    this.machineEvents = w.machineEvents;
    this.places = w.places;
    this.groups = w.groups;
    this.corrections = w.corrections;
    this.files = options.files ?? {};
    this.delayMs = options.delayMs ?? 0;
    this.today = options.today ?? localToday();
    this.cancelExports = options.cancelExports ?? false;
    this.exportDir = (options.exportDir ?? "/tmp").replace(/\/+$/, "");
    for (const [path, file] of Object.entries(options.workspaces ?? {})) this.disk.set(path, file);
    this.recent = [...new Set([seed.path, ...(options.recent ?? [])])].slice(0, RECENT_LIMIT);
    this.dialogs = options.dialogs ?? {};
  }

  private save(): WorkspaceData {
    return {
      path: this.path,
      articles: this.articles,
      machineEvents: this.machineEvents,
      places: this.places,
      groups: this.groups,
      corrections: this.corrections,
      undoStack: this.undoStack,
      redoStack: this.redoStack,
    };
  }

  private load(w: WorkspaceData): void {
    this.path = w.path;
    this.articles = w.articles;
    this.machineEvents = w.machineEvents;
    this.places = w.places;
    this.groups = w.groups;
    this.corrections = w.corrections;
    this.undoStack = w.undoStack;
    this.redoStack = w.redoStack;
    this.cache = null;
  }

  private async settle<T>(value: T): Promise<T> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return structuredClone(value);
  }

  /** Runs `body` and settles its value, or rejects with the AppError it threw. */
  private run<T>(body: () => T): Promise<T> {
    try {
      return this.settle(body());
    } catch (reason) {
      return Promise.reject(reason);
    }
  }

  // ---- effective rows: machine output with the corrections applied ----

  private owner(name: string): string {
    return this.corrections.owner[name] ?? name;
  }

  private articleById(id: number): ArticleDetail | undefined {
    return this.articles.find((a) => a.summary.id === id);
  }

  /** Every event with corrections applied, hidden ones included, in date order. */
  private rows(): EventRow[] {
    if (this.cache !== null) return this.cache;
    const shift = new Map<number, number>();
    for (const [id, date] of Object.entries(this.corrections.articleDates)) {
      const old = this.articleById(Number(id))?.summary.published?.date;
      const from = old === undefined ? null : parseDay(old);
      const to = parseDay(date);
      if (from !== null && to !== null) shift.set(Number(id), Math.round((to - from) / DAY));
    }
    const rows = this.machineEvents.map((machine) => {
      const e = structuredClone(machine);
      e.participants = dedupeParticipants(e.participants.map((p) => ({ actor: this.owner(p.actor), role: p.role })));
      e.actors = [...new Set(e.actors.map((a) => this.owner(a)))];
      const days = shift.get(e.article_id) ?? 0;
      if (days !== 0) {
        // A corrected article date re-anchors every relative date in it.
        const move = (d: string | null) => (d === null ? null : addDays(d, days));
        e.earliest = move(e.earliest);
        e.latest = move(e.latest);
        e.date_value = e.date_value !== null && parseDay(e.date_value) !== null ? move(e.date_value) : e.date_value;
        e.derivation = `${e.derivation}, re-anchored to the corrected article date`;
      }
      const edit = this.corrections.edits[e.id];
      if (edit?.cameo !== undefined) e.cameo = edit.cameo;
      if (edit?.from !== undefined || edit?.to !== undefined) {
        const from = edit.from ?? edit.to ?? null;
        const to = edit.to ?? edit.from ?? null;
        e.earliest = from;
        e.latest = to;
        e.date_value = from === to ? from : null;
        e.precision = "day";
        e.derivation = "set by the user";
      }
      return e;
    });
    // Grouped reports: the lowest id stands for the group (as the core's representative), the
    // others are listed under it; a report kept apart is an event of its own again.
    this.mergedInto = new Map();
    this.reportsOf = new Map();
    const known = new Set(rows.map((e) => e.id));
    const apart = new Set(this.corrections.apart);
    for (const group of this.groups) {
      const members = [...new Set(group)].filter((id) => known.has(id) && !apart.has(id)).sort((x, y) => x - y);
      const [rep, ...rest] = members;
      if (rep === undefined || rest.length === 0) continue;
      this.reportsOf.set(rep, members);
      for (const id of rest) this.mergedInto.set(id, rep);
    }
    const byId = new Map(rows.map((e) => [e.id, e]));
    for (const e of rows) {
      const members = this.reportsOf.get(e.id);
      e.reports = members?.length ?? 1;
      // Reported on the earliest day of its reports (the user's corrections included).
      const days = (members ?? [e.id])
        .map((id) => byId.get(id))
        .map((report) => (report === undefined ? null : this.publishedOn(report.article_id)))
        .filter((d): d is string => d !== null)
        .sort();
      e.reported = days[0] ?? null;
      // A grouped event's actors and places are every report's (as the core lists them).
      for (const id of members ?? []) {
        const report = byId.get(id);
        if (report === undefined || report === e) continue;
        e.actors = [...new Set([...e.actors, ...report.actors])];
        e.places = [...new Set([...e.places, ...report.places])];
        e.participants = dedupeParticipants([...e.participants, ...report.participants]);
      }
    }
    rows.sort((a, b) => startOf(a) - startOf(b) || a.id - b.id);
    this.cache = rows;
    return rows;
  }

  private hidden(id: number): boolean {
    return this.corrections.edits[id]?.hidden === true;
  }

  /** Hidden, or listed under another report of the same event. */
  private unlisted(id: number): boolean {
    if (this.cache === null) this.rows();
    return this.hidden(id) || this.mergedInto.has(id);
  }

  private findActor(name: string): FakeActor | undefined {
    const key = name.trim().toLowerCase();
    const actors = this.corrections.actors;
    return (
      actors.find((a) => a.name.toLowerCase() === key) ??
      actors.find((a) => a.aliases.some((alias) => alias.toLowerCase() === key))
    );
  }

  private findPlace(name: string): FakePlace | undefined {
    const key = name.trim().toLowerCase();
    return this.places.find((p) => p.name.toLowerCase() === key || p.aliases.some((a) => a.toLowerCase() === key));
  }

  /** The visible events a query selects, in date order (of report time when the query is).
   * Rejects malformed dates. */
  private select(query: EventQuery): EventRow[] {
    const from = query.from === undefined ? null : parseDay(query.from);
    const to = query.to === undefined ? null : parseDay(query.to);
    if (query.from !== undefined && from === null) throw fail("invalid_input", `"${query.from}" is not a date (YYYY-MM-DD)`);
    if (query.to !== undefined && to === null) throw fail("invalid_input", `"${query.to}" is not a date (YYYY-MM-DD)`);
    if (from !== null && to !== null && from > to) throw fail("invalid_input", `the window starts (${query.from}) after it ends (${query.to})`);
    const types = query.cameo === undefined || query.cameo.trim() === "" ? null : parseTypes(query.cameo);
    if (types !== null && "error" in types) throw fail("invalid_input", types.error);
    if (query.modality !== undefined && modalityLabel(query.modality) === null) throw fail("invalid_input", `"${query.modality}" is not a modality (asserted, reported, denied, planned, hypothetical)`);
    if (query.certainty !== undefined && !["certain", "possible"].includes(query.certainty)) throw fail("invalid_input", `"${query.certainty}" is no date certainty (certain or possible)`);
    const certain = query.certainty === "certain";
    if (query.time !== undefined && !["event", "reported"].includes(query.time)) throw fail("invalid_input", `"${query.time}" is no time axis (event or reported)`);
    const reported = query.time === "reported";
    // Attributions keep the name found at extraction: any name of the actor counts.
    const claimedBy = query.attribution === undefined ? null : (this.findActor(query.attribution)?.name ?? query.attribution);
    const actorName = (name: string) => this.findActor(name)?.name ?? name;
    const actor = query.actor === undefined ? null : (this.findActor(query.actor)?.name ?? "\u0000none");
    const place = query.place === undefined ? null : (this.findPlace(query.place)?.name ?? query.place);
    const text = query.text?.trim().toLowerCase() ?? "";
    const articles = new Map(this.articles.map((a) => [a.summary.id, a]));
    const textHit = new Map<number, boolean>();
    const selected = this.rows().filter((e) => {
      if (this.unlisted(e.id)) return false;
      if (reported && (from !== null || to !== null)) {
        // Report time: the day the event's article was published.
        const day = this.reportDay(e);
        if (day === null || (from !== null && day < from) || (to !== null && day > to)) return false;
      } else if (from !== null || to !== null) {
        const x = eventExtent(e);
        if (x === null) return false;
        if (from !== null && x.end <= from) return false;
        if (to !== null && x.start >= to + DAY) return false;
        if (certain) {
          // Wholly inside; "on or before" a day may be long before the window starts.
          if (from !== null && (x.start < from || x.certainty === "before")) return false;
          if (to !== null && x.end > to + DAY) return false;
        }
      }
      if (query.modality !== undefined && e.modality !== query.modality) return false;
      if (claimedBy !== null && (e.attribution === null || actorName(e.attribution) !== claimedBy)) return false;
      if (actor !== null && !e.actors.includes(actor)) return false;
      if (place !== null && !e.places.includes(place)) return false;
      if (types !== null && !keepsType(types, cameoRoot(e.cameo))) return false;
      if (query.source !== undefined && e.publisher !== query.source) return false;
      const article = articles.get(e.article_id);
      if (query.language !== undefined && article?.summary.language !== query.language) return false;
      if (text !== "") {
        let hit = textHit.get(e.article_id);
        if (hit === undefined) {
          hit = article !== undefined && (article.text.toLowerCase().includes(text) || article.summary.title.toLowerCase().includes(text));
          textHit.set(e.article_id, hit);
        }
        if (!hit && !e.evidence.toLowerCase().includes(text)) return false;
      }
      return true;
    });
    // In report time the listing goes by the day each event was reported.
    if (reported) selected.sort((a, b) => (a.reported ?? "~").localeCompare(b.reported ?? "~") || startOf(a) - startOf(b) || a.id - b.id);
    return selected;
  }

  // ---- articles ----

  private nextId(): number {
    return this.articles.reduce((max, a) => Math.max(max, a.summary.id), 0) + 1;
  }

  /** Adds one text unless its content is already stored; returns whether it was new. */
  private add(source: string, text: string): boolean {
    const key = contentKey(text);
    if (this.articles.some((a) => contentKey(a.text) === key)) return false;
    const summary: ArticleSummary = {
      id: this.nextId(),
      title: titleFromText(text, source),
      publisher: null,
      url: null,
      language: null,
      published: null,
      warnings: ["no publication date found"],
      source,
      events: 0,
    };
    this.articles.push({ summary, text, date_derivation: null, time_expressions: [], mentions: [], events: [] });
    return true;
  }

  private summary(a: ArticleDetail): ArticleSummary {
    const date = this.corrections.articleDates[a.summary.id];
    const events = this.rows().filter((e) => e.article_id === a.summary.id && !this.hidden(e.id)).length;
    if (date === undefined) return { ...a.summary, events };
    return { ...a.summary, events, published: { date, method: "user", evidence: null, confidence: 1 } };
  }

  workspaceInfo(): Promise<WorkspaceInfo> {
    return this.run(() => ({
      path: this.path,
      articles: this.articles.length,
      events: this.rows().filter((e) => !this.unlisted(e.id)).length,
    }));
  }

  articleList(query: EventQuery = {}): Promise<ArticleSummary[]> {
    return this.run(() => this.selectArticles(query).map((a) => this.summary(a)));
  }

  /**
   * The articles a query selects, as the core's `article_selection`: filters on events give the
   * articles reporting a selected event (grouped reports included); filters on articles (text,
   * source, language) then keep those passing them, or with no filter on events, every article.
   */
  private selectArticles(query: EventQuery): ArticleDetail[] {
    const set = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());
    const onEvents = [query.actor, query.place, query.cameo, query.modality, query.attribution, query.from, query.to].some((v) => set(v) !== undefined);
    let reporting: Set<number> | null = null;
    if (onEvents) {
      const rows = new Map(this.rows().map((e) => [e.id, e]));
      reporting = new Set();
      for (const e of this.select(query)) {
        for (const id of this.reportsOf.get(e.id) ?? [e.id]) {
          const report = rows.get(id);
          if (report !== undefined) reporting.add(report.article_id);
        }
      }
    }
    const source = set(query.source);
    const language = set(query.language);
    const text = set(query.text)?.toLowerCase();
    return this.articles.filter((a) => {
      if (reporting !== null && !reporting.has(a.summary.id)) return false;
      if (source !== undefined && a.summary.publisher !== source) return false;
      if (language !== undefined && a.summary.language !== language) return false;
      if (text !== undefined && !a.text.toLowerCase().includes(text) && !a.summary.title.toLowerCase().includes(text)) return false;
      return true;
    });
  }

  articleGet(id: number): Promise<ArticleDetail> {
    const found = this.articleById(id);
    if (found === undefined) return reject("not_found", `no article with id ${id}`);
    return this.run(() => {
      const events: EventSpanView[] = this.rows()
        .filter((e) => e.article_id === id && !this.hidden(e.id))
        .map((e) => evidenceSpan(found.text, e))
        .filter((s) => s.end > s.start)
        .sort((a, b) => a.start - b.start);
      const date = this.corrections.articleDates[id];
      return {
        ...found,
        summary: this.summary(found),
        date_derivation: date === undefined ? found.date_derivation : `set by the user to ${date}`,
        mentions: findMentions(found.text, this.corrections.actors, this.places),
        events,
      };
    });
  }

  // ---- the timeline and the views ----

  eventList(query: EventQuery): Promise<EventPage> {
    return this.run(() => {
      const all = this.select(query);
      return { events: all.slice(0, EVENT_LIMIT), total: all.length };
    });
  }

  eventTimeline(query: EventQuery): Promise<TimelineColumns> {
    return this.run(() => {
      const rows = this.select(query);
      if (query.time !== "reported") return columnsFromRows(rows);
      // In report time each event stands on the day it was reported.
      return columnsFromRows(rows.map((e) => ({ ...e, earliest: e.reported, latest: e.reported, date_value: e.reported, precision: "day" })));
    });
  }

  /** The day (ms UTC) an event was reported, or null. */
  private reportDay(e: EventRow): number | null {
    return e.reported === null ? null : parseDay(e.reported);
  }

  /** The day an article was published ("YYYY-MM-DD"), the user's correction included. */
  private publishedOn(articleId: number): string | null {
    const date = this.corrections.articleDates[articleId] ?? this.articleById(articleId)?.summary.published?.date;
    return date === undefined ? null : date.slice(0, 10);
  }

  eventFacets(query: EventQuery): Promise<Facets> {
    return this.run(() => {
      const events = this.select(query);
      const language = new Map(this.articles.map((a) => [a.summary.id, a.summary.language]));
      const count = (keys: (e: EventRow) => Array<string | null | undefined>, label: (v: string) => string = (v) => v, among: EventRow[] = events) => {
        const counts = new Map<string, number>();
        for (const e of among) {
          for (const k of new Set(keys(e))) if (k !== null && k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        return [...counts]
          .map(([value, n]): FacetCount => ({ value, label: label(value), count: n }))
          .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
      };
      return {
        total: events.length,
        articles: this.selectArticles(query).length,
        actors: count((e) => e.actors),
        places: count((e) => e.places),
        // Every type the other filters leave, so a type left out can be taken back.
        types: count((e) => [cameoRoot(e.cameo)], cameoName, this.select(withoutTypes(query))),
        sources: count((e) => [e.publisher]),
        languages: count((e) => [language.get(e.article_id)]),
        modalities: count((e) => [e.modality], (m) => modalityLabel(m) ?? m),
        attributions: count((e) => [e.attribution === null ? null : (this.findActor(e.attribution)?.name ?? e.attribution)]),
      };
    });
  }

  eventGet(id: number): Promise<EventDetail> {
    const event = this.rows().find((e) => e.id === id);
    if (event === undefined) return reject("not_found", `no event with id ${id}`);
    return this.run(() => {
      const article = this.articleById(event.article_id);
      const counts = this.placeCounts(this.rows().filter((e) => !this.unlisted(e.id)));
      // This event and the reports grouped under it (this one first), as the core lists them.
      const ids = this.reportsOf.get(id) ?? [id];
      const reports: ReportView[] = [];
      const sources: ArticleSummary[] = [];
      for (const rid of ids) {
        const r = this.rows().find((e) => e.id === rid);
        const a = r === undefined ? undefined : this.articleById(r.article_id);
        if (r === undefined || a === undefined) continue;
        const span = evidenceSpan(a.text, r);
        reports.push({
          event_id: r.id,
          article_id: a.summary.id,
          title: a.summary.title,
          publisher: a.summary.publisher,
          evidence: r.evidence,
          start: span.start,
          end: span.end,
        });
        if (!sources.some((x) => x.id === a.summary.id)) sources.push(this.summary(a));
      }
      return {
        event,
        type_name: cameoName(event.cameo),
        sources,
        reports,
        places: event.places.map((name) => this.placeRow(name, counts.get(name) ?? 0)),
        evidence: article === undefined ? { id, start: 0, end: 0, cameo: event.cameo } : evidenceSpan(article.text, event),
        corrected: this.corrections.edits[id] !== undefined,
      };
    });
  }

  private placeCounts(events: EventRow[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const e of events) for (const p of new Set(e.places)) counts.set(p, (counts.get(p) ?? 0) + 1);
    return counts;
  }

  private placeRow(name: string, events: number): PlaceRow {
    const index = this.places.findIndex((p) => p.name === name);
    const place = this.places[index];
    return {
      id: index + 1,
      name,
      country: place?.country ?? null,
      lat: place?.lat ?? null,
      lon: place?.lon ?? null,
      events,
    };
  }

  placeList(query: EventQuery): Promise<PlaceRow[]> {
    return this.run(() =>
      [...this.placeCounts(this.select(query))]
        .map(([name, n]) => this.placeRow(name, n))
        .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)),
    );
  }

  networkGet(query: EventQuery): Promise<NetworkView> {
    return this.run(() => buildNetwork(this.select(query), this.corrections.actors));
  }

  // ---- curation ----

  private snapshot(): Corrections {
    return structuredClone(this.corrections);
  }

  private history(): HistoryState {
    // Labelled as the core labels them: "Undo: merge …", "Redo: hide event 12".
    const undo = this.undoStack[this.undoStack.length - 1]?.description;
    const redo = this.redoStack[this.redoStack.length - 1]?.description;
    return { undo: undo === undefined ? null : `Undo: ${undo}`, redo: redo === undefined ? null : `Redo: ${redo}` };
  }

  /** Applies one correction as an undoable step. `change` validates first and throws AppErrors. */
  private correct(description: string, change: (c: Corrections) => void): Promise<HistoryState> {
    return this.run(() => {
      const before = this.snapshot();
      const next = this.snapshot();
      change(next);
      this.corrections = next;
      this.cache = null;
      this.undoStack.push({ description, before, after: this.snapshot() });
      this.redoStack = [];
      return this.history();
    });
  }

  articleSetDate(id: number, date: string): Promise<HistoryState> {
    const article = this.articleById(id);
    if (article === undefined) return reject("not_found", `no article with id ${id}`);
    if (parseDay(date) === null) return reject("invalid_input", `"${date}" is not a date (YYYY-MM-DD)`);
    return this.correct(`set the date of ${quote(article.summary.title)} to ${date}`, (c) => {
      c.articleDates[id] = date;
    });
  }

  eventEdit(id: number, edit: EventEdit): Promise<HistoryState> {
    if (!this.machineEvents.some((e) => e.id === id)) return reject("not_found", `no event with id ${id}`);
    if (edit.cameo === undefined && edit.from === undefined && edit.to === undefined && edit.hidden === undefined) {
      return reject("invalid_input", "nothing to change");
    }
    if (edit.cameo !== undefined && !isCameoRoot(edit.cameo)) return reject("invalid_input", `"${edit.cameo}" is not a CAMEO root code (01..20, or 00 for another event)`);
    for (const d of [edit.from, edit.to]) {
      if (d !== undefined && parseDay(d) === null) return reject("invalid_input", `"${d}" is not a date (YYYY-MM-DD)`);
    }
    if (edit.from !== undefined && edit.to !== undefined && edit.from > edit.to) {
      return reject("invalid_input", `the event cannot end (${edit.to}) before it starts (${edit.from})`);
    }
    const parts: string[] = [];
    if (edit.hidden !== undefined) parts.push(edit.hidden ? "hide" : "show");
    if (edit.cameo !== undefined) parts.push(`set the type to ${cameoName(edit.cameo)} for`);
    if (edit.from !== undefined || edit.to !== undefined) parts.push(`re-date`);
    return this.correct(`${parts.join(", ")} event ${id}`, (c) => {
      c.edits[id] = { ...c.edits[id], ...edit };
    });
  }

  actorRename(name: string, newName: string): Promise<HistoryState> {
    const actor = this.findActor(name);
    const target = newName.trim();
    if (actor === undefined) return reject("not_found", `no actor named ${quote(name)}`);
    if (target === "") return reject("invalid_input", "the new name is empty");
    const other = this.findActor(target);
    if (other !== undefined && other.name !== actor.name) {
      return reject("invalid_input", `${quote(target)} is another actor; merge them instead`);
    }
    if (target === actor.name) return reject("invalid_input", `the actor is already called ${quote(target)}`);
    const old = actor.name;
    return this.correct(`rename ${quote(old)} to ${quote(target)}`, (c) => {
      const a = c.actors.find((x) => x.name === old);
      if (a === undefined) return;
      a.name = target;
      a.aliases = [...new Set([...a.aliases.filter((x) => x !== target), old])];
      this.reassign(c, old, target);
    });
  }

  /** Every machine name owned by `from` is owned by `to` now. */
  private reassign(c: Corrections, from: string, to: string): void {
    for (const e of this.machineEvents) {
      for (const m of e.actors) if ((c.owner[m] ?? m) === from) c.owner[m] = to;
    }
  }

  actorMerge(from: string, into: string): Promise<HistoryState> {
    const a = this.findActor(from);
    const b = this.findActor(into);
    if (a === undefined) return reject("not_found", `no actor named ${quote(from)}`);
    if (b === undefined) return reject("not_found", `no actor named ${quote(into)}`);
    if (a.name === b.name) return reject("invalid_input", `${quote(from)} and ${quote(into)} are the same actor`);
    const [fromName, intoName] = [a.name, b.name];
    return this.correct(`merge ${quote(fromName)} into ${quote(intoName)}`, (c) => {
      const source = c.actors.find((x) => x.name === fromName);
      const target = c.actors.find((x) => x.name === intoName);
      if (source === undefined || target === undefined) return;
      target.aliases = [...new Set([...target.aliases, fromName, ...source.aliases])];
      c.actors = c.actors.filter((x) => x !== source);
      this.reassign(c, fromName, intoName);
    });
  }

  actorSplit(actor: string, alias: string): Promise<HistoryState> {
    const a = this.findActor(actor);
    if (a === undefined) return reject("not_found", `no actor named ${quote(actor)}`);
    const name = a.name;
    const known = a.aliases.find((x) => x.toLowerCase() === alias.trim().toLowerCase());
    if (known === undefined) return reject("invalid_input", `${quote(alias)} is not an alias of ${quote(name)}`);
    return this.correct(`split ${quote(known)} off ${quote(name)}`, (c) => {
      const source = c.actors.find((x) => x.name === name);
      if (source === undefined) return;
      source.aliases = source.aliases.filter((x) => x !== known);
      const id = c.actors.reduce((max, x) => Math.max(max, x.id), 0) + 1;
      c.actors.push({ id, name: known, kind: source.kind, aliases: [] });
      // Events read with that very name belong to the new actor again.
      for (const e of this.machineEvents) {
        for (const m of e.actors) if (m === known && (c.owner[m] ?? m) === name) c.owner[m] = known;
      }
    });
  }

  eventKeepApart(id: number): Promise<HistoryState> {
    if (!this.machineEvents.some((e) => e.id === id)) return reject("not_found", `no event with id ${id}`);
    this.rows();
    if (!this.mergedInto.has(id) && !this.reportsOf.has(id)) {
      return reject("invalid_input", `event ${id} is not grouped with reports from other articles`);
    }
    return this.correct(`keep report ${id} apart from the other articles' reports`, (c) => {
      c.apart = [...new Set([...c.apart, id])];
    });
  }

  // ---- dialogs and workspaces ----

  importPick(folder: boolean): Promise<string[]> {
    return this.run(() => {
      if (folder) return this.dialogs.folder === undefined || this.dialogs.folder === null ? [] : [this.dialogs.folder];
      return [...(this.dialogs.files ?? [])];
    });
  }

  workspaceRecent(): Promise<RecentWorkspace[]> {
    return this.run(() =>
      this.recent.map((path) => ({ path, exists: path === this.path || this.disk.has(path), current: path === this.path })),
    );
  }

  workspaceOpen(path: string | null, create: boolean): Promise<WorkspaceInfo | null> {
    const picked = path !== null && path.trim() !== "" ? path : create ? this.dialogs.newWorkspace : this.dialogs.openWorkspace;
    if (picked === undefined || picked === null) return this.settle(null);
    if (picked === this.path) return this.workspaceInfo();
    const file = this.disk.get(picked);
    if (file === undefined && !create) return reject("not_found", `${picked}: no such workspace file`);
    if (file === "not a workspace") return reject("invalid_input", `${picked}: cannot open as a workspace: file is not a database`);
    const next: WorkspaceData =
      file === undefined ? workspaceFrom(emptySeed(), picked) : "corrections" in file ? file : workspaceFrom(file, picked);
    this.disk.set(this.path, this.save());
    this.load(next);
    this.disk.set(picked, next);
    this.recent = [picked, ...this.recent.filter((p) => p !== picked)].slice(0, RECENT_LIMIT);
    return this.workspaceInfo();
  }

  actorList(): Promise<ActorRow[]> {
    return this.run(() => {
      const counts = new Map<string, number>();
      for (const e of this.rows()) {
        if (this.unlisted(e.id)) continue;
        for (const a of new Set(e.actors)) counts.set(a, (counts.get(a) ?? 0) + 1);
      }
      return this.corrections.actors
        .map((a): ActorRow => ({
          id: a.id,
          name: a.name,
          kind: a.kind,
          aliases: [...new Set(a.aliases.filter((x) => x !== a.name))].sort(),
          roles: [],
          events: counts.get(a.name) ?? 0,
        }))
        .sort((a, b) => b.events - a.events || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    });
  }

  // ---- exports (nothing is written; the paths are what the app would write) ----

  exportChart(query: EventQuery, request: ChartRequest): Promise<ExportResult> {
    return this.run(() => {
      const caption = this.caption(query);
      validateChartRequest(request);
      if (this.cancelExports) return { files: [], caption: "" };
      const ext = request.format;
      return { files: [`${this.exportDir}/linimasa-${request.view}-${this.today}.${ext}`], caption };
    });
  }

  exportData(query: EventQuery, format: DataFormatName, _groupByActor: boolean): Promise<ExportResult> {
    return this.run(() => {
      const caption = this.caption(query);
      if (this.cancelExports) return { files: [], caption: "" };
      const dir = this.exportDir;
      if (format === "csv") {
        return { files: ["events", "actors", "places", "mentions"].map((n) => `${dir}/linimasa-${this.today}-${n}.csv`), caption };
      }
      const name = format === "timelinejs" ? `linimasa-timelinejs-${this.today}.json` : `linimasa-${this.today}.${format}`;
      return { files: [`${dir}/${name}`], caption };
    });
  }

  /** The selection's caption in one line, worded as the core's `Caption::text`. */
  private caption(query: EventQuery): string {
    const events = this.select(query);
    const articleIds = new Set(events.map((e) => e.article_id));
    const articles = this.articles.filter((a) => articleIds.has(a.summary.id));
    const sorted = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))].sort();
    const sources = sorted(articles.map((a) => a.summary.publisher));
    const languages = sorted(articles.map((a) => a.summary.language));
    const days = events.flatMap((e) => [e.earliest, e.latest]).filter((d): d is string => d !== null).sort();
    const set = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());
    const from = set(query.from) ?? days[0];
    const to = set(query.to) ?? days[days.length - 1];
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const parts: string[] = [];
    if (events.length === 0) parts.push("No events match the filters");
    else {
      let counts = `${plural(events.length, "event", "events")} from ${plural(articles.length, "article", "articles")}`;
      if (sources.length > 0) {
        const shown = sources.length <= 4 ? sources.join(", ") : `${sources.slice(0, 4).join(", ")}, +${sources.length - 4} more`;
        counts += `, ${plural(sources.length, "source", "sources")} (${shown})`;
      }
      parts.push(counts);
    }
    if (from !== undefined && to !== undefined) parts.push(from === to ? from : `${from} to ${to}`);
    else if (from !== undefined) parts.push(`from ${from}`);
    else if (to !== undefined) parts.push(`until ${to}`);
    if (languages.length > 0) parts.push(`languages: ${languages.join(", ")}`);
    const filters: string[] = [];
    const push = (what: string, v: string | undefined) => {
      const value = set(v);
      if (value !== undefined) filters.push(`${what}: ${value}`);
    };
    push("actor", query.actor);
    push("place", query.place);
    push("type", query.cameo === undefined ? undefined : describeTypes(query.cameo));
    push("source", query.source);
    push("language", query.language);
    push("modality", query.modality === undefined ? undefined : (modalityLabel(query.modality) ?? query.modality).toLowerCase());
    push("claimed by", query.attribution);
    const windowSet = query.from !== undefined || query.to !== undefined;
    push(
      "dates",
      query.time === "reported" && windowSet
        ? "the window is of report time (when the articles were published)"
        : query.certainty === "certain" && windowSet
          ? "certainly inside the window"
          : undefined,
    );
    push("text", query.text);
    parts.push(filters.length === 0 ? "no filters" : `filters: ${filters.join("; ")}`);
    parts.push(`exported ${this.today} with Linimasa`);
    return parts.join(" · ");
  }

  historyGet(): Promise<HistoryState> {
    return this.run(() => this.history());
  }

  historyUndo(): Promise<HistoryState> {
    const entry = this.undoStack.pop();
    if (entry === undefined) return reject("invalid_input", "nothing to undo");
    this.corrections = structuredClone(entry.before);
    this.cache = null;
    this.redoStack.push(entry);
    return this.run(() => this.history());
  }

  historyRedo(): Promise<HistoryState> {
    const entry = this.redoStack.pop();
    if (entry === undefined) return reject("invalid_input", "nothing to redo");
    this.corrections = structuredClone(entry.after);
    this.cache = null;
    this.undoStack.push(entry);
    return this.run(() => this.history());
  }

  // ---- import ----

  articleImport(paths: string[], onProgress?: (event: ImportEvent) => void): Promise<ImportSummary> {
    if (paths.length === 0) return reject("invalid_input", "no paths given");
    const summary: ImportSummary = { imported: 0, duplicates: 0, failed: [], cancelled: false };
    // Folders are walked first, so progress counts files as the core's does.
    const files: string[] = [];
    for (const path of paths) {
      const folder = path.endsWith("/") ? path : `${path}/`;
      const matches = Object.keys(this.files).filter((p) => p === path || p.startsWith(folder));
      if (matches.length === 0) {
        const failure: ImportFailure = { path, reason: "not found (the browser demo only knows its fixture files)" };
        summary.failed.push(failure);
        continue;
      }
      files.push(...matches.sort());
    }
    const missing = summary.failed.length;
    const total = files.length + missing;
    files.forEach((p, i) => {
      const text = this.files[p] ?? "";
      if (contentKey(text) === "") summary.failed.push({ path: p, reason: "file is empty" });
      else if (this.add(p.split("/").pop() ?? p, text)) summary.imported += 1;
      else summary.duplicates += 1;
      onProgress?.({ kind: "files", done: missing + i + 1, total, imported: summary.imported });
    });
    if (files.length === 0) onProgress?.({ kind: "files", done: total, total, imported: 0 });
    return this.settle(summary);
  }

  /** The fake imports at once; there is never anything to cancel. */
  articleImportCancel(): Promise<void> {
    return this.settle(undefined);
  }

  articleImportText(name: string, text: string): Promise<ImportSummary> {
    if (contentKey(text) === "") return reject("invalid_input", "the pasted text is empty");
    const added = this.add(name, text);
    return this.settle({ imported: added ? 1 : 0, duplicates: added ? 0 : 1, failed: [], cancelled: false });
  }
}

/** Today's calendar day in local time (ISO), as the app stamps its exports. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The checks of the core's `ChartRequest::options`, with its messages. */
export function validateChartRequest(request: ChartRequest): void {
  const scale = request.scale ?? 1;
  if (!(scale >= 0.25 && scale <= 8)) throw fail("invalid_input", `scale ${scale} is out of range (0.25 to 8)`);
  const width = request.width ?? 1200;
  if (!(width >= 100 && width <= 20_000)) throw fail("invalid_input", `width ${width} is out of range (100 to 20000)`);
  const day = (v: string | undefined, what: string): number | null => {
    const s = v?.trim() ?? "";
    if (s === "") return null;
    const ms = parseDay(s);
    if (ms === null) throw fail("invalid_input", `the ${what} date "${s}" is not a calendar date (YYYY-MM-DD)`);
    return ms;
  };
  const from = day(request.window_from, "start");
  const to = day(request.window_to, "end");
  if (from !== null && to !== null && to < from) {
    throw fail("invalid_input", `the date window ends (${formatDay(to)}) before it starts (${formatDay(from)})`);
  }
}

function startOf(e: EventRow): number {
  return eventExtent(e)?.start ?? Number.MAX_SAFE_INTEGER;
}

function dedupeParticipants<T extends { actor: string; role: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = `${p.actor}\u0000${p.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function evidenceSpan(text: string, e: EventRow): EventSpanView {
  const start = text.indexOf(e.evidence);
  return start < 0 ? { id: e.id, start: 0, end: 0, cameo: e.cameo } : { id: e.id, start, end: start + e.evidence.length, cameo: e.cameo };
}

/**
 * Mentions of known actors and places in `text` (UTF-16 offsets, text order):
 * longest names first, actors before places, never overlapping, whole words only.
 */
export function findMentions(text: string, actors: readonly FakeActor[], places: readonly FakePlace[]): MentionView[] {
  const names: Array<{ surface: string; kind: string }> = [];
  for (const a of actors) for (const s of [a.name, ...a.aliases]) names.push({ surface: s, kind: a.kind });
  for (const p of places) for (const s of [p.name, ...p.aliases]) names.push({ surface: s, kind: "place" });
  names.sort((a, b) => b.surface.length - a.surface.length);
  const taken: MentionView[] = [];
  const isWord = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
  for (const { surface, kind } of names) {
    if (surface.length < 2) continue;
    let at = text.indexOf(surface);
    while (at >= 0) {
      const end = at + surface.length;
      const bounded = (at === 0 || !isWord(text.charAt(at - 1))) && (end >= text.length || !isWord(text.charAt(end)));
      if (bounded && !taken.some((m) => m.start < end && at < m.end)) taken.push({ start: at, end, text: surface, kind });
      at = text.indexOf(surface, at + 1);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The actor co-occurrence network of `events`: actors sharing an event are linked, weighted by how many. */
export function buildNetwork(events: readonly EventRow[], actors: readonly FakeActor[]): NetworkView {
  const kind = new Map(actors.map((a) => [a.name, a.kind]));
  const eventCount = new Map<string, number>();
  const edges = new Map<string, NetworkEdge>();
  for (const e of events) {
    const names = [...new Set(e.actors)].sort();
    for (const n of names) eventCount.set(n, (eventCount.get(n) ?? 0) + 1);
    const x = eventExtent(e);
    const first = x === null ? null : formatDay(x.start);
    const last = x === null ? null : formatDay(x.end - DAY);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const [source, target] = [names[i] ?? "", names[j] ?? ""];
        const key = `${source}\u0000${target}`;
        const edge = edges.get(key) ?? { source, target, weight: 0, first, last };
        edge.weight += 1;
        if (first !== null && (edge.first === null || first < edge.first)) edge.first = first;
        if (last !== null && (edge.last === null || last > edge.last)) edge.last = last;
        edges.set(key, edge);
      }
    }
  }
  // Keep the most active actors, as the real command keeps the most central.
  const ranked = [...eventCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = new Set(ranked.slice(0, NETWORK_LIMIT).map(([n]) => n));
  const keptEdges = [...edges.values()].filter((e) => kept.has(e.source) && kept.has(e.target));
  const names = ranked.slice(0, NETWORK_LIMIT).map(([n]) => n);
  const index = new Map(names.map((n, i) => [n, i]));
  const adjacency: Array<Array<[number, number]>> = names.map(() => []);
  for (const e of keptEdges) {
    const [s, t] = [index.get(e.source) ?? 0, index.get(e.target) ?? 0];
    adjacency[s]?.push([t, e.weight]);
    adjacency[t]?.push([s, e.weight]);
  }
  const between = betweenness(adjacency);
  const rank = pagerank(adjacency);
  const community = communities(adjacency);
  const nodes: NetworkNode[] = names.map((actor, i) => {
    const links = adjacency[i] ?? [];
    return {
      actor,
      kind: kind.get(actor) ?? "group",
      events: eventCount.get(actor) ?? 0,
      degree: links.length,
      weighted_degree: links.reduce((s, [, w]) => s + w, 0),
      betweenness: between[i] ?? 0,
      pagerank: rank[i] ?? 0,
      community: community[i] ?? 0,
    };
  });
  return { nodes, edges: keptEdges, omitted: Math.max(0, ranked.length - names.length) };
}

/** The query with no type filter (the type facet counts every type the other filters leave). */
function withoutTypes(query: EventQuery): EventQuery {
  const { cameo: _types, ...rest } = query;
  return rest;
}
