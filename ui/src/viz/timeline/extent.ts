// Where an event sits on the time axis and how sure its date is. The
// timeline draws each certainty differently, so an exact day never looks
// like "some day that month".
import type { EventRow } from "../../bindings";
import { NO_DAY, type TimelineColumns } from "../../backend/columns";
import { DAY, isoWeekStart, parseDay } from "../../dates";

/**
 * exact: one day (or finer) is known.
 * coarse: the date is a whole week, month, quarter, season, year... ("in March").
 * range: somewhere between two days ("on or before 10 March", "between the talks and the article").
 * before / after: only one bound is known.
 */
export type Certainty = "exact" | "coarse" | "range" | "before" | "after";

export interface Extent {
  /** ms UTC of the first possible day. */
  start: number;
  /** ms UTC just after the last possible day (exclusive). */
  end: number;
  certainty: Certainty;
}

const FINE = new Set(["minute", "hour", "day"]);
const GRAINS = new Set(["week", "month", "quarter", "season", "year", "decade", "century"]);

/** The span a TIMEX3 date value covers: "2022-03-01", "2022-W09", "2022-03", "2022", or null. */
export function valueSpan(value: string): { start: number; end: number; fine: boolean } | null {
  const v = value.trim();
  const day = parseDay(v.slice(0, 10));
  if (day !== null && (v.length === 10 || v[10] === "T")) return { start: day, end: day + DAY, fine: true };
  let m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m !== null) {
    const start = isoWeekStart(Number(m[1]), Number(m[2]));
    return { start, end: start + 7 * DAY, fine: false };
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m !== null) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { start: Date.UTC(y, mo - 1, 1), end: Date.UTC(y, mo, 1), fine: false };
  }
  m = /^(\d{4})$/.exec(v);
  if (m !== null) {
    const y = Number(m[1]);
    return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1), fine: false };
  }
  return null;
}

type Dated = Pick<EventRow, "date_value" | "earliest" | "latest" | "precision">;

/** The event's extent on the time axis, or null for an undated event. */
export function eventExtent(e: Dated): Extent | null {
  const lo = e.earliest === null ? null : parseDay(e.earliest);
  const hi = e.latest === null ? null : parseDay(e.latest);
  return extentOf(lo, hi, e.precision, e.date_value);
}

/**
 * The extent from the first and last possible day (ms UTC at midnight, null when
 * unknown), the precision and the TIMEX3 value (used when neither day is known).
 */
export function extentOf(lo: number | null, hi: number | null, precision: string, value: string | null): Extent | null {
  // An event the article reports without a date of its own happened on or
  // before the article's day: the core stores that day as both bounds.
  if (precision === "before") {
    const day = hi ?? lo ?? (value === null ? null : parseDay(value.slice(0, 10)));
    return day === null ? null : { start: day, end: day + DAY, certainty: "before" };
  }
  if (lo !== null && hi !== null) {
    const start = Math.min(lo, hi);
    const end = Math.max(lo, hi) + DAY;
    if (end - start <= DAY && (FINE.has(precision) || precision === "range")) {
      return { start, end, certainty: "exact" };
    }
    return { start, end, certainty: GRAINS.has(precision) ? "coarse" : "range" };
  }
  if (lo === null && hi === null) {
    if (value === null) return null;
    const span = valueSpan(value);
    if (span === null) return null;
    return { start: span.start, end: span.end, certainty: span.fine ? "exact" : "coarse" };
  }
  if (hi !== null) return { start: hi, end: hi + DAY, certainty: "before" };
  const only = lo ?? 0;
  return { start: only, end: only + DAY, certainty: "after" };
}

/** Each event's extent, from the timeline's columns. */
export function columnExtents(c: TimelineColumns): Array<Extent | null> {
  const day = (d: number | undefined) => (d === undefined || d === NO_DAY ? null : d * DAY);
  const { precisions, values } = c.tables;
  const out = new Array<Extent | null>(c.count);
  for (let k = 0; k < c.count; k++) {
    const v = c.value[k] ?? -1;
    out[k] = extentOf(day(c.earliest[k]), day(c.latest[k]), precisions[c.precision[k] ?? 0] ?? "", v < 0 ? null : (values[v] ?? null));
  }
  return out;
}

/** The calendar units the density overview counts events by, finest first. */
export const BIN_UNITS = ["day", "week", "month", "quarter", "year", "decade"] as const;
export type BinUnit = (typeof BIN_UNITS)[number];

/** A unit's mean length in days, to judge how many bins a span needs. */
const UNIT_DAYS: Record<BinUnit, number> = { day: 1, week: 7, month: 30.44, quarter: 91.31, year: 365.25, decade: 3652.5 };

/** How many events start in one calendar unit: [start, end) in ms UTC. */
export interface Bin {
  start: number;
  end: number;
  count: number;
}

/** The finest unit that cuts a span into at most `maxBins` bins (the coarsest when none does). */
export function chooseBinUnit(spanMs: number, maxBins: number): BinUnit {
  const days = spanMs / DAY;
  return BIN_UNITS.find((u) => days / UNIT_DAYS[u] <= maxBins) ?? "decade";
}

/** The calendar unit holding a moment: days, ISO weeks (from Monday), months, quarters, years, decades. */
export function binAt(ms: number, unit: BinUnit): [number, number] {
  const day = Math.floor(ms / DAY) * DAY;
  const d = new Date(day);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not.
  const utc = (year: number, month: number) => new Date(0).setUTCFullYear(year, month, 1);
  switch (unit) {
    case "day":
      return [day, day + DAY];
    case "week": {
      const monday = day - ((d.getUTCDay() + 6) % 7) * DAY;
      return [monday, monday + 7 * DAY];
    }
    case "month":
      return [utc(y, m), utc(y, m + 1)];
    case "quarter": {
      const q = m - (m % 3);
      return [utc(y, q), utc(y, q + 3)];
    }
    case "year":
      return [utc(y, 0), utc(y + 1, 0)];
    case "decade": {
      const dec = y - (((y % 10) + 10) % 10);
      return [utc(dec, 0), utc(dec + 10, 0)];
    }
  }
}

/** Events per unit of their first day, in time order; undated events left out. */
export function densityBins(extents: ReadonlyArray<Extent | null>, unit: BinUnit): Bin[] {
  const bins = new Map<number, Bin>();
  for (const x of extents) {
    if (x === null) continue;
    const [start, end] = binAt(x.start, unit);
    const bin = bins.get(start);
    if (bin === undefined) bins.set(start, { start, end, count: 1 });
    else bin.count += 1;
  }
  return [...bins.values()].sort((a, b) => a.start - b.start);
}

/** Words for the tooltip and the detail panel. */
export function certaintyLabel(c: Certainty): string {
  switch (c) {
    case "exact":
      return "exact day";
    case "coarse":
      return "known to the week/month only";
    case "range":
      return "somewhere in a range";
    case "before":
      return "on or before";
    case "after":
      return "on or after";
  }
}
