// The timeline: every selected event on a canvas (no DOM node per event), in
// lanes, with a time axis from hours to decades, an overview strip with a brush
// that sets the date window, and hover and click. The events arrive as binary
// columns (100,000 in one message) without the date window (the window only
// zooms), so panning never waits for the backend; the window filters the other
// views. A lane with thousands of visible events becomes a density strip.
import { brushX, type BrushBehavior, type D3BrushEvent } from "d3-brush";
import { scaleUtc } from "d3-scale";
import { select, type Selection } from "d3-selection";
import { type D3ZoomEvent, zoom, type ZoomBehavior, zoomIdentity, type ZoomTransform } from "d3-zoom";
import { toAppError } from "../backend";
import { actorsAt, columnsFromRows, placesAt, rowAt, type TimelineColumns } from "../backend/columns";
import { CAMEO_ROOTS, cameoColor, cameoName, cameoRoot, codeLabel } from "../cameo";
import { DAY, HOUR, formatDay, parseDay } from "../dates";
import { el } from "../dom";
import { formatEventDate } from "../format";
import { type AppState, type LaneGrouping, Latest, type StateKey, WINDOW_DEBOUNCE_MS, withFilter, withoutFilters } from "../state";
import { clip, fitCanvas, hideTooltip, onThemeChange, showTooltip, theme } from "../viz/canvas";
import { HitGrid } from "../viz/hitgrid";
import { type LabelCandidate, clusterRuns, placeLabels } from "../viz/labels";
import { type Bin, type BinUnit, certaintyLabel, chooseBinUnit, columnExtents, densityBins, type Extent } from "../viz/timeline/extent";
import { buildLanesOf, type Lane, laneKeys, packRows } from "../viz/timeline/lanes";
import { chooseTickSpec, contextSpec, contextTimes, tickLabel, tickTimes } from "../viz/timeline/ticks";
import type { View, ViewContext } from "./context";

const GUTTER = 140;
const AXIS_H = 34;
const ROW_H = 11;
const MIN_LANE_H = 24;
const YEAR = 365.25 * DAY;
const MIN_VIEW = 2 * HOUR;
const MAX_VIEW = 300 * YEAR;
const LABEL_CHAR_PX = 6.1;
/** A lane with more visible events than this is drawn as a density strip (counts per few pixels). */
const DENSE_AT = 2_000;
const BUCKET_PX = 3;
/** Results kept for quick return (clearing a filter shows the previous result at once). */
const CACHED_RESULTS = 4;

interface Elements {
  root: HTMLElement;
  canvas: HTMLCanvasElement;
  empty: HTMLElement;
  overview: HTMLElement;
  overviewCanvas: HTMLCanvasElement;
  legend: HTMLElement;
  lanes: HTMLSelectElement;
  /** When the events happened, or when they were reported: the query's `time`. */
  timeAxis: HTMLSelectElement;
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
  zoomReset: HTMLButtonElement;
  windowLabel: HTMLElement;
}

type Shape = "dot" | "solid" | "coarse" | "range" | "before" | "after";

/** A loaded result and what the view computes from it once. */
interface Loaded {
  cols: TimelineColumns;
  extents: Array<Extent | null>;
  /** CAMEO root number per event (0: none): its colour is ROOT_COLOURS[root]. */
  colourIndex: Uint8Array;
  /** The overview's counts per calendar unit, computed when first drawn at that unit. */
  bins: Map<BinUnit, Bin[]>;
  laneCache: LaneCache | null;
}

interface LaneCache {
  key: string;
  lanes: Lane[];
  /** Event indexes per lane, in start order. */
  members: number[][];
}

/** Colours of the CAMEO roots by number (0: no type). */
const ROOT_COLOURS = Array.from({ length: 21 }, (_, i) => cameoColor(String(i).padStart(2, "0")));

const SHAPES: Record<Shape, number> = { dot: 0, solid: 1, coarse: 2, range: 3, before: 4, after: 5 };

