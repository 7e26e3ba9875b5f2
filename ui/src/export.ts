// What the Export panel asks the backend for, worked out from the panel's
// choices and what is on screen. Pure, so the rules are tested without a DOM.
import type { ChartFormatName, ChartRequest, ChartViewName, DataFormatName, EventQuery, ExportResult, LaneName } from "./bindings";
import { withoutFilters } from "./state";

export type ExportKind = "chart" | "data";
/** The format menu: PNG at 1× or 2× pixels per CSS pixel, SVG, PDF. */
export type ChartFormatChoice = "png1" | "png2" | "svg" | "pdf";
/** The timeline's visible window, or everything the filters select. */
export type ExtentChoice = "view" | "all";

export const CHART_VIEWS: ReadonlyArray<{ value: ChartViewName; label: string }> = [
  { value: "timeline", label: "Timeline" },
  { value: "network", label: "Actor network" },
  { value: "map", label: "Map" },
];

export const CHART_FORMATS: ReadonlyArray<{ value: ChartFormatChoice; label: string }> = [
  { value: "png1", label: "PNG 1×" },
  { value: "png2", label: "PNG 2× (sharper, for print)" },
  { value: "svg", label: "SVG (vector)" },
  { value: "pdf", label: "PDF (vector, text kept)" },
];

export const DATA_FORMATS: ReadonlyArray<{ value: DataFormatName; label: string }> = [
  { value: "csv", label: "CSV (events, actors, places, mentions)" },
  { value: "json", label: "JSON" },
  { value: "graphml", label: "GraphML (Gephi, yEd, networkx)" },
  { value: "gexf", label: "GEXF 1.3 (Gephi, dynamic)" },
  { value: "timelinejs", label: "TimelineJS" },
];

export interface ChartChoice {
  view: ChartViewName;
  format: ChartFormatChoice;
  extent: ExtentChoice;
  caption: boolean;
}

/** What is on screen when the export starts. */
export interface Screen {
  /** The shared filter state. */
  query: EventQuery;
  /** The timeline's lane grouping. */
  lanes: LaneName;
  /** The timeline's visible window (ISO days, inclusive), when it has one. */
  window: { from: string; to: string } | null;
  /** The network's on-screen layout by actor name (any coordinates). */
  positions: ReadonlyMap<string, { x: number; y: number }>;
  /** Who is linked to whom in the on-screen network. */
  neighbours: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The positions of the actors an exported network will draw. The network on
 * screen leaves the actor filter out (it highlights that actor instead), while
 * the export draws only the actors of the filtered events: the actor and its
 * neighbours. The core fits the positions it is given into the chart, so
 * sending everyone else's too would leave the drawing off-centre.
 */
export function positionsFor(
  positions: ReadonlyMap<string, { x: number; y: number }>,
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
  actor: string | undefined,
): Record<string, [number, number]> {
  const linked = actor === undefined ? undefined : neighbours.get(actor);
  const keep = linked === undefined ? null : new Set([actor, ...linked]);
  const out: Record<string, [number, number]> = {};
  for (const [name, p] of positions) {
    if (keep !== null && !keep.has(name)) continue;
    if (Number.isFinite(p.x) && Number.isFinite(p.y)) out[name] = [p.x, p.y];
  }
  return out;
}

export function isChartFormatChoice(v: string): v is ChartFormatChoice {
  return CHART_FORMATS.some((f) => f.value === v);
}

export function isChartView(v: string): v is ChartViewName {
  return CHART_VIEWS.some((f) => f.value === v);
}

export function isDataFormat(v: string): v is DataFormatName {
  return DATA_FORMATS.some((f) => f.value === v);
}

function chartFormat(choice: ChartFormatChoice): { format: ChartFormatName; scale?: number } {
  switch (choice) {
    case "png1":
      return { format: "png", scale: 1 };
    case "png2":
      return { format: "png", scale: 2 };
    case "svg":
      return { format: "svg" };
    case "pdf":
      return { format: "pdf" };
  }
}

/**
 * The query and request of a chart export, matching the screen.
 *
 * The timeline treats the shared date window as a zoom, not a filter: it loads
 * every event the other filters select and shows the window. So "current view"
 * sends the shared query (the window included, which the caption then names)
 * and the visible window; "whole filtered extent" sends the query without the
 * window and no window, which draws what the overview strip shows. Otherwise the
 * two choices would draw the same events. Network and map charts take the
 * shared query as it is.
 */
export function chartExport(choice: ChartChoice, screen: Screen): { query: EventQuery; request: ChartRequest } {
  const request: ChartRequest = { view: choice.view, ...chartFormat(choice.format), caption: choice.caption };
  let query: EventQuery = { ...screen.query };
  if (choice.view === "timeline") {
    request.lanes = screen.lanes;
    if (choice.extent === "view" && screen.window !== null) {
      request.window_from = screen.window.from;
      request.window_to = screen.window.to;
    } else if (choice.extent === "all") {
      query = withoutFilters(query, ["from", "to"]);
    }
  }
  if (choice.view === "network") {
    const positions = positionsFor(screen.positions, screen.neighbours, query.actor);
    if (Object.keys(positions).length > 0) request.positions = positions;
  }
  return { query, request };
}

/** What the status line says after an export; `null` when the user cancelled the save dialog. */
export function describeExport(result: ExportResult): { headline: string; files: string[]; caption: string } | null {
  if (result.files.length === 0) return null;
  const [only] = result.files;
  const headline = result.files.length === 1 && only !== undefined ? `Exported ${only}` : `Exported ${result.files.length} files`;
  return { headline, files: result.files.length === 1 ? [] : [...result.files], caption: result.caption };
}
