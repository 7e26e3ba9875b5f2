// The one filter state every view shares, plus what is selected and how the
// timeline is grouped. Views subscribe and are told which keys changed.
// Changes are coalesced: everything set in one turn of the event loop is one
// notification, and window changes driven by a drag or a zoom wait until the
// gesture pauses (debounced), so a drag does not fire dozens of queries.
import type { EventQuery } from "./bindings";

export type LaneGrouping = "actor" | "place" | "type" | "source";
export type FilterKey = keyof EventQuery;

export interface AppState {
  query: EventQuery;
  /** The event shown in the detail panel. */
  selected: number | null;
  lanes: LaneGrouping;
  /** Bumped after every correction (and import), so every view reloads. */
  revision: number;
}

export type StateKey = keyof AppState;
export type Listener = (state: Readonly<AppState>, changed: ReadonlySet<StateKey>) => void;

/** How long a window change from a brush or zoom waits for the gesture to pause. */
export const WINDOW_DEBOUNCE_MS = 250;

const FILTER_KEYS: readonly FilterKey[] = ["time", "from", "to", "certainty", "actor", "place", "cameo", "modality", "attribution", "text", "source", "language"];

/** A query with `key` set to `value`; an empty or missing value removes the filter. */
export function withFilter(query: EventQuery, key: FilterKey, value: string | null | undefined): EventQuery {
  const next: EventQuery = { ...query };
  const v = value?.trim() ?? "";
  if (v === "") delete next[key];
  else next[key] = v;
  return next;
}

export function withoutFilters(query: EventQuery, keys: readonly FilterKey[]): EventQuery {
  const next: EventQuery = { ...query };
  for (const k of keys) delete next[k];
  return next;
}

export function queryEquals(a: EventQuery, b: EventQuery): boolean {
  return FILTER_KEYS.every((k) => a[k] === b[k]);
}

/** The filters in force, in a fixed order, for the chips. */
export function activeFilters(query: EventQuery): Array<{ key: FilterKey; value: string }> {
  return FILTER_KEYS.flatMap((key) => {
    const value = query[key];
    return value === undefined ? [] : [{ key, value }];
  });
}

function sameValue<K extends StateKey>(key: K, a: AppState[K], b: AppState[K]): boolean {
  if (key === "query") return queryEquals(a as EventQuery, b as EventQuery);
  return a === b;
}

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Store {
  private state: AppState;
  private pending: Partial<AppState> = {};
  private listeners: Listener[] = [];
  private flushQueued = false;
  private timer: unknown = null;

  constructor(initial: Partial<AppState> = {}, private readonly scheduler: Scheduler = realScheduler) {
    this.state = { query: {}, selected: null, lanes: "actor", revision: 0, ...initial };
  }

  /** The state with any change not yet notified included, so a handler always sees the latest. */
  get(): Readonly<AppState> {
    return { ...this.state, ...this.pending };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /**
   * Merges `patch` into the state. Listeners hear about it once, at the end of
   * this turn of the event loop, or `debounceMs` after the last debounced call.
   */
  set(patch: Partial<AppState>, debounceMs = 0): void {
    this.pending = { ...this.pending, ...patch };
    if (debounceMs > 0) {
      if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
      this.timer = this.scheduler.setTimeout(() => {
        this.timer = null;
        this.flush();
      }, debounceMs);
      return;
    }
    if (this.flushQueued) return;
    this.flushQueued = true;
    void Promise.resolve().then(() => {
      this.flushQueued = false;
      // A debounced gesture still in progress keeps its pending window; an
      // immediate change alongside it is applied now together with it.
      this.flush();
    });
  }

  /** Changes the query: one filter (`key`, `value`) at a time; empty values remove it. */
  setFilter(key: FilterKey, value: string | null | undefined, debounceMs = 0): void {
    this.set({ query: withFilter(this.get().query, key, value) }, debounceMs);
  }

  /** The date window [from, to] (ISO days, or null for everything); debounced when a gesture drives it. */
  setWindow(from: string | null, to: string | null, debounceMs = 0): void {
    const q = withFilter(withFilter(this.get().query, "from", from), "to", to);
    this.set({ query: q }, debounceMs);
  }

  /** Applies pending changes now and notifies listeners of what changed. */
  flush(): void {
    if (this.timer !== null) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = null;
    }
    const patch = this.pending;
    this.pending = {};
    const changed = new Set<StateKey>();
    const next: AppState = { ...this.state };
    for (const key of Object.keys(patch) as StateKey[]) {
      const value = patch[key];
      if (value === undefined) continue;
      if (!sameValue(key, this.state[key], value)) changed.add(key);
      (next as unknown as Record<StateKey, unknown>)[key] = value;
    }
    this.state = next;
    if (changed.size === 0) return;
    for (const l of [...this.listeners]) l(this.state, changed);
  }
}

/**
 * Numbers requests so a slow response to an older one is dropped:
 * `const t = latest.next(); const r = await call(); if (!latest.current(t)) return;`
 */
export class Latest {
  private counter = 0;
  next(): number {
    this.counter += 1;
    return this.counter;
  }
  current(token: number): boolean {
    return token === this.counter;
  }
}

/**
 * Runs a view's loads one at a time: a load asked for while one runs waits, and only the
 * newest waiting one runs after it (a pan that moves the window fifty times queries the
 * backend twice, not fifty times, and the last answer always arrives).
 */
export class OneAtATime {
  private running = false;
  private waiting: (() => Promise<void>) | null = null;

  run(load: () => Promise<void>): void {
    if (this.running) {
      this.waiting = load;
      return;
    }
    this.running = true;
    void load()
      .catch(() => undefined)
      .finally(() => {
        this.running = false;
        const next = this.waiting;
        this.waiting = null;
        if (next !== null) this.run(next);
      });
  }
}
