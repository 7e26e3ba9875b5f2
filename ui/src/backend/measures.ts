// Network measures for the fake backend, over an adjacency list of
// [neighbour, weight] pairs. Deterministic: the same network always gives the
// same numbers, so the UI's layout and legends are reproducible.

/** At most this many source nodes for betweenness; larger networks are sampled (every k-th node). */
const BETWEENNESS_SOURCES = 200;

/** Brandes' betweenness (unweighted shortest paths), normalised to 0..1. */
export function betweenness(adjacency: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): number[] {
  const n = adjacency.length;
  const score = new Array<number>(n).fill(0);
  if (n < 3) return score;
  const step = Math.max(1, Math.ceil(n / BETWEENNESS_SOURCES));
  const sigma = new Array<number>(n);
  const dist = new Array<number>(n);
  const delta = new Array<number>(n);
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < n; s += step) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    for (const p of preds) p.length = 0;
    sigma[s] = 1;
    dist[s] = 0;
    const order: number[] = [];
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] ?? 0;
      order.push(v);
      for (const [w] of adjacency[v] ?? []) {
        if ((dist[w] ?? -1) < 0) {
          dist[w] = (dist[v] ?? 0) + 1;
          queue.push(w);
        }
        if (dist[w] === (dist[v] ?? 0) + 1) {
          sigma[w] = (sigma[w] ?? 0) + (sigma[v] ?? 0);
          preds[w]?.push(v);
        }
      }
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const w = order[i] ?? 0;
      for (const v of preds[w] ?? []) {
        delta[v] = (delta[v] ?? 0) + ((sigma[v] ?? 0) / (sigma[w] ?? 1)) * (1 + (delta[w] ?? 0));
      }
      if (w !== s) score[w] = (score[w] ?? 0) + (delta[w] ?? 0) * step;
    }
  }
  const norm = (n - 1) * (n - 2);
  return score.map((x) => x / norm);
}

/** Weighted PageRank with damping 0.85; dangling nodes spread evenly. Sums to 1. */
export function pagerank(adjacency: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, iterations = 40): number[] {
  const n = adjacency.length;
  if (n === 0) return [];
  const d = 0.85;
  const strength = adjacency.map((links) => links.reduce((s, [, w]) => s + w, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill(0);
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      const r = rank[v] ?? 0;
      const s = strength[v] ?? 0;
      if (s === 0) {
        dangling += r;
        continue;
      }
      for (const [w, weight] of adjacency[v] ?? []) next[w] = (next[w] ?? 0) + (d * r * weight) / s;
    }
    const base = (1 - d) / n + (d * dangling) / n;
    rank = next.map((x) => x + base);
  }
  return rank;
}

/**
 * Communities by weighted label propagation in a fixed node order (ties to
 * the smaller label), numbered by size: 0 is the largest.
 */
export function communities(adjacency: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, rounds = 20): number[] {
  const n = adjacency.length;
  const label = Array.from({ length: n }, (_, i) => i);
  for (let r = 0; r < rounds; r++) {
    let changed = false;
    for (let v = 0; v < n; v++) {
      const links = adjacency[v] ?? [];
      if (links.length === 0) continue;
      const votes = new Map<number, number>();
      for (const [w, weight] of links) {
        const l = label[w] ?? w;
        votes.set(l, (votes.get(l) ?? 0) + weight);
      }
      let best = label[v] ?? v;
      let bestVotes = votes.get(best) ?? 0;
      for (const [l, count] of votes) {
        if (count > bestVotes || (count === bestVotes && l < best)) {
          best = l;
          bestVotes = count;
        }
      }
      if (best !== label[v]) {
        label[v] = best;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const size = new Map<number, number>();
  for (const l of label) size.set(l, (size.get(l) ?? 0) + 1);
  const order = [...size].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([l]) => l);
  const renumber = new Map(order.map((l, i) => [l, i]));
  return label.map((l) => renumber.get(l) ?? 0);
}
