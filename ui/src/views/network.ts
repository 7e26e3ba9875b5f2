// The actor network on a canvas. Layout by d3-force, advanced a few
// milliseconds per frame so the window stays responsive, and seeded from the
// previous picture so re-querying (a new date window) keeps actors in place.
// The network is loaded without the actor filter: the selected actor is
// highlighted (and the ego toggle shows its neighbourhood) in context.
import { select } from "d3-selection";
import type { Simulation } from "d3-force";
import { type D3ZoomEvent, zoom, type ZoomBehavior, zoomIdentity, type ZoomTransform } from "d3-zoom";
import type { NetworkNode, NetworkView as NetworkData } from "../bindings";
import { toAppError } from "../backend";
import { mulberry32 } from "../random";
import { el } from "../dom";
import { type AppState, Latest, OneAtATime, type StateKey, withoutFilters } from "../state";
import { clip, fitCanvas, hideTooltip, onThemeChange, showTooltip, theme } from "../viz/canvas";
import { HitGrid } from "../viz/hitgrid";
import { type LabelCandidate, placeLabels } from "../viz/labels";
import { createLayout, type LayoutLink, type LayoutNode, type Pos, seedPositions, startAlpha, tickFor } from "../viz/network/layout";
import type { View, ViewContext } from "./context";

interface Elements {
  root: HTMLElement;
  canvas: HTMLCanvasElement;
  empty: HTMLElement;
  legend: HTMLElement;
  size: HTMLSelectElement;
  colour: HTMLSelectElement;
  ego: HTMLInputElement;
  info: HTMLElement;
}

type SizeMeasure = "events" | "degree" | "pagerank" | "betweenness";

// Okabe–Ito, readable on light and dark grounds; grey for the rest.
const COMMUNITY_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#8c6bb1"];
const KIND_COLOURS: Record<string, string> = { person: "#0072b2", organisation: "#e69f00", country: "#009e73", group: "#cc79a7" };
const REST = "#9a9a9a";
const LABELS = 40;
/** While the layout moves, only this many of the strongest links are drawn; all once it settles. */
const MOVING_LINKS = 3_000;
/** While the layout moves, one frame in this many is drawn. */
const MOVING_FRAME_EVERY = 3;

export class NetworkView implements View {
  private data: NetworkData = { nodes: [], edges: [], omitted: 0 };
  private nodes: LayoutNode[] = [];
  private links: LayoutLink[] = [];
  /** The links drawn once while the layout rests (see draw); `key` says for which picture. */
  private readonly edgeLayer = { canvas: document.createElement("canvas"), key: "" };
  /** Bumped whenever node positions change. */
  private layoutVersion = 0;
  /** Indexes of `links`, strongest first. */
  private linkOrder: number[] = [];
  private byId = new Map<string, NetworkNode>();
  private neighbours = new Map<string, Set<string>>();
  private positions = new Map<string, Pos>();
  private sim: Simulation<LayoutNode, LayoutLink> | null = null;
  private transform: ZoomTransform = zoomIdentity;
  private readonly zoomer: ZoomBehavior<HTMLCanvasElement, unknown>;
  private fitted = false;
  private grid = new HitGrid<string>(24);
  private hovered: string | null = null;
  private selected: string | null = null;
  private readonly latest = new Latest();
  private readonly loads = new OneAtATime();
  private loadedKey = "";
  private frame = 0;
  private frames = 0;
  private readonly random = mulberry32(11);

