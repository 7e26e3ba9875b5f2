// Places drawn at the same point: districts placed at their city's centre, a building at its
// town's. Their circles stack, so each one's tooltip names the others.
import type { PlaceRow } from "../../bindings";

/** The point a place is drawn at, to about 100 m. */
export function pointKey(p: Pick<PlaceRow, "lat" | "lon">): string | null {
  if (p.lat === null || p.lon === null) return null;
  return `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`;
}

/** For each place with coordinates, the other places at the same point, most events first. */
export function colocated(places: PlaceRow[]): Map<string, PlaceRow[]> {
  const byPoint = new Map<string, PlaceRow[]>();
  for (const p of places) {
    const key = pointKey(p);
    if (key === null) continue;
    const list = byPoint.get(key);
    if (list === undefined) byPoint.set(key, [p]);
    else list.push(p);
  }
  const others = new Map<string, PlaceRow[]>();
  for (const list of byPoint.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
    for (const p of list) others.set(p.name, sorted.filter((q) => q !== p));
  }
  return others;
}

/** One tooltip line naming the other places at a point ("Also here: Tebet (2), Senayan (7)…"). */
export function alsoHere(others: PlaceRow[] | undefined, max = 4): string | null {
  if (others === undefined || others.length === 0) return null;
  const shown = others.slice(0, max).map((p) => `${p.name} (${p.events})`);
  const more = others.length > max ? `, +${others.length - max} more` : "";
  return `Also here: ${shown.join(", ")}${more}`;
}
