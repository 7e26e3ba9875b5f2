import { describe, expect, it, vi } from "vitest";
import { activeFilters, Latest, type StateKey, Store, WINDOW_DEBOUNCE_MS, withFilter } from "./state";

const tick = () => Promise.resolve();

describe("filter transitions", () => {
  it("sets, replaces and removes filters without undefined keys", () => {
    let q = withFilter({}, "actor", "Russia");
    q = withFilter(q, "place", "Kyiv");
    expect(q).toEqual({ actor: "Russia", place: "Kyiv" });
    q = withFilter(q, "actor", " ");
    expect(q).toEqual({ place: "Kyiv" });
    expect("actor" in q).toBe(false);
    expect(activeFilters({ text: "x", from: "2022-01-01", cameo: "04" }).map((f) => f.key)).toEqual(["from", "cameo", "text"]);
  });
});

describe("Store", () => {
  it("coalesces changes made in one turn into one notification", async () => {
    const store = new Store();
    const heard: Array<StateKey[]> = [];
    store.subscribe((_, changed) => heard.push([...changed].sort()));
    store.setFilter("actor", "Russia");
    store.setFilter("place", "Kyiv");
    store.set({ selected: 3 });
    expect(heard).toEqual([]);
    expect(store.get().query).toEqual({ actor: "Russia", place: "Kyiv" });
    await tick();
    expect(heard).toEqual([["query", "selected"]]);
  });

  it("does not notify when nothing changed", async () => {
    const store = new Store({ query: { actor: "A" } });
    const listener = vi.fn();
    store.subscribe(listener);
    store.set({ query: { actor: "A" } });
    await tick();
    expect(listener).not.toHaveBeenCalled();
  });

  it("debounces window changes from a drag into one notification", () => {
    vi.useFakeTimers();
    try {
      const store = new Store();
      const windows: Array<[string | undefined, string | undefined]> = [];
      store.subscribe((s) => windows.push([s.query.from, s.query.to]));
      for (let d = 1; d <= 9; d++) {
        store.setWindow(`2022-03-0${d}`, "2022-03-20", WINDOW_DEBOUNCE_MS);
        vi.advanceTimersByTime(30);
      }
      expect(windows).toEqual([]);
      vi.advanceTimersByTime(WINDOW_DEBOUNCE_MS);
      expect(windows).toEqual([["2022-03-09", "2022-03-20"]]);
      store.setWindow(null, null, WINDOW_DEBOUNCE_MS);
      vi.advanceTimersByTime(WINDOW_DEBOUNCE_MS + 1);
      expect(windows[1]).toEqual([undefined, undefined]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("Latest", () => {
  it("marks only the newest request as current", () => {
    const latest = new Latest();
    const a = latest.next();
    const b = latest.next();
    expect(latest.current(a)).toBe(false);
    expect(latest.current(b)).toBe(true);
  });
});
