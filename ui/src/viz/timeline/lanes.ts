// Lanes: the timeline's rows, one per actor, place, event type or source,
// the busiest N shown and the rest gathered in "other".
import type { EventRow } from "../../bindings";
import { cameoName, cameoRoot } from "../../cameo";
import type { LaneGrouping } from "../../state";

export interface Lane {
  key: string;
  label: string;
  /** Events in this lane. */
  count: number;
  other: boolean;
}

export interface LaneLayout {
  lanes: Lane[];
  /** One entry per mark to draw: which event goes in which lane (an event with two actors is in both). */
  items: Array<{ event: number; lane: number }>;
}

export const OTHER_KEY = "\u0000other";

const NONE: Record<LaneGrouping, string> = {
  actor: "(no actor)",
  place: "(no place)",
  type: "(no type)",
  source: "(unknown source)",
};

export function laneKeys(e: Pick<EventRow, "actors" | "places" | "cameo" | "publisher">, by: LaneGrouping): string[] {
  let keys: string[];
  switch (by) {
    case "actor":
      keys = e.actors;
      break;
    case "place":
      keys = e.places;
      break;
    case "type":
      keys = e.cameo === "" ? [] : [cameoRoot(e.cameo)];
      break;
    case "source":
      keys = e.publisher === null ? [] : [e.publisher];
      break;
  }
  return keys.length === 0 ? [NONE[by]] : [...new Set(keys)];
}

/**
 * Groups events into the `topN` busiest lanes (ties by label) plus one "other"
 * lane for events none of whose keys made it. `events` are indexed as given.
 */
export function buildLanes(events: ReadonlyArray<Pick<EventRow, "actors" | "places" | "cameo" | "publisher">>, by: LaneGrouping, topN: number): LaneLayout {
  return buildLanesOf(events.length, (k) => laneKeys(events[k] ?? { actors: [], places: [], cameo: "", publisher: null }, by), by, topN);
}

/** `buildLanes` for `count` events whose lane keys `keysAt` gives (so columns need no row objects). */
export function buildLanesOf(count: number, keysAt: (k: number) => string[], by: LaneGrouping, topN: number): LaneLayout {
  const counts = new Map<string, number>();
  const keysOf: string[][] = new Array<string[]>(count);
  for (let k = 0; k < count; k++) keysOf[k] = keysAt(k);
  for (const keys of keysOf) for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const label = (k: string) => (by === "type" && /^\d{2}$/.test(k) ? `${k} ${cameoName(k)}` : k);
  const ranked = [...counts]
    .map(([key, count]) => ({ key, label: label(key), count, other: false }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  // An "other" lane of one lane's worth is silly: show that lane instead.
  const top = ranked.length <= topN + 1 ? ranked : ranked.slice(0, Math.max(0, topN));
  const index = new Map(top.map((l, i) => [l.key, i]));
  const lanes: Lane[] = [...top];
  const items: LaneLayout["items"] = [];
  let otherIndex = -1;
  keysOf.forEach((keys, event) => {
    let placed = false;
    for (const k of keys) {
      const lane = index.get(k);
      if (lane !== undefined) {
        items.push({ event, lane });
        placed = true;
      }
    }
    if (!placed) {
      if (otherIndex < 0) {
        otherIndex = lanes.length;
        lanes.push({ key: OTHER_KEY, label: `other (${ranked.length - top.length})`, count: 0, other: true });
      }
      items.push({ event, lane: otherIndex });
      const other = lanes[otherIndex];
      if (other !== undefined) other.count += 1;
    }
  });
  return { lanes, items };
}

/**
 * Packs marks of one lane into sub-rows so that bars do not cover each other:
 * each mark takes the first row free at its start (greedy, in start order);
 * when all `maxRows` are taken it goes to the row that frees up first.
 * `spans` are [x0, x1] in pixels; returns a row per span (same order).
 */
export function packRows(spans: ReadonlyArray<readonly [number, number]>, maxRows: number, gapPx = 2): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => (spans[a]?.[0] ?? 0) - (spans[b]?.[0] ?? 0));
  const rowEnd: number[] = [];
  const rows = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const [x0, x1] = spans[i] ?? [0, 0];
    let row = rowEnd.findIndex((end) => end + gapPx <= x0);
    if (row < 0) {
      if (rowEnd.length < Math.max(1, maxRows)) row = rowEnd.length;
      else row = rowEnd.indexOf(Math.min(...rowEnd));
    }
    rowEnd[row] = Math.max(rowEnd[row] ?? -Infinity, x1);
    rows[i] = row;
  }
  return rows;
}
