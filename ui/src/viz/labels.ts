// Greedy label placement shared by the timeline and the network: labels are
// tried in priority order and kept only where they overlap nothing already
// placed, so labels never collide; the rest are dropped (the tooltip still
// names every mark).

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelCandidate<T = unknown> extends Box {
  /** Higher first. */
  priority: number;
  data: T;
  /** Alternative positions of one label share a key: the first that fits wins, the rest are skipped. */
  key?: string;
}

export function overlaps(a: Box, b: Box, pad = 0): boolean {
  return a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
}

/**
 * Keeps the candidates that fit, in priority order (ties: input order), not
 * overlapping each other, the `obstacles`, nor leaving `bounds` when given.
 * A bucket grid keeps this near linear for thousands of candidates.
 */
export function placeLabels<T>(
  candidates: ReadonlyArray<LabelCandidate<T>>,
  options: { bounds?: Box; obstacles?: readonly Box[]; pad?: number; cell?: number } = {},
): Array<LabelCandidate<T>> {
  const pad = options.pad ?? 2;
  const cell = options.cell ?? 64;
  const grid = new Map<string, Box[]>();
  const cellsOf = (b: Box) => {
    const keys: string[] = [];
    const x0 = Math.floor((b.x - pad) / cell);
    const x1 = Math.floor((b.x + b.width + pad) / cell);
    const y0 = Math.floor((b.y - pad) / cell);
    const y1 = Math.floor((b.y + b.height + pad) / cell);
    for (let gx = x0; gx <= x1; gx++) for (let gy = y0; gy <= y1; gy++) keys.push(`${gx},${gy}`);
    return keys;
  };
  const add = (b: Box) => {
    for (const k of cellsOf(b)) {
      const list = grid.get(k);
      if (list === undefined) grid.set(k, [b]);
      else list.push(b);
    }
  };
  const free = (b: Box) => cellsOf(b).every((k) => (grid.get(k) ?? []).every((o) => !overlaps(o, b, pad)));
  for (const o of options.obstacles ?? []) add(o);
  const order = candidates.map((_, i) => i).sort((a, b) => (candidates[b]?.priority ?? 0) - (candidates[a]?.priority ?? 0) || a - b);
  const placed: Array<LabelCandidate<T>> = [];
  const done = new Set<string>();
  const { bounds } = options;
  for (const i of order) {
    const c = candidates[i];
    if (c === undefined || (c.key !== undefined && done.has(c.key))) continue;
    if (bounds !== undefined && (c.x < bounds.x || c.y < bounds.y || c.x + c.width > bounds.x + bounds.width || c.y + c.height > bounds.y + bounds.height)) continue;
    if (!free(c)) continue;
    add(c);
    placed.push(c);
    if (c.key !== undefined) done.add(c.key);
  }
  return placed;
}

/**
 * Runs of points closer than `radiusPx` to their neighbour (xs sorted
 * ascending): [first index, last index]. Used to collapse a dense run into
 * one "+N" label.
 */
export function clusterRuns(xs: readonly number[], radiusPx: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let first = 0;
  for (let i = 1; i <= xs.length; i++) {
    if (i === xs.length || (xs[i] ?? 0) - (xs[i - 1] ?? 0) > radiusPx) {
      if (xs.length > 0) runs.push([first, i - 1]);
      first = i;
    }
  }
  return runs;
}
