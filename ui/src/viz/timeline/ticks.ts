// The time axis: which tick unit to use for a window and a width, from
// minutes to centuries, and how to label each tick. d3-time gives calendar-
// correct tick positions (months and years are not fixed lengths).
import { type CountableTimeInterval, utcDay, utcHour, utcMinute, utcMonday, utcMonth, utcYear } from "d3-time";
import { utcFormat } from "d3-time-format";
import { DAY, HOUR } from "../../dates";

export type TickUnit = "minute" | "hour" | "day" | "week" | "month" | "year";

export interface TickSpec {
  unit: TickUnit;
  step: number;
  /** Typical length of one step, to compare with the pixels available. */
  approxMs: number;
}

const MINUTE = 60_000;
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

/** Candidate tick steps, finest first. */
export const TICK_SPECS: readonly TickSpec[] = [
  { unit: "minute", step: 15, approxMs: 15 * MINUTE },
  { unit: "minute", step: 30, approxMs: 30 * MINUTE },
  { unit: "hour", step: 1, approxMs: HOUR },
  { unit: "hour", step: 3, approxMs: 3 * HOUR },
  { unit: "hour", step: 6, approxMs: 6 * HOUR },
  { unit: "hour", step: 12, approxMs: 12 * HOUR },
  { unit: "day", step: 1, approxMs: DAY },
  { unit: "day", step: 2, approxMs: 2 * DAY },
  { unit: "week", step: 1, approxMs: 7 * DAY },
  { unit: "month", step: 1, approxMs: MONTH },
  { unit: "month", step: 3, approxMs: 3 * MONTH },
  { unit: "month", step: 6, approxMs: 6 * MONTH },
  { unit: "year", step: 1, approxMs: YEAR },
  { unit: "year", step: 2, approxMs: 2 * YEAR },
  { unit: "year", step: 5, approxMs: 5 * YEAR },
  { unit: "year", step: 10, approxMs: 10 * YEAR },
  { unit: "year", step: 20, approxMs: 20 * YEAR },
  { unit: "year", step: 50, approxMs: 50 * YEAR },
  { unit: "year", step: 100, approxMs: 100 * YEAR },
];

/** The finest step whose ticks stay at least `minSpacingPx` apart. */
export function chooseTickSpec(spanMs: number, widthPx: number, minSpacingPx = 72): TickSpec {
  const msPerPx = spanMs / Math.max(1, widthPx);
  const last = TICK_SPECS[TICK_SPECS.length - 1] as TickSpec;
  return TICK_SPECS.find((s) => s.approxMs / msPerPx >= minSpacingPx) ?? last;
}

function interval(spec: TickSpec): CountableTimeInterval {
  switch (spec.unit) {
    case "minute":
      return utcMinute;
    case "hour":
      return utcHour;
    case "day":
      return utcDay;
    case "week":
      return utcMonday;
    case "month":
      return utcMonth;
    case "year":
      return utcYear;
  }
}

/** Tick times (ms) in [start, end] for a spec. Steps align to calendar units (every 3rd month from January...). */
export function tickTimes(start: number, end: number, spec: TickSpec): number[] {
  const base = interval(spec);
  const every = spec.step === 1 ? base : spec.unit === "day" ? utcDay.every(spec.step) : base.every(spec.step);
  if (every === null) return [];
  return every.range(new Date(start), new Date(end + 1)).map((d) => d.getTime());
}

const fmt = {
  time: utcFormat("%H:%M"),
  dayMonth: utcFormat("%-d %b"),
  month: utcFormat("%b"),
  monthYear: utcFormat("%B %Y"),
  year: utcFormat("%Y"),
  dayFull: utcFormat("%a %-d %b %Y"),
};

/** The label of one tick: "14:00", "3 Mar", "Mar" (January shows the year), "2022". */
export function tickLabel(t: number, spec: TickSpec): string {
  const d = new Date(t);
  switch (spec.unit) {
    case "minute":
    case "hour":
      return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? fmt.dayMonth(d) : fmt.time(d);
    case "day":
    case "week":
      return fmt.dayMonth(d);
    case "month":
      return d.getUTCMonth() === 0 ? fmt.year(d) : fmt.month(d);
    case "year":
      return fmt.year(d);
  }
}

/** The coarser context shown on the axis' second row (the day for hours, the month for days...), or null. */
export function contextSpec(spec: TickSpec): { unit: TickUnit; label: (t: number) => string } | null {
  switch (spec.unit) {
    case "minute":
    case "hour":
      return { unit: "day", label: (t) => fmt.dayFull(new Date(t)) };
    case "day":
    case "week":
      return { unit: "month", label: (t) => fmt.monthYear(new Date(t)) };
    case "month":
      return spec.step === 1 ? { unit: "year", label: (t) => fmt.year(new Date(t)) } : null;
    case "year":
      return null;
  }
}

/** Start times of the context unit covering [start, end], the first one at or before start. */
export function contextTimes(start: number, end: number, unit: TickUnit): number[] {
  const iv = interval({ unit, step: 1, approxMs: 0 });
  const first = iv.floor(new Date(start)).getTime();
  return [first, ...iv.range(new Date(first + 1), new Date(end + 1)).map((d) => d.getTime())];
}