const fmtDay = (ms: number) => new Date(ms).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export class TimelineView implements View {
  /** The loaded events, as columns (index k is "event k" everywhere below). */
  private cols: TimelineColumns = columnsFromRows([]);
  private extents: Array<Extent | null> = [];
  /** Per event, computed once per load: its CAMEO root number, which picks its colour. */
  private colourIndex: Uint8Array = new Uint8Array(0);
  /** Recent results by query key with what was computed from them, newest last. */
  private readonly results = new Map<string, Loaded>();
  /** Density buckets drawn in the last frame; the hit grid holds -(index + 1) for them. */
  private buckets: Array<{ start: number; end: number; count: number }> = [];
  private loaded: Loaded | null = null;
  private waiters: Array<() => void> = [];
  private bins = new Map<BinUnit, Bin[]>();
  private full: [number, number] = [Date.UTC(2022, 0, 1), Date.UTC(2023, 0, 1)];
  private readonly base = scaleUtc();
  private transform: ZoomTransform = zoomIdentity;
  private readonly zoomer: ZoomBehavior<HTMLCanvasElement, unknown>;
  private readonly brush: BrushBehavior<unknown>;
  private readonly brushG: Selection<SVGGElement, unknown, null, undefined>;
  private laneCache: LaneCache | null = null;
  private grid = new HitGrid<number>();
  private hovered: number | null = null;
  private selectedId: number | null = null;
  private grouping: LaneGrouping = "actor";
  private frame = 0;
  /** Set while the view moves itself (from the store or the brush), so it does not write back. */
  private syncing = false;
  /** Set while a keyboard or button zoom runs: d3 reports those without a source event. */
  private userGesture = false;
  private readonly latest = new Latest();
  private loadedKey = "";
  private width = 1;
  /** When the query last changed (performance.now()), until the timeline has drawn its result. */
  private queryChangedAt: number | null = null;
  /** Set once the data for that change is in: the next frame drawn shows it. */
  private filterDrawPending: number | null = null;
  private filterSeq = 0;

  constructor(private readonly ctx: ViewContext, private readonly ui: Elements) {
    this.zoomer = zoom<HTMLCanvasElement, unknown>()
      .filter((event: Event) => {
        if (event instanceof WheelEvent && !event.ctrlKey && Math.abs(event.deltaX) > Math.abs(event.deltaY)) return false;
        const mouse = event as MouseEvent;
        return (!mouse.ctrlKey || event.type === "wheel") && !mouse.button;
      })
      .on("zoom", (e: D3ZoomEvent<HTMLCanvasElement, unknown>) => this.zoomed(e));
    select(ui.canvas).call(this.zoomer).on("dblclick.zoom", null);
    // Horizontal two-finger scrolling on a trackpad pans instead of zooming.
    ui.canvas.addEventListener(
      "wheel",
      (e) => {
        if (e.ctrlKey || Math.abs(e.deltaX) <= Math.abs(e.deltaY)) return;
        e.preventDefault();
        this.gesture(() => this.zoomer.translateBy(select(ui.canvas), -e.deltaX / this.transform.k, 0));
      },
      { passive: false },
    );

    const svg = select(ui.overview).append("svg").attr("aria-hidden", "true");
    this.brushG = svg.append("g").attr("class", "brush");
    this.brush = brushX<unknown>().on("brush end", (e: D3BrushEvent<unknown>) => this.brushed(e));

    ui.canvas.addEventListener("pointermove", (e) => this.pointerMoved(e));
    ui.canvas.addEventListener("pointerleave", () => {
      this.hovered = null;
      hideTooltip(ctx.tooltip);
      this.schedule();
    });
    ui.canvas.addEventListener("click", (e) => {
      const hit = this.hit(e);
      if (hit !== null) this.activate(hit);
    });
    ui.canvas.addEventListener("keydown", (e) => this.key(e));
    ui.lanes.addEventListener("change", () => ctx.store.set({ lanes: ui.lanes.value as LaneGrouping }));
    // The window's days change meaning with the axis: it is cleared.
    ui.timeAxis.addEventListener("change", () =>
      ctx.store.set({ query: withoutFilters(withFilter(ctx.store.get().query, "time", ui.timeAxis.value === "reported" ? "reported" : null), ["from", "to"]) }),
    );
    ui.zoomIn.addEventListener("click", () => this.zoomBy(1.6));
    ui.zoomOut.addEventListener("click", () => this.zoomBy(1 / 1.6));
    ui.zoomReset.addEventListener("click", () => this.showAll());
    new ResizeObserver(() => this.resized()).observe(ui.root);
    onThemeChange(() => {
      this.drawOverview();
      this.schedule();
    });
  }

  update(state: Readonly<AppState>, changed: ReadonlySet<StateKey>): void {
    if (changed.has("lanes")) {
      this.grouping = state.lanes;
      this.ui.lanes.value = state.lanes;
      this.laneCache = null;
      this.schedule();
    }
    if (changed.has("selected")) {
      this.selectedId = state.selected;
      this.schedule();
    }
    if (changed.has("query")) this.ui.timeAxis.value = state.query.time === "reported" ? "reported" : "event";
    if (changed.has("query") || changed.has("revision")) {
      const key = JSON.stringify([withoutFilters(state.query, ["from", "to"]), state.revision]);
      const now = performance.now();
      if (key !== this.loadedKey) {
        this.loadedKey = key;
        this.queryChangedAt = now;
        void this.load(state);
      } else {
        this.applyWindow(state.query.from, state.query.to);
        this.filterDrawPending = now;
        this.schedule();
      }
    }
  }

  /** Resolves once the timeline shows the current query's result (or failed to get it). */
  settled(): Promise<void> {
    if (this.ui.root.dataset.state !== "loading") return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private async load(state: Readonly<AppState>): Promise<void> {
    const token = this.latest.next();
    const query = withoutFilters(state.query, ["from", "to"]);
    const key = this.loadedKey;
    this.ui.root.dataset.state = "loading";
    try {
      let loaded = this.results.get(key);
      if (loaded === undefined) {
        const asked = performance.now();
        const cols = await this.ctx.backend.eventTimeline(query);
        if (!this.latest.current(token)) return;
        // From the request to this code running again: the query, the transfer and any wait for the page's thread.
        this.ui.root.dataset.fetchMs = (performance.now() - asked).toFixed(1);
        loaded = this.derive(cols);
      } else {
        // Most recently used last.
        this.results.delete(key);
      }
      this.results.set(key, loaded);
      for (const old of this.results.keys()) if (this.results.size > CACHED_RESULTS) this.results.delete(old);
      this.use(loaded);
      const cols = loaded.cols;
      this.hovered = null;
      this.filterDrawPending = this.queryChangedAt;
      this.queryChangedAt = null;
      this.computeFull();
      this.ui.root.dataset.state = "ready";
      this.ui.root.dataset.total = String(cols.count);
      // Milliseconds since the page started loading (performance.now()), for start-up measurements.
      this.ui.root.dataset.readyMs ??= performance.now().toFixed(0);
      const empty = cols.count === 0;
      this.ui.empty.hidden = !empty;
      this.ui.empty.textContent = empty
        ? Object.keys(query).length > 0
          ? "No events match these filters."
          : "No events yet — import articles that report dated events."
        : "";
      this.renderLegend();
      this.resized();
      this.applyWindow(this.ctx.store.get().query.from, this.ctx.store.get().query.to, true);
      // Draw the result now rather than at the next animation frame.
      if (this.frame !== 0) cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.draw();
      this.wake();
    } catch (reason) {
      if (!this.latest.current(token)) return;
      this.ui.root.dataset.state = "error";
      this.ui.empty.hidden = false;
      this.ui.empty.textContent = "Could not load the timeline.";
      this.ctx.report(toAppError(reason));
      this.wake();
    }
  }

  /** Computes from a result what the drawing needs: extents and type roots (colours). */
  private derive(cols: TimelineColumns): Loaded {
    const extents = columnExtents(cols);
    const typeIndex = cols.tables.cameos.map((c) => Number.parseInt(cameoRoot(c), 10) || 0);
    const colourIndex = new Uint8Array(cols.count);
    for (let k = 0; k < cols.count; k++) colourIndex[k] = typeIndex[cols.cameo[k] ?? 0] ?? 0;
    return { cols, extents, colourIndex, bins: new Map(), laneCache: null };
  }

  private use(loaded: Loaded): void {
    this.loaded = loaded;
    this.cols = loaded.cols;
    this.extents = loaded.extents;
    this.colourIndex = loaded.colourIndex;
    this.bins = loaded.bins;
    this.laneCache = loaded.laneCache;
  }

  /** Selects the event under a hit, or zooms into a density bucket. */
  private activate(hit: number): void {
    if (hit >= 0) {
      const id = this.cols.id[hit];
      if (id !== undefined) this.ctx.store.set({ selected: id });
      return;
    }
    const bucket = this.buckets[-hit - 1];
    if (bucket === undefined) return;
    const pad = Math.max(DAY, (bucket.end - bucket.start) * 2);
    this.gesture(() => {
      this.setView(bucket.start - pad, bucket.end + pad);
      this.commitWindow();
    });
  }

  /** The data's extent, padded, as the overview's domain and the zoom's reference. */
  private computeFull(): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of this.extents) {
      if (x === null) continue;
      if (x.start < lo) lo = x.start;
      if (x.end > hi) hi = x.end;
    }
    if (!Number.isFinite(lo)) {
      const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
      this.full = [now, now + YEAR];
      return;
    }
    const span = Math.max(hi - lo, 7 * DAY);
    const pad = span * 0.03;
    this.full = [lo - pad, hi + pad];
  }

  private resized(): void {
    const [a, b] = this.viewDomain();
    this.width = Math.max(GUTTER + 10, this.ui.root.clientWidth);
    this.base.domain(this.full).range([GUTTER, this.width]);
    const span = this.full[1] - this.full[0];
    this.zoomer.scaleExtent([span / MAX_VIEW, span / MIN_VIEW]);
    const h = this.ui.overview.clientHeight;
    this.brush.extent([
      [GUTTER, 0],
      [this.width, Math.max(1, h)],
    ]);
    this.brushG.call(this.brush);
    this.setView(a, b);
    this.drawOverview();
    this.schedule();
  }

  /** The visible window as ISO days (inclusive), for exporting "the current view". */
  visibleWindow(): { from: string; to: string } {
    const [a, b] = this.viewDomain();
    return { from: formatDay(a), to: formatDay(Math.max(a, b - 1)) };
  }

  /** The visible time window [start, end) in ms. */
  private viewDomain(): [number, number] {
    const [a, b] = this.transform.rescaleX(this.base).domain();
    return [a?.getTime() ?? this.full[0], b?.getTime() ?? this.full[1]];
  }

  /** Moves the view to [a, b) without telling the store. */
  private setView(a: number, b: number): void {
    const span = this.full[1] - this.full[0];
    const k = span / Math.max(MIN_VIEW, b - a);
    const t = zoomIdentity.translate(GUTTER - k * this.base(a), 0).scale(k);
    this.syncing = true;
    try {
      select(this.ui.canvas).call(this.zoomer.transform, t);
    } finally {
      this.syncing = false;
    }
    this.syncBrush();
  }

  /** Follows the store's window (date inputs, chips, clear all). */
  private applyWindow(from: string | undefined, to: string | undefined, force = false): void {
    const a = from === undefined ? null : parseDay(from);
    const b = to === undefined ? null : parseDay(to);
    if (a === null && b === null) {
      if (force || this.hasWindow()) this.setView(this.full[0], this.full[1]);
      return;
    }
    const start = a ?? this.full[0];
    const end = b === null ? this.full[1] : b + DAY;
    const [va, vb] = this.viewDomain();
    if (!force && formatDay(va) === formatDay(start) && formatDay(vb - 1) === formatDay(end - 1)) return;
    this.setView(start, end);
  }

  private hasWindow(): boolean {
    const [a, b] = this.viewDomain();
    return a > this.full[0] + 1 || b < this.full[1] - 1;
  }

  private zoomed(e: D3ZoomEvent<HTMLCanvasElement, unknown>): void {
    this.transform = e.transform;
    this.schedule();
    if (this.syncing) return;
    this.syncBrush();
    if (e.sourceEvent !== null || this.userGesture) this.commitWindow();
  }

  /** Writes the visible window to the store, debounced while a gesture goes on. */
  private commitWindow(): void {
    const [a, b] = this.viewDomain();
    if (a <= this.full[0] && b >= this.full[1]) this.ctx.store.setWindow(null, null, WINDOW_DEBOUNCE_MS);
    else this.ctx.store.setWindow(formatDay(a), formatDay(b - 1), WINDOW_DEBOUNCE_MS);
  }

  private syncBrush(): void {
    const [a, b] = this.viewDomain();
    const full = a <= this.full[0] + 1 && b >= this.full[1] - 1;
    this.syncing = true;
    try {
      if (full) this.brushG.call(this.brush.move, null);
      else this.brushG.call(this.brush.move, [Math.max(GUTTER, this.base(a)), Math.min(this.width, this.base(b))]);
    } finally {
      this.syncing = false;
    }
    this.ui.windowLabel.textContent = full ? `All dates · ${fmtDay(a)} – ${fmtDay(b)}` : `${fmtDay(a)} – ${fmtDay(b - 1)}`;
    // Cut short in a narrow window: the whole text on hover.
    this.ui.windowLabel.title = this.ui.windowLabel.textContent;
  }

  private brushed(e: D3BrushEvent<unknown>): void {
    if (this.syncing || e.sourceEvent === null || e.sourceEvent === undefined) return;
    const sel = e.selection as [number, number] | null;
    if (sel === null) {
      this.setView(this.full[0], this.full[1]);
      this.ctx.store.setWindow(null, null);
      return;
    }
    const a = this.base.invert(sel[0]).getTime();
    const b = this.base.invert(sel[1]).getTime();
    if (b - a < MIN_VIEW) return;
    this.syncing = true;
    try {
      const span = this.full[1] - this.full[0];
      const k = span / (b - a);
      select(this.ui.canvas).call(this.zoomer.transform, zoomIdentity.translate(GUTTER - k * this.base(a), 0).scale(k));
    } finally {
      this.syncing = false;
    }
    this.ui.windowLabel.textContent = `${fmtDay(a)} – ${fmtDay(b - 1)}`;
    this.ui.windowLabel.title = this.ui.windowLabel.textContent;
    this.ctx.store.setWindow(formatDay(a), formatDay(b - 1), e.type === "end" ? 0 : WINDOW_DEBOUNCE_MS);
  }

  private gesture(fn: () => void): void {
    this.userGesture = true;
    try {
      fn();
    } finally {
      this.userGesture = false;
    }
  }

  private zoomBy(k: number): void {
    const centre = (GUTTER + this.width) / 2;
    this.gesture(() => this.zoomer.scaleBy(select(this.ui.canvas), k, [centre, 0]));
  }

  private showAll(): void {
    this.setView(this.full[0], this.full[1]);
    this.ctx.store.setWindow(null, null);
  }

  private key(e: KeyboardEvent): void {
    const pan = (this.width - GUTTER) * 0.15;
    switch (e.key) {
      case "+":
      case "=":
        this.zoomBy(1.6);
        break;
      case "-":
      case "_":
        this.zoomBy(1 / 1.6);
        break;
      case "ArrowLeft":
        this.gesture(() => this.zoomer.translateBy(select(this.ui.canvas), pan / this.transform.k, 0));
        break;
      case "ArrowRight":
        this.gesture(() => this.zoomer.translateBy(select(this.ui.canvas), -pan / this.transform.k, 0));
        break;
      case "Home":
        this.showAll();
        break;
      case "Enter":
        if (this.hovered !== null) this.activate(this.hovered);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  private hit(e: MouseEvent): number | null {
    const rect = this.ui.canvas.getBoundingClientRect();
    return this.grid.query(e.clientX - rect.left, e.clientY - rect.top, 3);
  }

  private pointerMoved(e: PointerEvent): void {
    if (e.buttons !== 0) {
      hideTooltip(this.ctx.tooltip);
      return;
    }
    const hit = this.hit(e);
    if (hit !== this.hovered) {
      this.hovered = hit;
      this.schedule();
    }
    this.ui.canvas.style.cursor = hit === null ? "" : "pointer";
    if (hit === null || hit >= this.cols.count) {
      hideTooltip(this.ctx.tooltip);
      return;
    }
    if (hit < 0) {
      const bucket = this.buckets[-hit - 1];
      if (bucket === undefined) return hideTooltip(this.ctx.tooltip);
      const last = Math.max(bucket.start, bucket.end - DAY);
      const span = fmtDay(bucket.start) === fmtDay(last) ? fmtDay(bucket.start) : `${fmtDay(bucket.start)} – ${fmtDay(last)}`;
      showTooltip(this.ctx.tooltip, e.clientX, e.clientY, `${bucket.count.toLocaleString("en")} events`, [span, "Click to zoom in"]);
      return;
    }
    const ev = rowAt(this.cols, hit);
    const x = this.extents[hit];
    const lines = [
      `${cameoRoot(ev.cameo)} ${cameoName(ev.cameo)}${ev.modality === "asserted" ? "" : ` · ${ev.modality}`}`,
      ev.participants.length > 0 ? ev.participants.map((p) => `${p.actor} (${p.role})`).join(", ") : "no actors",
      ev.places.length > 0 ? `in ${ev.places.join(", ")}` : "",
      `${ev.article_title}${ev.publisher === null ? "" : ` — ${ev.publisher}`}`,
      ev.reports > 1 ? `${ev.reports} reports (from ${ev.reports} articles)` : "",
      "Click for details",
    ].filter((l) => l !== "");
    const when = x?.certainty === "before" ? formatEventDate(ev) : `${formatEventDate(ev)} · ${x === null || x === undefined ? "undated" : certaintyLabel(x.certainty)}`;
    showTooltip(this.ctx.tooltip, e.clientX, e.clientY, when, lines);
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private lanes(height: number): LaneCache {
    const topN = Math.max(1, Math.floor((height - AXIS_H) / MIN_LANE_H) - 1);
    const key = `${this.grouping}:${topN}`;
    if (this.laneCache !== null && this.laneCache.key === key) return this.laneCache;
    const c = this.cols;
    const by = this.grouping;
    const keysAt = (k: number): string[] => {
      const article = c.tables.articles[c.article[k] ?? 0];
      return laneKeys({ actors: by === "actor" ? actorsAt(c, k) : [], places: by === "place" ? placesAt(c, k) : [], cameo: c.tables.cameos[c.cameo[k] ?? 0] ?? "", publisher: article?.publisher ?? null }, by);
    };
    const layout = buildLanesOf(c.count, keysAt, by, Math.min(topN, 14));
    const members: number[][] = layout.lanes.map(() => []);
    for (const item of layout.items) members[item.lane]?.push(item.event);
    this.laneCache = { key, lanes: layout.lanes, members };
    if (this.loaded !== null) this.loaded.laneCache = this.laneCache;
    return this.laneCache;
  }

  private labelText(k: number, lane: Lane): string {
    const ev = { cameo: this.cols.tables.cameos[this.cols.cameo[k] ?? 0] ?? "", actors: actorsAt(this.cols, k) };
    const type = cameoName(ev.cameo).replace(/^(Make public |Engage in |Express intent to |Exhibit |Use unconventional )/, "");
    const others = ev.actors.filter((a) => a !== lane.key);
    switch (this.grouping) {
      case "actor":
        return others.length > 0 ? `${type}: ${others.join(", ")}` : type;
      case "type":
        return ev.actors.join(", ") || "—";
      default:
        return ev.actors.length > 0 ? `${type}: ${ev.actors[0]}` : type;
    }
  }

  private draw(): void {
    const started = performance.now();
    const { width, height, ctx } = fitCanvas(this.ui.canvas);
    if (ctx === null) return;
    const t = theme();
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = t.surface;
    ctx.fillRect(0, 0, width, height);
    const xs = this.transform.rescaleX(this.base);
    const [d0, d1] = this.viewDomain();
    // The scale is linear: x = a·t + b, inlined in the per-event loop.
    const a = (width - GUTTER) / (d1 - d0);
    const b = GUTTER - a * d0;
    const cache = this.lanes(height);
    const laneCount = Math.max(1, cache.lanes.length);
    const laneH = (height - AXIS_H) / laneCount;

    // Axis: context row (months for days, days for hours...), tick row, grid lines.
    const spec = chooseTickSpec(d1 - d0, width - GUTTER);
    const ticks = tickTimes(d0, d1, spec);
    ctx.font = `11px ${t.font}`;
    ctx.textBaseline = "middle";
    ctx.strokeStyle = t.rule;
    ctx.lineWidth = 1;
    for (const tick of ticks) {
      const x = Math.round(xs(tick)) + 0.5;
      if (x < GUTTER) continue;
      ctx.beginPath();
      ctx.moveTo(x, AXIS_H - 8);
      ctx.lineTo(x, height);
      ctx.stroke();
      ctx.fillStyle = t.muted;
      // A label that would run past the right edge is left out rather than cut.
      const label = tickLabel(tick, spec);
      if (x + 3 + ctx.measureText(label).width <= width - 2) ctx.fillText(label, x + 3, AXIS_H - 9);
    }
    const context = contextSpec(spec);
    if (context !== null) {
      const starts = contextTimes(d0, d1, context.unit);
      ctx.fillStyle = t.text;
      ctx.font = `600 11px ${t.font}`;
      starts.forEach((s, i) => {
        const x = Math.max(GUTTER + 3, xs(s) + 3);
        const next = starts[i + 1];
        const room = (next === undefined ? width : xs(next)) - x;
        const label = context.label(s);
        if (room > label.length * LABEL_CHAR_PX * 0.8) ctx.fillText(label, x, 10);
        if (xs(s) >= GUTTER) {
          ctx.strokeStyle = t.muted;
          ctx.beginPath();
          ctx.moveTo(Math.round(xs(s)) + 0.5, 2);
          ctx.lineTo(Math.round(xs(s)) + 0.5, AXIS_H);
          ctx.stroke();
        }
      });
    }
    ctx.strokeStyle = t.rule;
    ctx.beginPath();
    ctx.moveTo(GUTTER, AXIS_H + 0.5);
    ctx.lineTo(width, AXIS_H + 0.5);
    ctx.stroke();

    // Lanes and marks.
    const grid = new HitGrid<number>(24);
    const dots = new Map<string, Path2D>();
    const solids = new Map<string, Path2D>();
    const coarse = new Map<string, Path2D>();
    const whiskers = new Map<string, Path2D>();
    const dashed = new Map<string, Path2D>();
    const path = (m: Map<string, Path2D>, colour: string) => {
      let p = m.get(colour);
      if (p === undefined) {
        p = new Path2D();
        m.set(colour, p);
      }
      return p;
    };
    const candidates: Array<LabelCandidate<string>> = [];
    const obstacles: Array<{ x: number; y: number; width: number; height: number }> = [];
    const highlight: Array<{ shape: Shape; x0: number; x1: number; y: number; selected: boolean }> = [];
    let drawn = 0;
    // Which events were drawn (an event with two actors is in two lanes), and how many.
    const drawnMark = new Uint8Array(this.cols.count);
    let drawnEvents = 0;
    const density = new Map<string, Path2D>();
    const buckets: Array<{ start: number; end: number; count: number }> = [];
    const bucketCount = Math.max(1, Math.ceil((width - GUTTER) / BUCKET_PX));
    // Events of each lane in the visible window (the gutter shows them when zoomed in).
    const inView: number[] = cache.lanes.map(() => 0);
    const zoomedIn = this.hasWindow();

    cache.lanes.forEach((lane, li) => {
      const top = AXIS_H + li * laneH;
      if (li % 2 === 1) {
        ctx.fillStyle = t.surface2;
        ctx.globalAlpha = 0.55;
        ctx.fillRect(GUTTER, top, width - GUTTER, laneH);
        ctx.globalAlpha = 1;
      }
      const members = cache.members[li] ?? [];
      const visible: number[] = [];
      for (const ei of members) {
        const x = this.extents[ei];
        if (x === null || x === undefined || x.end < d0 || x.start > d1) continue;
        visible.push(ei);
        if (drawnMark[ei] === 0) {
          drawnMark[ei] = 1;
          drawnEvents += 1;
        }
      }
      drawn += visible.length;
      inView[li] = visible.length;
      if (visible.length > DENSE_AT) {
        // Too many to tell apart: a density strip, one bar per few pixels, as tall as
        // the square root of its count and coloured by its commonest event type.
        const counts = new Uint32Array(bucketCount);
        const types = new Uint32Array(bucketCount * 21);
        for (const ei of visible) {
          const x = this.extents[ei];
          if (x === null || x === undefined) continue;
          const mid = a * ((x.start + x.end) / 2) + b;
          const bi = Math.min(bucketCount - 1, Math.max(0, Math.floor((mid - GUTTER) / BUCKET_PX)));
          counts[bi] = (counts[bi] ?? 0) + 1;
          const ti = bi * 21 + (this.colourIndex[ei] ?? 0);
          types[ti] = (types[ti] ?? 0) + 1;
        }
        let max = 1;
        for (const n of counts) if (n > max) max = n;
        const bottom = top + laneH - 3;
        const room = Math.max(4, laneH - 8);
        for (let bi = 0; bi < bucketCount; bi++) {
          const n = counts[bi] ?? 0;
          if (n === 0) continue;
          let best = 0;
          for (let ti = 1; ti < 21; ti++) if ((types[bi * 21 + ti] ?? 0) > (types[bi * 21 + best] ?? 0)) best = ti;
          const h = Math.max(2, room * Math.sqrt(n / max));
          const x0 = GUTTER + bi * BUCKET_PX;
          path(density, ROOT_COLOURS[best] ?? "#888").rect(x0, bottom - h, BUCKET_PX - 0.6, h);
          buckets.push({ start: (x0 - b) / a, end: (x0 + BUCKET_PX - b) / a, count: n });
          grid.insert(x0, bottom - room, x0 + BUCKET_PX, bottom, -buckets.length);
        }
        return;
      }
      const idx: number[] = [];
      const shapes: Shape[] = [];
      const spans: Array<[number, number]> = [];
      for (const ei of visible) {
        const x = this.extents[ei];
        if (x === null || x === undefined) continue;
        const x0 = a * x.start + b;
        const x1 = a * x.end + b;
        let shape: Shape;
        let span: [number, number];
        const mid = (x0 + x1) / 2;
        switch (x.certainty) {
          case "exact":
            shape = x1 - x0 >= 8 ? "solid" : "dot";
            span = shape === "solid" ? [x0 + 1, x1 - 1] : [mid - 4, mid + 4];
            break;
          case "coarse":
            shape = "coarse";
            span = [x0, Math.max(x1, x0 + 5)];
            break;
          case "range":
            shape = "range";
            span = [x0, Math.max(x1, x0 + 5)];
            break;
          case "before":
            shape = "before";
            span = [mid - 26, mid + 3];
            break;
          case "after":
            shape = "after";
            span = [mid - 3, mid + 26];
            break;
        }
        idx.push(ei);
        shapes.push(shape);
        spans.push(span);
      }
      const maxRows = Math.max(1, Math.floor((laneH - 6) / ROW_H));
      const rows = packRows(spans, maxRows, 1);
      const usedRows = Math.min(maxRows, rows.reduce((m, r) => Math.max(m, r + 1), 1));
      const rowTop = top + (laneH - usedRows * ROW_H) / 2;
      const centres: Array<{ x: number; k: number }> = [];
      // Zoomed out, thousands of marks share a pixel: draw (and hit-test) each
      // pixel, row, shape and colour once.
      const seen = new Set<number>();
      idx.forEach((ei, k) => {
        const id = this.cols.id[ei];
        const colour = ROOT_COLOURS[this.colourIndex[ei] ?? 0] ?? "#888";
        const [x0, x1] = spans[k] ?? [0, 0];
        const y = rowTop + (rows[k] ?? 0) * ROW_H + ROW_H / 2;
        const shape = shapes[k] ?? "dot";
        centres.push({ x: (x0 + x1) / 2, k });
        const isSelected = id === this.selectedId || ei === this.hovered;
        const pixel = ((((Math.round(x0) + 8192) * 32768 + (Math.round(x1) + 8192)) * 64 + (rows[k] ?? 0)) * 32 + (this.colourIndex[ei] ?? 0)) * 8 + SHAPES[shape];
        if (seen.has(pixel) && !isSelected) return;
        seen.add(pixel);
        switch (shape) {
          case "dot": {
            const p = path(dots, colour);
            p.moveTo((x0 + x1) / 2 + 3.6, y);
            p.arc((x0 + x1) / 2, y, 3.6, 0, Math.PI * 2);
            break;
          }
          case "solid":
            path(solids, colour).rect(x0, y - 3.5, x1 - x0, 7);
            break;
          case "coarse":
            path(coarse, colour).rect(x0 + 0.5, y - 3.5, x1 - x0 - 1, 7);
            break;
          case "range": {
            const p = path(whiskers, colour);
            p.moveTo(x0 + 0.5, y);
            p.lineTo(x1 - 0.5, y);
            p.moveTo(x0 + 0.5, y - 3.5);
            p.lineTo(x0 + 0.5, y + 3.5);
            p.moveTo(x1 - 0.5, y - 3.5);
            p.lineTo(x1 - 0.5, y + 3.5);
            break;
          }
          case "before":
          case "after": {
            const known = shape === "before" ? x1 - 3 : x0 + 3;
            const far = shape === "before" ? x0 : x1;
            const p = path(dashed, colour);
            p.moveTo(far, y);
            p.lineTo(known, y);
            const w = path(whiskers, colour);
            w.moveTo(known, y - 4);
            w.lineTo(known, y + 4);
            break;
          }
        }
        grid.insert(x0, y - 5, x1, y + 5, ei);
        if (isSelected) highlight.push({ shape, x0, x1, y, selected: id === this.selectedId });
      });

      // Labels: dense runs collapse to "+N", isolated marks get a short text.
      centres.sort((a, b) => a.x - b.x);
      const runs = clusterRuns(centres.map((c) => c.x), 7);
      const manyMarks = idx.length > 1500;
      for (const [first, last] of runs) {
        const size = last - first + 1;
        const lastK = centres[last]?.k ?? 0;
        const right = spans[lastK]?.[1] ?? 0;
        const y = rowTop + (rows[lastK] ?? 0) * ROW_H + ROW_H / 2;
        if (size >= 3) {
          const text = `+${size}`;
          candidates.push({ x: right + 3, y: y - 6, width: text.length * LABEL_CHAR_PX + 2, height: 12, priority: 10 + size, data: text });
          continue;
        }
        if (manyMarks) continue;
        for (let i = first; i <= last; i++) {
          const k = centres[i]?.k ?? 0;
          const ei = idx[k] ?? 0;
          const text = clip(this.labelText(ei, lane), 34);
          const r = spans[k]?.[1] ?? 0;
          const yy = rowTop + (rows[k] ?? 0) * ROW_H + ROW_H / 2;
          candidates.push({ x: r + 4, y: yy - 6, width: text.length * LABEL_CHAR_PX, height: 12, priority: this.cols.confidence[ei] ?? 0, data: text });
        }
      }
      // Labels keep off the marks themselves, unless there are too many to care.
      if (idx.length < 1500) {
        spans.forEach(([x0, x1], k) => {
          const y = rowTop + (rows[k] ?? 0) * ROW_H + ROW_H / 2;
          obstacles.push({ x: x0, y: y - 4, width: x1 - x0, height: 8 });
        });
      }
    });

    ctx.globalAlpha = 0.85;
    for (const [colour, p] of density) {
      ctx.fillStyle = colour;
      ctx.fill(p);
    }
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1;
    for (const [colour, p] of coarse) {
      ctx.fillStyle = colour;
      ctx.globalAlpha = 0.28;
      ctx.fill(p);
      ctx.globalAlpha = 0.9;
      ctx.strokeStyle = colour;
      ctx.stroke(p);
    }
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1.6;
    for (const [colour, p] of whiskers) {
      ctx.strokeStyle = colour;
      ctx.stroke(p);
    }
    ctx.setLineDash([2, 2]);
    for (const [colour, p] of dashed) {
      ctx.strokeStyle = colour;
      ctx.stroke(p);
    }
    ctx.setLineDash([]);
    for (const [colour, p] of solids) {
      ctx.fillStyle = colour;
      ctx.fill(p);
    }
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = t.surface;
    for (const [colour, p] of dots) {
      ctx.fillStyle = colour;
      ctx.fill(p);
      ctx.stroke(p);
    }
    for (const h of highlight) {
      ctx.strokeStyle = h.selected ? t.accent : t.text;
      ctx.lineWidth = h.selected ? 2.2 : 1.2;
      ctx.beginPath();
      if (h.shape === "dot") ctx.arc((h.x0 + h.x1) / 2, h.y, 6, 0, Math.PI * 2);
      else ctx.rect(h.x0 - 2, h.y - 6, h.x1 - h.x0 + 4, 12);
      ctx.stroke();
    }

    const placed = placeLabels(candidates, {
      obstacles,
      bounds: { x: GUTTER, y: AXIS_H, width: width - GUTTER, height: height - AXIS_H },
      pad: 1,
    });
    ctx.font = `11px ${t.font}`;
    ctx.textBaseline = "middle";
    for (const l of placed) {
      ctx.fillStyle = l.data.startsWith("+") ? t.muted : t.text;
      ctx.fillText(l.data, l.x, l.y + 6);
    }

    // Gutter with lane names and counts, drawn last so marks slide under it.
    ctx.fillStyle = t.surface2;
    ctx.fillRect(0, 0, GUTTER, height);
    ctx.strokeStyle = t.rule;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(GUTTER - 0.5, 0);
    ctx.lineTo(GUTTER - 0.5, height);
    ctx.stroke();
    ctx.fillStyle = t.muted;
    ctx.font = `600 10px ${t.font}`;
    ctx.fillText(`${this.grouping.toUpperCase()}S`.replace("TYPES", "EVENT TYPES"), 8, AXIS_H / 2);
    cache.lanes.forEach((lane, li) => {
      const top = AXIS_H + li * laneH;
      ctx.strokeStyle = t.rule;
      ctx.beginPath();
      ctx.moveTo(0, Math.round(top) + 0.5);
      ctx.lineTo(width, Math.round(top) + 0.5);
      ctx.stroke();
      // Zoomed in, a lane counts the events in view (as the facets do); otherwise all of its events.
      const count = (zoomedIn ? (inView[li] ?? 0) : lane.count).toLocaleString("en");
      ctx.font = `11px ${t.font}`;
      ctx.fillStyle = t.muted;
      const countW = ctx.measureText(count).width;
      ctx.fillText(count, GUTTER - 8 - countW, top + laneH / 2);
      ctx.fillStyle = lane.other ? t.muted : t.text;
      ctx.font = lane.other ? `italic 11px ${t.font}` : `11px ${t.font}`;
      ctx.fillText(clip(lane.label, Math.floor((GUTTER - 24 - countW) / LABEL_CHAR_PX)), 8, top + laneH / 2);
    });

    this.grid = grid;
    this.buckets = buckets;
    this.ui.canvas.dataset.count = String(drawn);
    this.ui.canvas.dataset.events = String(drawnEvents);
    this.ui.canvas.dataset.lanes = String(cache.lanes.length);
    // How long a frame took, so a performance check can read it from outside.
    const done = performance.now();
    this.ui.canvas.dataset.drawMs = (done - started).toFixed(1);
    if (this.filterDrawPending !== null) {
      // From the query change to this frame with its result (query, shaping and drawing).
      this.ui.root.dataset.filterMs = (done - this.filterDrawPending).toFixed(1);
      this.filterSeq += 1;
      this.ui.root.dataset.filterSeq = String(this.filterSeq);
      this.filterDrawPending = null;
    }
  }

  private drawOverview(): void {
    const { width, height, ctx } = fitCanvas(this.ui.overviewCanvas);
    if (ctx === null) return;
    const t = theme();
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = t.surface2;
    ctx.fillRect(0, 0, GUTTER, height);
    ctx.fillStyle = t.muted;
    ctx.font = `600 10px ${t.font}`;
    ctx.textBaseline = "middle";
    // Bars of at least three pixels: days for a week of news, months for years of it.
    const unit = chooseBinUnit(this.full[1] - this.full[0], Math.max(1, Math.floor((width - GUTTER) / 3)));
    let bins = this.bins.get(unit);
    if (bins === undefined) {
      bins = densityBins(this.extents, unit);
      this.bins.set(unit, bins);
    }
    this.ui.overviewCanvas.dataset.unit = unit;
    this.ui.overviewCanvas.dataset.bins = String(bins.length);
    ctx.fillText(`EVENTS / ${unit.toUpperCase()}`, 8, height / 2 - 6);
    const max = bins.reduce((m, b) => Math.max(m, b.count), 0);
    ctx.font = `10px ${t.font}`;
    ctx.fillText(max > 0 ? `max ${max.toLocaleString("en")}` : "", 8, height / 2 + 8);
    const barTop = 4;
    const barH = height - 16;
    ctx.fillStyle = t.accent;
    ctx.globalAlpha = 0.55;
    for (const b of bins) {
      const x0 = this.base(b.start);
      const x1 = this.base(b.end);
      const h = max === 0 ? 0 : Math.max(2, (b.count / max) * barH);
      ctx.fillRect(x0 + 0.5, barTop + barH - h, Math.max(1, x1 - x0 - 1), h);
    }
    ctx.globalAlpha = 1;
    const spec = chooseTickSpec(this.full[1] - this.full[0], width - GUTTER, 60);
    ctx.fillStyle = t.muted;
    ctx.strokeStyle = t.rule;
    ctx.textBaseline = "alphabetic";
    for (const tick of tickTimes(this.full[0], this.full[1], spec)) {
      const x = Math.round(this.base(tick)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(x, height - 12);
      ctx.lineTo(x, height);
      ctx.stroke();
      ctx.fillText(tickLabel(tick, spec), x + 2, height - 2);
    }
  }

  private renderLegend(): void {
    const counts = new Map<string, number>();
    const c = this.cols;
    const perType = new Uint32Array(c.tables.cameos.length);
    for (let k = 0; k < c.count; k++) perType[c.cameo[k] ?? 0] = (perType[c.cameo[k] ?? 0] ?? 0) + 1;
    c.tables.cameos.forEach((code, t) => {
      const r = cameoRoot(code);
      counts.set(r, (counts.get(r) ?? 0) + (perType[t] ?? 0));
    });
    const items = CAMEO_ROOTS.filter((r) => counts.has(r.code)).map((r) => {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = r.color;
      return el("span", { class: "item", title: `${codeLabel(r.code)}: ${counts.get(r.code) ?? 0} events` }, swatch, `${r.code} ${r.name}`);
    });
    const glyph = (cls: string, text: string) => el("span", { class: "item" }, el("span", { class: `glyph ${cls}` }), text);
    this.ui.legend.replaceChildren(
      ...items,
      ...(items.length > 0 ? [el("span", { class: "sep" }, "|")] : []),
      glyph("exact", "exact day"),
      glyph("coarse", "week / month"),
      glyph("range", "range, on or before"),
    );
  }
}
