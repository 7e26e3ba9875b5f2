// The map: offline world outlines (world-atlas, bundled) in SVG built with
// createElementNS, one circle per place sized by its events (sqrt scale), and
// the places without coordinates listed beside it. The map is loaded without
// the place filter, so the selected place is highlighted among the others.
import { geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { type D3ZoomEvent, zoom, type ZoomTransform, zoomIdentity } from "d3-zoom";
import type { PlaceRow } from "../bindings";
import { toAppError } from "../backend";
import { el } from "../dom";
import { type AppState, Latest, OneAtATime, type StateKey, withoutFilters } from "../state";
import { hideTooltip, showTooltip } from "../viz/canvas";
import { alsoHere, colocated } from "../viz/map/colocated";
import type { View, ViewContext } from "./context";

interface Elements {
  root: HTMLElement;
  unplaced: HTMLElement;
}

const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export class MapView implements View {
  private places: PlaceRow[] = [];
  private land: GeoPermissibleObjects | null = null;
  private readonly root: SVGSVGElement;
  private readonly layer: SVGGElement;
  private readonly sphere: SVGPathElement;
  private readonly landPath: SVGPathElement;
  private readonly dots: SVGGElement;
  private transform: ZoomTransform = zoomIdentity;
  private selected: string | null = null;
  private readonly latest = new Latest();
  private readonly loads = new OneAtATime();
  private loadedKey = "";
  private size: [number, number] = [0, 0];

  constructor(private readonly ctx: ViewContext, private readonly ui: Elements) {
    this.root = svg("svg", { role: "img", "aria-label": "Map of the places of the selected events" });
    this.layer = svg("g");
    this.sphere = svg("path", { class: "sphere" });
    this.landPath = svg("path", { class: "land" });
    this.dots = svg("g", { class: "places" });
    this.layer.append(this.sphere, this.landPath, this.dots);
    this.root.append(this.layer);
    ui.root.append(this.root);
    const zoomer = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 40])
      .on("zoom", (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = e.transform;
        this.layer.setAttribute("transform", e.transform.toString());
        this.resizeDots();
      });
    select(this.root).call(zoomer).on("dblclick.zoom", null);
    new ResizeObserver(() => this.layout()).observe(ui.root);
    void this.loadWorld();
  }

  private async loadWorld(): Promise<void> {
    const [{ feature }, world] = await Promise.all([import("topojson-client"), import("world-atlas/countries-110m.json")]);
    this.land = feature(world.default, world.default.objects.countries);
    this.layout();
  }

  update(state: Readonly<AppState>, changed: ReadonlySet<StateKey>): void {
    if (changed.has("query")) {
      this.selected = state.query.place ?? null;
      this.renderDots();
    }
    if (changed.has("query") || changed.has("revision")) {
      const query = withoutFilters(state.query, ["place"]);
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
      const places = await this.ctx.backend.placeList(query);
      if (!this.latest.current(token)) return;
      this.places = places;
      this.ui.root.dataset.state = "ready";
      this.renderDots();
      this.renderUnplaced();
    } catch (reason) {
      if (!this.latest.current(token)) return;
      this.ui.root.dataset.state = "error";
      this.ctx.report(toAppError(reason));
    }
  }

  private projection() {
    const [w, h] = this.size;
    return geoNaturalEarth1().fitExtent(
      [
        [4, 4],
        [Math.max(5, w - 4), Math.max(5, h - 4)],
      ],
      { type: "Sphere" },
    );
  }

  private layout(): void {
    const w = this.ui.root.clientWidth;
    const h = this.ui.root.clientHeight;
    if (w === 0 || h === 0) return;
    this.size = [w, h];
    const path = geoPath(this.projection());
    this.sphere.setAttribute("d", path({ type: "Sphere" }) ?? "");
    if (this.land !== null) this.landPath.setAttribute("d", path(this.land) ?? "");
    this.renderDots();
  }

  private radius(): (n: number) => number {
    const max = this.places.reduce((m, p) => Math.max(m, p.events), 1);
    // Area ∝ events; a map of a few small places does not blow them up to full size.
    const s = scaleSqrt().domain([0, max]).range([0, Math.min(22, 5 + 3 * Math.sqrt(max))]);
    return (n) => Math.max(3, s(n));
  }

  private renderDots(): void {
    if (this.size[0] === 0) return;
    const projection = this.projection();
    const r = this.radius();
    const placed = this.places.filter((p) => p.lat !== null && p.lon !== null).sort((a, b) => b.events - a.events);
    const stacked = colocated(placed);
    const circles = placed.flatMap((p) => {
      const xy = projection([p.lon ?? 0, p.lat ?? 0]);
      if (xy === null) return [];
      const c = svg("circle", {
        class: p.name === this.selected ? "place selected" : "place",
        cx: xy[0].toFixed(1),
        cy: xy[1].toFixed(1),
        "data-r": String(r(p.events)),
        "data-place": p.name,
        tabindex: "0",
        role: "button",
        // No SVG <title>: WebKit would show it as a second tooltip beside the app's.
        "aria-label": `${p.name}${p.country === null ? "" : ` (${p.country})`}: ${p.events} event${p.events === 1 ? "" : "s"}`,
      });
      const toggle = () => this.ctx.store.setFilter("place", p.name === this.selected ? null : p.name);
      c.addEventListener("click", toggle);
      c.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          toggle();
        }
      });
      const tip = (x: number, y: number) =>
        showTooltip(this.ctx.tooltip, x, y, p.name, [
          `${p.events} event${p.events === 1 ? "" : "s"}${p.country === null ? "" : ` · ${p.country}`}`,
          `${p.lat?.toFixed(2)}, ${p.lon?.toFixed(2)}`,
          ...[alsoHere(stacked.get(p.name))].filter((line) => line !== null),
          p.name === this.selected ? "Click to clear the place filter" : "Click to filter everything by this place",
        ]);
      c.addEventListener("pointermove", (e) => tip(e.clientX, e.clientY));
      c.addEventListener("pointerleave", () => hideTooltip(this.ctx.tooltip));
      // Keyboard users (Tab through the circles) get the same tooltip.
      c.addEventListener("focus", () => {
        const box = c.getBoundingClientRect();
        tip(box.right, box.bottom);
      });
      c.addEventListener("blur", () => hideTooltip(this.ctx.tooltip));
      return [c];
    });
    this.dots.replaceChildren(...circles);
    this.ui.root.dataset.count = String(circles.length);
    this.resizeDots();
  }

  /** Circles keep their screen size while the map zooms. */
  private resizeDots(): void {
    const k = this.transform.k;
    for (const c of this.dots.children) {
      const r = Number(c.getAttribute("data-r") ?? "3");
      c.setAttribute("r", (r / k).toFixed(2));
    }
  }

  private renderUnplaced(): void {
    const unknown = this.places.filter((p) => p.lat === null || p.lon === null);
    const list = el(
      "ul",
      {},
      ...unknown.map((p) => {
        const b = el("button", { title: `Filter by ${p.name}`, attrs: { type: "button", "data-place": p.name } }, `${p.name} (${p.events})`);
        b.addEventListener("click", () => this.ctx.store.setFilter("place", p.name === this.selected ? null : p.name));
        return el("li", {}, b);
      }),
    );
    this.ui.unplaced.dataset.count = String(unknown.length);
    this.ui.unplaced.replaceChildren(
      el("h3", {}, `Not on the map: ${unknown.length}`),
      unknown.length === 0 ? el("p", { class: "muted" }, "Every place has coordinates.") : list,
      el("p", { class: "muted" }, `${this.places.length - unknown.length} places on the map; circle area ∝ events. Scroll to zoom, drag to pan.`),
    );
  }
}
