import { describe, expect, it } from "vitest";
import { DAY, HOUR } from "../../dates";
import { chooseTickSpec, contextSpec, tickLabel, tickTimes } from "./ticks";
import { binAt, chooseBinUnit, densityBins, type Extent, eventExtent } from "./extent";
import { buildLanes, OTHER_KEY, packRows } from "./lanes";

const YEAR = 365.25 * DAY;

describe("tick choice", () => {
  const cases: Array<[string, number, string]> = [
    ["two hours", 2 * HOUR, "minute"],
    ["twelve hours", 12 * HOUR, "hour"],
    ["two days", 2 * DAY, "hour"],
    ["three weeks", 21 * DAY, "day"],
    ["two months", 60 * DAY, "week"],
    ["eight months", 240 * DAY, "month"],
    ["two years", 2 * YEAR, "month"],
    ["thirty years", 30 * YEAR, "year"],
  ];
  for (const [name, span, unit] of cases) {
    it(`uses ${unit} ticks for ${name} over 1000 px`, () => {
      expect(chooseTickSpec(span, 1000).unit).toBe(unit);
    });
  }

  it("keeps ticks at least the minimum spacing apart, from hours to decades", () => {
    for (const span of [3 * HOUR, 5 * DAY, 60 * DAY, 3 * YEAR, 40 * YEAR, 300 * YEAR]) {
      const start = Date.UTC(2000, 0, 1);
      const spec = chooseTickSpec(span, 800, 60);
      const ticks = tickTimes(start, start + span, spec);
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(Math.ceil(800 / 60) + 2);
    }
  });

  it("aligns ticks to the calendar and labels them by unit", () => {
    const start = Date.UTC(2022, 0, 15);
    const spec = chooseTickSpec(365 * DAY, 1200);
    expect(spec.unit).toBe("month");
    const ticks = tickTimes(start, start + 365 * DAY, spec);
    expect(ticks.every((t) => new Date(t).getUTCDate() === 1)).toBe(true);
    expect(ticks.map((t) => tickLabel(t, spec))).toContain("2023");
    expect(tickLabel(Date.UTC(2022, 2, 1), spec)).toBe("Mar");
    expect(tickLabel(Date.UTC(2022, 2, 1, 14), { unit: "hour", step: 1, approxMs: HOUR })).toBe("14:00");
    expect(contextSpec({ unit: "day", step: 1, approxMs: DAY })?.label(Date.UTC(2022, 2, 4))).toBe("March 2022");
  });
});

describe("density overview bins", () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  it("counts a week of news by day and years of it by month, keeping bars at least 3 px wide", () => {
    expect(chooseBinUnit(9 * DAY, 180)).toBe("day");
    expect(chooseBinUnit(2 * YEAR, 180)).toBe("week");
    expect(chooseBinUnit(10 * YEAR, 180)).toBe("month");
    expect(chooseBinUnit(40 * YEAR, 180)).toBe("quarter");
    expect(chooseBinUnit(100 * YEAR, 180)).toBe("year");
    expect(chooseBinUnit(3000 * YEAR, 180)).toBe("decade");
    // A narrow overview takes a coarser unit for the same span.
    expect(chooseBinUnit(9 * DAY, 5)).toBe("week");
  });

  it("cuts the calendar at days, Monday weeks, months, quarters, years and decades", () => {
    const t = day("2022-03-02") + 15 * HOUR; // a Wednesday afternoon
    const span = (unit: Parameters<typeof binAt>[1]) => binAt(t, unit).map(iso);
    expect(span("day")).toEqual(["2022-03-02", "2022-03-03"]);
    expect(span("week")).toEqual(["2022-02-28", "2022-03-07"]);
    expect(span("month")).toEqual(["2022-03-01", "2022-04-01"]);
    expect(span("quarter")).toEqual(["2022-01-01", "2022-04-01"]);
    expect(span("year")).toEqual(["2022-01-01", "2023-01-01"]);
    expect(span("decade")).toEqual(["2020-01-01", "2030-01-01"]);
    // December's quarter ends in the next year; a Sunday belongs to the week before it.
    expect(binAt(day("2021-12-31"), "quarter").map(iso)).toEqual(["2021-10-01", "2022-01-01"]);
    expect(binAt(day("2022-03-06"), "week").map(iso)).toEqual(["2022-02-28", "2022-03-07"]);
    // Years before 100 are not read as 19xx.
    expect(binAt(day("0079-08-24"), "year").map(iso)).toEqual(["0079-01-01", "0080-01-01"]);
  });

  it("counts each dated event once, by its first day, in time order", () => {
    const at = (from: string, to: string): Extent => ({ start: day(from), end: day(to) + DAY, certainty: "exact" });
    const extents: Array<Extent | null> = [at("2022-03-01", "2022-03-01"), null, at("2022-02-24", "2022-02-25"), at("2022-03-01", "2022-03-03"), at("2022-02-28", "2022-02-28")];
    const byDay = densityBins(extents, "day");
    expect(byDay.map((b) => [iso(b.start), b.count])).toEqual([
      ["2022-02-24", 1],
      ["2022-02-28", 1],
      ["2022-03-01", 2],
    ]);
    const byWeek = densityBins(extents, "week");
    expect(byWeek.map((b) => [iso(b.start), iso(b.end), b.count])).toEqual([
      ["2022-02-21", "2022-02-28", 1],
      ["2022-02-28", "2022-03-07", 3],
    ]);
    expect(densityBins([null], "month")).toEqual([]);
  });
});

