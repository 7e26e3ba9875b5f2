// Hit-testing for canvas views: marks are registered with their boxes in a
// bucket grid, so finding what is under the pointer is a look at one cell
// instead of a scan of 20,000 marks.

interface Entry<T> {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  item: T;
  order: number;
}

export class HitGrid<T> {
  private readonly cells = new Map<number, Array<Entry<T>>>();
  private count = 0;

  constructor(private readonly cell = 24) {}

  private key(gx: number, gy: number): number {
    // Pixel coordinates are well inside ±2^15 cells.
    return (gx + 32768) * 65536 + (gy + 32768);
  }

  get size(): number {
    return this.count;
  }

  /** Registers `item` over the box [x0, x1] × [y0, y1]. Later items are "on top". */
  insert(x0: number, y0: number, x1: number, y1: number, item: T): void {
    const entry: Entry<T> = { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1), item, order: this.count++ };
    const c = this.cell;
    for (let gx = Math.floor(entry.x0 / c); gx <= Math.floor(entry.x1 / c); gx++) {
      for (let gy = Math.floor(entry.y0 / c); gy <= Math.floor(entry.y1 / c); gy++) {
        const k = this.key(gx, gy);
        const list = this.cells.get(k);
        if (list === undefined) this.cells.set(k, [entry]);
        else list.push(entry);
      }
    }
  }

  /**
   * The item whose box, grown by `tolerance`, contains (x, y): the one whose
   * centre is nearest, and among equals the one drawn last. Null when none.
   */
  query(x: number, y: number, tolerance = 3): T | null {
    const c = this.cell;
    let best: Entry<T> | null = null;
    let bestDist = Infinity;
    for (let gx = Math.floor((x - tolerance) / c); gx <= Math.floor((x + tolerance) / c); gx++) {
      for (let gy = Math.floor((y - tolerance) / c); gy <= Math.floor((y + tolerance) / c); gy++) {
        for (const e of this.cells.get(this.key(gx, gy)) ?? []) {
          if (x < e.x0 - tolerance || x > e.x1 + tolerance || y < e.y0 - tolerance || y > e.y1 + tolerance) continue;
          const dx = x - (e.x0 + e.x1) / 2;
          const dy = y - (e.y0 + e.y1) / 2;
          const d = dx * dx + dy * dy;
          if (d < bestDist || (d === bestDist && best !== null && e.order > best.order)) {
            best = e;
            bestDist = d;
          }
        }
      }
    }
    return best?.item ?? null;
  }
}
