import { describe, expect, it } from "vitest";
import { type ChartChoice, type Screen, chartExport, describeExport, positionsFor } from "./export";

const screen = (extra: Partial<Screen> = {}): Screen => ({
  query: { actor: "Russia", from: "2022-03-01", to: "2022-03-10" },
  lanes: "place",
  window: { from: "2022-03-01", to: "2022-03-10" },
  positions: new Map([
    ["Russia", { x: 10, y: -4.5 }],
    ["Ukraine", { x: -3, y: 8 }],
    ["NATO", { x: 50, y: 50 }],
  ]),
  neighbours: new Map([
    ["Russia", new Set(["Ukraine"])],
    ["Ukraine", new Set(["Russia", "NATO"])],
    ["NATO", new Set(["Ukraine"])],
  ]),
  ...extra,
});
const choice = (extra: Partial<ChartChoice> = {}): ChartChoice => ({ view: "timeline", format: "png1", extent: "view", caption: true, ...extra });

describe("chartExport", () => {
  it("sends the timeline's visible window, its lanes and the shared query for the current view", () => {
    expect(chartExport(choice(), screen())).toEqual({
      query: { actor: "Russia", from: "2022-03-01", to: "2022-03-10" },
      request: { view: "timeline", format: "png", scale: 1, caption: true, lanes: "place", window_from: "2022-03-01", window_to: "2022-03-10" },
    });
  });

  it("sends no window, and drops the zoom window from the query, for the whole filtered extent", () => {
    const { query, request } = chartExport(choice({ extent: "all", format: "pdf", caption: false }), screen());
    expect(query).toEqual({ actor: "Russia" });
    expect(request).toEqual({ view: "timeline", format: "pdf", caption: false, lanes: "place" });
  });

  it("maps the format menu to format and scale", () => {
    expect(chartExport(choice({ format: "png2" }), screen()).request).toMatchObject({ format: "png", scale: 2 });
    expect(chartExport(choice({ format: "svg" }), screen()).request).not.toHaveProperty("scale");
    expect(chartExport(choice({ format: "svg" }), screen()).request.format).toBe("svg");
  });

  it("passes the network's on-screen positions of the filtered actor and its neighbours, and the shared query, without timeline fields", () => {
    const { query, request } = chartExport(choice({ view: "network", format: "svg" }), screen());
    expect(query).toEqual(screen().query);
    expect(request).toEqual({
      view: "network",
      format: "svg",
      caption: true,
      positions: { Russia: [10, -4.5], Ukraine: [-3, 8] },
    });
  });

  it("leaves out positions the layout has not placed yet, and an empty layout", () => {
    const positions = new Map([
      ["A", { x: Number.NaN, y: 0 }],
      ["B", { x: 1, y: 2 }],
    ]);
    expect(chartExport(choice({ view: "network" }), screen({ positions, query: {} })).request.positions).toEqual({ B: [1, 2] });
    expect(chartExport(choice({ view: "network" }), screen({ positions: new Map() })).request).not.toHaveProperty("positions");
  });
});

describe("positionsFor", () => {
  const s = screen();
  it("keeps everyone without an actor filter", () => {
    expect(Object.keys(positionsFor(s.positions, s.neighbours, undefined))).toEqual(["Russia", "Ukraine", "NATO"]);
  });
  it("keeps the filtered actor and its neighbours", () => {
    expect(positionsFor(s.positions, s.neighbours, "NATO")).toEqual({ Ukraine: [-3, 8], NATO: [50, 50] });
  });
  it("keeps everyone when the filtered actor is not on screen (an alias, or cut from the network)", () => {
    expect(Object.keys(positionsFor(s.positions, s.neighbours, "Rusia"))).toHaveLength(3);
  });

  it("sends the map the shared query and nothing else", () => {
    expect(chartExport(choice({ view: "map", format: "png2" }), screen())).toEqual({
      query: screen().query,
      request: { view: "map", format: "png", scale: 2, caption: true },
    });
  });

  it("does not change the caller's query", () => {
    const s = screen();
    chartExport(choice({ extent: "all" }), s);
    expect(s.query).toEqual({ actor: "Russia", from: "2022-03-01", to: "2022-03-10" });
  });
});

describe("describeExport", () => {
  it("is null when the dialog was cancelled", () => {
    expect(describeExport({ files: [], caption: "" })).toBeNull();
  });

  it("names one file in the headline and lists several", () => {
    expect(describeExport({ files: ["/tmp/a.pdf"], caption: "3 events" })).toEqual({ headline: "Exported /tmp/a.pdf", files: [], caption: "3 events" });
    const many = describeExport({ files: ["/t/a-events.csv", "/t/a-actors.csv"], caption: "c" });
    expect(many).toEqual({ headline: "Exported 2 files", files: ["/t/a-events.csv", "/t/a-actors.csv"], caption: "c" });
  });
});
