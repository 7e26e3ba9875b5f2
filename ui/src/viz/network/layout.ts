// Network layout that stays put: positions from the previous picture seed the
// next one (new actors start next to their neighbours), and a re-query runs a
// short, cool simulation instead of a fresh one, so changing the date window
// does not reshuffle the picture. The simulation is advanced in bounded
// slices by the caller, so the main thread never stalls.
import { type Simulation, type SimulationLinkDatum, type SimulationNodeDatum, forceCollide, forceLink, forceManyBody, forceX, forceY, forceSimulation } from "d3-force";

export interface Pos {
  x: number;
  y: number;
}

export interface LayoutNode extends SimulationNodeDatum {
  id: string;
  radius: number;
  x: number;
  y: number;
}

export interface LayoutLink extends SimulationLinkDatum<LayoutNode> {
  source: string | LayoutNode;
  target: string | LayoutNode;
  weight: number;
}

/**
 * Start positions: an actor placed before keeps its place; a new one goes to
 * the mean of its previously placed neighbours (plus a little jitter, so two newcomers do
 * not coincide), else somewhere on a disc around the picture's centre.
 */
export function seedPositions(
  ids: readonly string[],
  links: ReadonlyArray<{ source: string; target: string }>,
  previous: ReadonlyMap<string, Pos>,
  random: () => number,
): Map<string, Pos> {
  const out = new Map<string, Pos>();
  for (const id of ids) {
    const p = previous.get(id);
    if (p !== undefined) out.set(id, { x: p.x, y: p.y });
  }
  let cx = 0;
  let cy = 0;
  for (const p of out.values()) {
    cx += p.x;
    cy += p.y;
  }
  if (out.size > 0) {
    cx /= out.size;
    cy /= out.size;
  }
  const neighbours = new Map<string, string[]>();
  for (const l of links) {
    neighbours.set(l.source, [...(neighbours.get(l.source) ?? []), l.target]);
    neighbours.set(l.target, [...(neighbours.get(l.target) ?? []), l.source]);
  }
  const radius = 40 * Math.sqrt(ids.length + 1);
  for (const id of ids) {
    if (out.has(id)) continue;
    // Only neighbours from the previous picture count: chaining newcomers to
    // newcomers would pile a fresh network onto one point.
    const placed = (neighbours.get(id) ?? []).map((n) => previous.get(n)).filter((p): p is Pos => p !== undefined);
    if (placed.length > 0) {
      const mx = placed.reduce((s, p) => s + p.x, 0) / placed.length;
      const my = placed.reduce((s, p) => s + p.y, 0) / placed.length;
      out.set(id, { x: mx + (random() - 0.5) * 20, y: my + (random() - 0.5) * 20 });
    } else {
      const a = random() * Math.PI * 2;
      const r = radius * Math.sqrt(random());
      out.set(id, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
    }
  }
  return out;
}

/** How hot the simulation starts: a fresh picture settles from scratch, a mostly known one only relaxes. */
export function startAlpha(known: number, total: number): number {
  if (total === 0 || known === 0) return 1;
  return known / total >= 0.5 ? 0.12 : 0.5;
}

export function createLayout(nodes: LayoutNode[], links: LayoutLink[], alpha: number): Simulation<LayoutNode, LayoutLink> {
  const maxWeight = links.reduce((m, l) => Math.max(m, l.weight), 1);
  return forceSimulation<LayoutNode, LayoutLink>(nodes)
    .stop()
    .alpha(alpha)
    .alphaDecay(0.03)
    .force(
      "link",
      forceLink<LayoutNode, LayoutLink>(links)
        .id((n) => n.id)
        .distance(50)
        .strength((l) => 0.15 + 0.5 * (l.weight / maxWeight)),
    )
    .force("charge", forceManyBody<LayoutNode>().strength(-60).distanceMax(400).theta(0.9))
    .force("collide", forceCollide<LayoutNode>((n) => n.radius + 2).iterations(1))
    // Gentle pull to the centre keeps separate components on screen.
    .force("x", forceX<LayoutNode>(0).strength(0.03))
    .force("y", forceY<LayoutNode>(0).strength(0.03));
}

/** Advances `sim` for at most `budgetMs`; returns whether it still has work to do. */
export function tickFor(sim: Simulation<LayoutNode, LayoutLink>, budgetMs: number, now: () => number = () => performance.now()): boolean {
  const end = now() + budgetMs;
  do {
    if (sim.alpha() < sim.alphaMin()) return false;
    sim.tick();
  } while (now() < end);
  return sim.alpha() >= sim.alphaMin();
}
