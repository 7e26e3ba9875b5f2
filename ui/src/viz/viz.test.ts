import { describe, expect, it } from "vitest";
import { HitGrid } from "./hitgrid";
import { type LabelCandidate, clusterRuns, overlaps, placeLabels } from "./labels";
import { mulberry32 } from "../random";
import { alsoHere, colocated } from "./map/colocated";
import { createLayout, type LayoutLink, type LayoutNode, seedPositions, startAlpha } from "./network/layout";

describe("label placement", () => {
  it("never places two overlapping labels, and prefers higher priority", () => {
    const rnd = mulberry32(7);
    const candidates: Array<LabelCandidate<number>> = Array.from({ length: 400 }, (_, i) => ({
      x: rnd() * 500,
      y: rnd() * 300,
      width: 20 + rnd() * 60,
      height: 12,
      priority: rnd(),
      data: i,
    }));
    const placed = placeLabels(candidates);
    expect(placed.length).toBeGreaterThan(10);
    expect(placed.length).toBeLessThan(candidates.length);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        expect(overlaps(placed[i] as LabelCandidate<number>, placed[j] as LabelCandidate<number>)).toBe(false);
      }
    }
    // The single most important label always gets its place.
    const best = [...candidates].sort((a, b) => b.priority - a.priority)[0];
    expect(placed[0]?.data).toBe(best?.data);
  });

  it("drops labels that hit obstacles or leave the bounds", () => {
    const c = (x: number, data: string): LabelCandidate<string> => ({ x, y: 0, width: 10, height: 10, priority: 1, data });
    const placed = placeLabels([c(0, "a"), c(30, "b"), c(95, "c")], { obstacles: [{ x: 28, y: 0, width: 4, height: 4 }], bounds: { x: 0, y: 0, width: 100, height: 50 } });
    expect(placed.map((p) => p.data)).toEqual(["a"]);
  });

  it("finds runs of close points for +N labels", () => {
    expect(clusterRuns([0, 2, 4, 20, 21, 50], 5)).toEqual([[0, 2], [3, 4], [5, 5]]);
    expect(clusterRuns([], 5)).toEqual([]);
  });
});

describe("hit-testing", () => {
  it("finds the mark under the pointer, the nearest one when marks touch", () => {
    const grid = new HitGrid<string>(16);
    grid.insert(10, 10, 14, 14, "a");
    grid.insert(16, 10, 20, 14, "b");
    grid.insert(0, 40, 300, 46, "bar");
    expect(grid.query(12, 12, 0)).toBe("a");
    expect(grid.query(19, 12, 2)).toBe("b");
    expect(grid.query(15.5, 12, 2)).toBe("b");
    expect(grid.query(200, 43)).toBe("bar");
    expect(grid.query(200, 60)).toBeNull();
    expect(grid.size).toBe(3);
  });

  it("prefers the mark drawn last among equals", () => {
    const grid = new HitGrid<number>();
    grid.insert(0, 0, 10, 10, 1);
    grid.insert(0, 0, 10, 10, 2);
    expect(grid.query(5, 5)).toBe(2);
  });
});

describe("network layout stability", () => {
  const ids = ["a", "b", "c", "d"];
  const links = [
    { source: "a", target: "b" },
    { source: "b", target: "c" },
    { source: "c", target: "d" },
  ];

  it("keeps known positions and starts a newcomer next to its neighbours", () => {
    const previous = new Map([
      ["a", { x: 0, y: 0 }],
      ["b", { x: 100, y: 0 }],
      ["c", { x: 100, y: 100 }],
    ]);
    const seeded = seedPositions(ids, links, previous, mulberry32(1));
    expect(seeded.get("a")).toEqual({ x: 0, y: 0 });
    expect(seeded.get("c")).toEqual({ x: 100, y: 100 });
    const d = seeded.get("d");
    expect(d).toBeDefined();
    expect(Math.hypot((d?.x ?? 0) - 100, (d?.y ?? 0) - 100)).toBeLessThan(20);
    expect(startAlpha(3, 4)).toBeLessThan(startAlpha(0, 4));
  });

  it("moves a settled picture little when it is laid out again", () => {
    const run = (seed: Map<string, { x: number; y: number }>, alpha: number) => {
      const nodes: LayoutNode[] = ids.map((id) => ({ id, radius: 5, ...(seed.get(id) ?? { x: 0, y: 0 }) }));
      const ll: LayoutLink[] = links.map((l) => ({ ...l, weight: 1 }));
      const sim = createLayout(nodes, ll, alpha);
      sim.tick(300);
      return new Map(nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    };
    const first = run(seedPositions(ids, links, new Map(), mulberry32(3)), 1);
    const second = run(seedPositions(ids, links, first, mulberry32(4)), startAlpha(4, 4));
    for (const id of ids) {
      const a = first.get(id);
      const b = second.get(id);
      expect(Math.hypot((a?.x ?? 0) - (b?.x ?? 0), (a?.y ?? 0) - (b?.y ?? 0))).toBeLessThan(5);
    }
  });
});

describe("label alternatives", () => {
  it("places one label per key, at its first free position", () => {
    const at = (x: number, priority: number): LabelCandidate<string> => ({ x, y: 0, width: 10, height: 10, priority, data: `at ${x}`, key: "node" });
    const placed = placeLabels([at(0, 2), at(50, 1.9), at(100, 1.8)], { obstacles: [{ x: 2, y: 2, width: 2, height: 2 }] });
    expect(placed.map((p) => p.data)).toEqual(["at 50"]);
  });
});

describe("places at the same point", () => {
  const place = (name: string, lat: number | null, lon: number | null, events: number) => ({
    id: 0,
    name,
    country: "ID",
    lat,
    lon,
    events,
  });
  it("names the others at a point, most events first, and none for a place alone", () => {
    const places = [
      place("Tebet", -6.2615, 106.8106, 2),
      place("Senayan", -6.2615, 106.8106, 7),
      place("Cilandak", -6.2615, 106.8106, 1),
      place("Jakarta", -6.2146, 106.8451, 700),
      place("Gedung DPR", null, null, 7),
    ];
    const stacked = colocated(places);
    expect(stacked.get("Tebet")?.map((p) => p.name)).toEqual(["Senayan", "Cilandak"]);
    expect(stacked.has("Jakarta")).toBe(false);
    expect(stacked.has("Gedung DPR")).toBe(false);
    expect(alsoHere(stacked.get("Cilandak"))).toBe("Also here: Senayan (7), Tebet (2)");
    expect(alsoHere(stacked.get("Jakarta"))).toBeNull();
    const many = Array.from({ length: 6 }, (_, i) => place(`P${i}`, 1, 1, i));
    expect(alsoHere(colocated(many).get("P0"))).toBe("Also here: P5 (5), P4 (4), P3 (3), P2 (2), +1 more");
  });
});