describe("uncertainty classification", () => {
  const row = (date_value: string | null, earliest: string | null, latest: string | null, precision: string) => ({ date_value, earliest, latest, precision });

  it("tells an exact day from a week, a month, a range and an open bound", () => {
    expect(eventExtent(row("2022-03-01", "2022-03-01", "2022-03-01", "day"))).toEqual({ start: Date.UTC(2022, 2, 1), end: Date.UTC(2022, 2, 2), certainty: "exact" });
    expect(eventExtent(row("2022-W09", "2022-02-28", "2022-03-06", "week"))?.certainty).toBe("coarse");
    expect(eventExtent(row("2022-03", "2022-03-01", "2022-03-31", "month"))).toMatchObject({ end: Date.UTC(2022, 3, 1), certainty: "coarse" });
    expect(eventExtent(row(null, "2022-02-24", "2022-03-02", "day"))?.certainty).toBe("range");
    expect(eventExtent(row(null, null, "2022-03-02", "day"))?.certainty).toBe("before");
    expect(eventExtent(row(null, "2022-03-02", null, "day"))?.certainty).toBe("after");
    expect(eventExtent(row(null, null, null, "unknown"))).toBeNull();
  });

  it("reads the value when bounds are missing", () => {
    expect(eventExtent(row("2022-W09", null, null, "week"))).toEqual({ start: Date.UTC(2022, 1, 28), end: Date.UTC(2022, 2, 7), certainty: "coarse" });
    expect(eventExtent(row("2022", null, null, "year"))?.end).toBe(Date.UTC(2023, 0, 1));
    expect(eventExtent(row("PRESENT_REF", null, null, "unknown"))).toBeNull();
  });
});

describe("lanes", () => {
  const ev = (actors: string[], cameo = "01", publisher: string | null = "P") => ({ actors, places: [], cameo, publisher });

  it("keeps the top N lanes by count and gathers the rest in other", () => {
    const events = [ev(["A"]), ev(["A", "B"]), ev(["B"]), ev(["A"]), ev(["C"]), ev(["D"]), ev(["C", "E"])];
    const { lanes, items } = buildLanes(events, "actor", 2);
    expect(lanes.map((l) => l.key)).toEqual(["A", "B", OTHER_KEY]);
    expect(lanes[0]?.count).toBe(3);
    // Event 1 is in both A and B; events 4, 5 and 6 are "other", once each.
    expect(items.filter((i) => i.event === 1).map((i) => i.lane)).toEqual([0, 1]);
    expect(items.filter((i) => i.lane === 2).map((i) => i.event)).toEqual([4, 5, 6]);
    expect(lanes[2]?.count).toBe(3);
  });

  it("does not make an other lane for a single remaining lane, and names empty keys", () => {
    const { lanes } = buildLanes([ev(["A"]), ev([]), ev(["B"])], "actor", 2);
    expect(lanes.map((l) => l.label).sort()).toEqual(["(no actor)", "A", "B"]);
    const byType = buildLanes([ev(["A"], "040"), ev(["A"], "19")], "type", 5);
    expect(byType.lanes.map((l) => l.label)).toEqual(["04 Consult", "19 Fight"]);
    expect(buildLanes([ev(["A"], "01", null)], "source", 5).lanes[0]?.label).toBe("(unknown source)");
  });

  it("packs overlapping bars into rows and reuses freed rows", () => {
    const rows = packRows([[0, 10], [5, 20], [12, 30], [25, 40]], 3);
    expect(rows).toEqual([0, 1, 0, 1]);
    // With one row everything shares it.
    expect(packRows([[0, 10], [5, 20]], 1)).toEqual([0, 0]);
  });
});

describe("events reported without a date (precision 'before')", () => {
  it("sit on the article's day as 'on or before', not as an exact day or a range", () => {
    const x = eventExtent({ date_value: "2022-03-01", earliest: "2022-03-01", latest: "2022-03-01", precision: "before" });
    expect(x).toEqual({ start: Date.UTC(2022, 2, 1), end: Date.UTC(2022, 2, 2), certainty: "before" });
  });

  it("keep working with only the date value", () => {
    const x = eventExtent({ date_value: "2022-03-01", earliest: null, latest: null, precision: "before" });
    expect(x?.certainty).toBe("before");
    expect(x?.start).toBe(Date.UTC(2022, 2, 1));
  });

  it("leave one-day events with precision 'day' exact", () => {
    expect(eventExtent({ date_value: "2022-03-01", earliest: "2022-03-01", latest: "2022-03-01", precision: "day" })?.certainty).toBe("exact");
  });
});