  constructor(private readonly ctx: ViewContext, private readonly ui: Elements) {
    this.zoomer = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 12])
      .on("zoom", (e: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        this.transform = e.transform;
        this.schedule();
      });
    select(ui.canvas).call(this.zoomer).on("dblclick.zoom", () => this.fit());
    ui.canvas.addEventListener("pointermove", (e) => this.pointerMoved(e));
    ui.canvas.addEventListener("pointerleave", () => {
      this.hovered = null;
      hideTooltip(ctx.tooltip);
      this.schedule();
    });
    ui.canvas.addEventListener("click", (e) => {
      const hit = this.hit(e);
      if (hit !== null) ctx.store.setFilter("actor", hit === this.selected ? null : hit);
    });
    ui.canvas.addEventListener("keydown", (e) => {
      if (e.key === "Home") {
        this.fit();
        e.preventDefault();
      }
    });
    ui.size.addEventListener("change", () => {
      this.applySizes();
      this.renderLegend();
      this.schedule();
    });
    ui.colour.addEventListener("change", () => {
      this.renderLegend();
      this.schedule();
    });
    ui.ego.addEventListener("change", () => this.schedule());
    new ResizeObserver(() => {
      if (!this.fitted && this.nodes.length > 0 && ui.root.clientWidth > 0) this.fit(false);
      this.schedule();
    }).observe(ui.root);
    onThemeChange(() => this.schedule());
  }

  /** The layout on screen, by actor name (an exported chart draws the same picture). */
  layoutPositions(): Map<string, { x: number; y: number }> {
    return new Map(this.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
  }

  /** Who is linked to whom on screen. */
  linkedActors(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.neighbours;
  }

  update(state: Readonly<AppState>, changed: ReadonlySet<StateKey>): void {
    if (changed.has("query")) {
      this.selected = state.query.actor ?? null;
      this.schedule();
    }
    if (changed.has("query") || changed.has("revision")) {
      const query = withoutFilters(state.query, ["actor"]);
      const key = JSON.stringify([query, state.revision]);
      if (key !== this.loadedKey) {
        this.loadedKey = key;
        this.ui.root.dataset.state = "loading";
        this.loads.run(() => this.load(query));
      }
    }
  }

  private async load(query: AppState["query"]): Promise<void> {
    const token = this.latest.next();
    this.ui.root.dataset.state = "loading";
    try {
      const data = await this.ctx.backend.networkGet(query);
      if (!this.latest.current(token)) return;
      this.setData(data);
      this.ui.root.dataset.state = "ready";
    } catch (reason) {
      if (!this.latest.current(token)) return;
      this.ui.root.dataset.state = "error";
      this.ctx.report(toAppError(reason));
    }
  }

  private setData(data: NetworkData): void {
    this.sim?.stop();
    this.data = data;
    this.byId = new Map(data.nodes.map((n) => [n.actor, n]));
    this.neighbours = new Map(data.nodes.map((n) => [n.actor, new Set<string>()]));
    for (const e of data.edges) {
      this.neighbours.get(e.source)?.add(e.target);
      this.neighbours.get(e.target)?.add(e.source);
    }
    const ids = data.nodes.map((n) => n.actor);
    const known = ids.filter((id) => this.positions.has(id)).length;
    const seeded = seedPositions(ids, data.edges, this.positions, this.random);
    this.nodes = ids.map((id) => {
      const p = seeded.get(id) ?? { x: 0, y: 0 };
      return { id, radius: 4, x: p.x, y: p.y };
    });
    this.links = data.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
    this.linkOrder = this.links.map((_, i) => i).sort((a, b) => (this.links[b]?.weight ?? 0) - (this.links[a]?.weight ?? 0));
    this.applySizes();
    this.sim = createLayout(this.nodes, this.links, startAlpha(known, ids.length));
    this.ui.empty.hidden = data.nodes.length > 0;
    this.ui.empty.textContent = "No actors in the selected events.";
    this.ui.info.textContent = `${data.nodes.length.toLocaleString("en")} actors · ${data.edges.length.toLocaleString("en")} links${data.omitted > 0 ? ` · ${data.omitted.toLocaleString("en")} less central left out` : ""}`;
    this.renderLegend();
    if (!this.fitted) this.fit(false);
    this.run();
  }

  /** Advances the layout a few milliseconds per frame until it settles. */
  private run(): void {
    const sim = this.sim;
    if (sim === null) return;
    let moving = 0;
    const step = () => {
      if (this.sim !== sim) return;
      const started = performance.now();
      const more = tickFor(sim, 8);
      this.layoutVersion += 1;
      for (const n of this.nodes) this.positions.set(n.id, { x: n.x, y: n.y });
      // The first picture follows the layout as it unfolds; later ones keep the user's view.
      if (!this.fitted) this.fit(!more);
      // While it moves, a picture every few frames is enough, and leaves the page's thread
      // free for the other views (drawing thousands of links is the costly part).
      this.ui.canvas.dataset.layout = more ? "running" : "settled";
      moving += 1;
      if (!more || moving % MOVING_FRAME_EVERY === 1) {
        this.draw();
        this.frameTook(started);
      }
      if (more) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  private measure(n: NetworkNode): number {
    switch (this.ui.size.value as SizeMeasure) {
      case "degree":
        return n.degree;
      case "pagerank":
        return n.pagerank;
      case "betweenness":
        return n.betweenness;
      default:
        return n.events;
    }
  }

  private applySizes(): void {
    const max = this.data.nodes.reduce((m, n) => Math.max(m, this.measure(n)), 0);
    for (const node of this.nodes) {
      const n = this.byId.get(node.id);
      const v = n === undefined || max === 0 ? 0 : this.measure(n) / max;
      node.radius = 3 + 15 * Math.sqrt(v);
    }
  }

  private colour(n: NetworkNode): string {
    if (this.ui.colour.value === "kind") return KIND_COLOURS[n.kind] ?? REST;
    return COMMUNITY_COLOURS[n.community] ?? REST;
  }

  /** Fits the whole picture into the canvas; `final` ends the automatic fitting of the first layout. */
  private fit(final = true): void {
    const w = this.ui.canvas.clientWidth;
    // Keep the picture clear of the floating legend at the bottom.
    const h = this.ui.canvas.clientHeight - this.ui.legend.offsetHeight - 8;
    if (w === 0 || h <= 0 || this.nodes.length === 0) return;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of this.nodes) {
      x0 = Math.min(x0, n.x - n.radius);
      y0 = Math.min(y0, n.y - n.radius);
      x1 = Math.max(x1, n.x + n.radius);
      y1 = Math.max(y1, n.y + n.radius);
    }
    const k = Math.min(2, 0.9 / Math.max((x1 - x0) / w, (y1 - y0) / h, 1e-6));
    const t = zoomIdentity.translate(w / 2 - (k * (x0 + x1)) / 2, h / 2 - (k * (y0 + y1)) / 2).scale(k);
    select(this.ui.canvas).call(this.zoomer.transform, t);
    this.fitted = final;
  }

  /** The actors shown: all, or the selected actor's neighbourhood when the ego toggle is on. */
  private visible(): Set<string> | null {
    if (!this.ui.ego.checked || this.selected === null) return null;
    const set = new Set([this.selected, ...(this.neighbours.get(this.selected) ?? [])]);
    return set;
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const started = performance.now();
      this.draw();
      this.frameTook(started);
    });
  }

  /** The script time of one frame (layout step and drawing), readable from outside as data-frame-ms. */
  private frameTook(started: number): void {
    this.frames += 1;
    this.ui.canvas.dataset.frameMs = (performance.now() - started).toFixed(1);
    this.ui.canvas.dataset.frames = String(this.frames);
  }

  private draw(): void {
    const { width, height, ctx } = fitCanvas(this.ui.canvas);
    if (ctx === null) return;
    const t = theme();
    ctx.clearRect(0, 0, width, height);
    const tr = this.transform;
    const visible = this.visible();
    const focus = this.hovered ?? null;
    const near = focus === null ? null : new Set([focus, ...(this.neighbours.get(focus) ?? [])]);
    const pos = new Map(this.nodes.map((n) => [n.id, n]));
    const shown = (id: string) => visible === null || visible.has(id);

    // Edges, batched by width, strongest first. While the layout moves only the
    // strongest are drawn (a software-rendered canvas strokes 20,000 lines slowly).
    const maxW = this.data.edges.reduce((m, e) => Math.max(m, e.weight), 1);
    const buckets: Path2D[] = [new Path2D(), new Path2D(), new Path2D(), new Path2D()];
    const strong = new Path2D();
    let edgeCount = 0;
    const moving = this.ui.canvas.dataset.layout === "running";
    const node = (end: string | LayoutNode) => (typeof end === "string" ? pos.get(end) : end);
    const line = (p: Path2D, a: LayoutNode, b: LayoutNode) => {
      p.moveTo(tr.applyX(a.x), tr.applyY(a.y));
      p.lineTo(tr.applyX(b.x), tr.applyY(b.y));
    };
    // Once the layout rests, the links are drawn once into a layer that later frames (hover,
    // selection) copy in one step: rasterising 20,000 lines per frame is what makes them slow.
    const layerKey = moving ? "" : `${tr.toString()}|${width}x${height}|${this.layoutVersion}|${visible === null ? "" : [...visible].join("\u0001")}|${t.muted}`;
    const reuse = layerKey !== "" && this.edgeLayer.key === layerKey;
    this.linkOrder.forEach((li, rank) => {
      const e = this.links[li];
      if (e === undefined) return;
      const a = node(e.source);
      const b = node(e.target);
      if (a === undefined || b === undefined || !shown(a.id) || !shown(b.id)) return;
      if (near !== null && (a.id === focus || b.id === focus)) line(strong, a, b);
      if (moving && rank >= MOVING_LINKS) return;
      edgeCount += 1;
      if (reuse) return;
      const p = buckets[Math.min(3, Math.floor((e.weight / maxW) * 4))];
      if (p !== undefined) line(p, a, b);
    });
    const paintLinks = (target: CanvasRenderingContext2D, alpha: number) => {
      target.strokeStyle = t.muted;
      target.globalAlpha = alpha;
      buckets.forEach((p, i) => {
        target.lineWidth = 0.6 + i * 1.1;
        target.stroke(p);
      });
      target.globalAlpha = 1;
    };
    if (layerKey === "") {
      this.edgeLayer.key = "";
      paintLinks(ctx, near === null ? 0.35 : 0.12);
    } else {
      const layer = this.edgeLayer;
      if (!reuse) {
        const dpr = window.devicePixelRatio || 1;
        layer.canvas.width = Math.round(width * dpr);
        layer.canvas.height = Math.round(height * dpr);
        const lctx = layer.canvas.getContext("2d");
        if (lctx !== null) {
          lctx.setTransform(dpr, 0, 0, dpr, 0, 0);
          paintLinks(lctx, 0.35);
        }
        layer.key = layerKey;
      }
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      // Hovering fades the other links to a third.
      ctx.globalAlpha = near === null ? 1 : 0.34;
      ctx.drawImage(layer.canvas, 0, 0);
      ctx.restore();
    }
    ctx.globalAlpha = 0.9;
    ctx.lineWidth = 1.6;
    ctx.strokeStyle = t.text;
    ctx.stroke(strong);
    ctx.globalAlpha = 1;

    // Nodes, largest first so small ones stay visible on top.
    const grid = new HitGrid<string>(24);
    const order = this.nodes.filter((n) => shown(n.id)).sort((a, b) => b.radius - a.radius);
    const k = Math.sqrt(Math.max(0.3, Math.min(tr.k, 3)));
    // One path per size tier, colour and fading: a few dozen fills instead of one per actor.
    // Tiers keep large actors under small ones.
    const tiers = [new Map<string, Path2D>(), new Map<string, Path2D>(), new Map<string, Path2D>()];
    const rings: Array<{ x: number; y: number; r: number; selected: boolean }> = [];
    for (const n of order) {
      const info = this.byId.get(n.id);
      if (info === undefined) continue;
      const x = tr.applyX(n.x);
      const y = tr.applyY(n.y);
      const r = n.radius * k;
      if (x < -r || y < -r || x > width + r || y > height + r) continue;
      const tier = tiers[n.radius > 12 ? 0 : n.radius > 6 ? 1 : 2];
      const key = `${this.colour(info)}|${near === null || near.has(n.id) ? 1 : 0.2}`;
      let p = tier?.get(key);
      if (p === undefined) {
        p = new Path2D();
        tier?.set(key, p);
      }
      p.moveTo(x + r, y);
      p.arc(x, y, r, 0, Math.PI * 2);
      if (n.id === this.selected || n.id === this.hovered) rings.push({ x, y, r, selected: n.id === this.selected });
      grid.insert(x - r, y - r, x + r, y + r, n.id);
    }
    ctx.lineWidth = 1;
    ctx.strokeStyle = t.surface;
    for (const tier of tiers) {
      for (const [key, p] of tier) {
        const [colour, alpha] = key.split("|");
        ctx.globalAlpha = Number(alpha);
        ctx.fillStyle = colour ?? REST;
        ctx.fill(p);
        ctx.stroke(p);
      }
    }
    ctx.globalAlpha = 1;
    for (const ring of rings) {
      ctx.beginPath();
      ctx.arc(ring.x, ring.y, ring.r + 3, 0, Math.PI * 2);
      ctx.lineWidth = ring.selected ? 2.5 : 1.5;
      ctx.strokeStyle = ring.selected ? t.accent : t.text;
      ctx.stroke();
    }

    // Labels for the largest actors (and the selected and hovered ones), never overlapping.
    const special = order.filter((n, i) => i >= LABELS && (n.id === this.selected || n.id === this.hovered));
    // Below, above, right or left of the node: the first position that fits.
    const candidates: Array<LabelCandidate<string>> = [...order.slice(0, LABELS), ...special].flatMap((n) => {
      const text = clip(n.id, 28);
      const w = text.length * 6.3;
      const r = n.radius * k;
      const x = tr.applyX(n.x);
      const y = tr.applyY(n.y);
      const priority = n.radius + (n.id === this.selected || n.id === this.hovered ? 1000 : 0);
      const spots: Array<[number, number]> = [
        [x - w / 2, y + r + 2],
        [x - w / 2, y - r - 15],
        [x + r + 3, y - 6],
        [x - r - 3 - w, y - 6],
      ];
      return spots.map(([lx, ly], i) => ({ x: lx, y: ly, width: w, height: 13, priority: priority - i * 0.001, data: text, key: n.id }));
    });
    const obstacles = order.slice(0, LABELS).map((n) => {
      const r = n.radius * k;
      return { x: tr.applyX(n.x) - r, y: tr.applyY(n.y) - r, width: 2 * r, height: 2 * r };
    });
    const placed = placeLabels(candidates, { obstacles, bounds: { x: 0, y: 0, width, height }, pad: 1 });
    ctx.font = `11px ${t.font}`;
    ctx.textBaseline = "top";
    for (const l of placed) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = t.surface;
      ctx.strokeText(l.data, l.x, l.y);
      ctx.fillStyle = t.text;
      ctx.fillText(l.data, l.x, l.y);
    }
    this.grid = grid;
    this.ui.canvas.dataset.count = String(order.length);
    this.ui.canvas.dataset.edges = String(edgeCount);
    this.ui.canvas.dataset.labels = String(placed.length);
  }

  private hit(e: MouseEvent): string | null {
    const rect = this.ui.canvas.getBoundingClientRect();
    return this.grid.query(e.clientX - rect.left, e.clientY - rect.top, 2);
  }

  private pointerMoved(e: PointerEvent): void {
    if (e.buttons !== 0) return;
    const hit = this.hit(e);
    if (hit !== this.hovered) {
      this.hovered = hit;
      this.schedule();
    }
    const n = hit === null ? undefined : this.byId.get(hit);
    if (n === undefined) {
      hideTooltip(this.ctx.tooltip);
      return;
    }
    showTooltip(this.ctx.tooltip, e.clientX, e.clientY, n.actor, [
      `${n.kind} · community ${n.community + 1}`,
      `${n.events} events · degree ${n.degree} (weighted ${n.weighted_degree})`,
      `PageRank ${n.pagerank.toFixed(4)} · betweenness ${n.betweenness.toFixed(4)}`,
      n.actor === this.selected ? "Click to clear the actor filter" : "Click to filter everything by this actor",
    ]);
  }

  private renderLegend(): void {
    const item = (colour: string, text: string) => {
      const s = el("span", { class: "swatch" });
      s.style.background = colour;
      return el("span", { class: "item" }, s, text);
    };
    const size = `size: ${this.ui.size.selectedOptions[0]?.textContent ?? "events"}`;
    if (this.ui.colour.value === "kind") {
      this.ui.legend.replaceChildren(...Object.entries(KIND_COLOURS).map(([k, c]) => item(c, k)), el("span", { class: "item" }, size));
      return;
    }
    const sizes = new Map<number, number>();
    for (const n of this.data.nodes) sizes.set(n.community, (sizes.get(n.community) ?? 0) + 1);
    const shown = [...sizes].sort((a, b) => a[0] - b[0]).slice(0, COMMUNITY_COLOURS.length);
    const rest = this.data.nodes.length - shown.reduce((s, [, c]) => s + c, 0);
    this.ui.legend.replaceChildren(
      ...shown.map(([c, count]) => item(COMMUNITY_COLOURS[c] ?? REST, `community ${c + 1} (${count})`)),
      ...(rest > 0 ? [item(REST, `others (${rest})`)] : []),
      el("span", { class: "item" }, size),
    );
  }
}
