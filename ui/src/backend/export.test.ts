import { describe, expect, it } from "vitest";
import type { ChartRequest } from "../bindings";
import { FakeBackend } from "./fake";
import { demoSeed, emptySeed } from "./fixtures";

const TODAY = "2026-11-26";
const fake = (options: { cancelExports?: boolean } = {}) => new FakeBackend(demoSeed(), { today: TODAY, ...options });
const chart = (extra: Partial<ChartRequest> = {}): ChartRequest => ({ view: "timeline", format: "png", caption: true, ...extra });

describe("FakeBackend.actorList", () => {
  it("lists every actor with sorted aliases and visible event counts, busiest first", async () => {
    const b = fake();
    const actors = await b.actorList();
    expect(actors).toHaveLength(demoSeed().actors.length);
    const russia = actors.find((a) => a.name === "Russia");
    expect(russia).toMatchObject({ kind: "country", aliases: ["Rusia", "Russian"] });
    expect(russia?.events).toBe((await b.eventList({ actor: "Russia" })).total);
    const counts = actors.map((a) => a.events);
    expect([...counts].sort((x, y) => y - x)).toEqual(counts);
    expect(new Set(actors.map((a) => a.id)).size).toBe(actors.length);
  });

  it("follows merges, splits and hidden events, and undo", async () => {
    const b = fake();
    const before = await b.actorList();
    const putin = before.find((a) => a.name === "Vladimir Putin");
    const kremlin = before.find((a) => a.name === "Kremlin");
    await b.actorMerge("Kremlin", "Vladimir Putin");
    let after = await b.actorList();
    expect(after.find((a) => a.name === "Kremlin")).toBeUndefined();
    const merged = after.find((a) => a.name === "Vladimir Putin");
    expect(merged?.aliases).toEqual(["Kremlin", "Putin"]);
    expect(merged?.id).toBe(putin?.id);
    expect(merged?.events).toBe((await b.eventList({ actor: "Vladimir Putin" })).total);
    expect(merged?.events ?? 0).toBeGreaterThanOrEqual(Math.max(putin?.events ?? 0, kremlin?.events ?? 0));

    await b.actorSplit("Vladimir Putin", "Kremlin");
    after = await b.actorList();
    expect(after.find((a) => a.name === "Kremlin")?.events).toBe(kremlin?.events);
    expect(after.find((a) => a.name === "Vladimir Putin")?.aliases).toEqual(["Putin"]);

    const [first] = (await b.eventList({ actor: "Russia" })).events;
    await b.eventEdit(first?.id ?? -1, { hidden: true });
    const russia = (await b.actorList()).find((a) => a.name === "Russia");
    expect(russia?.events).toBe((before.find((a) => a.name === "Russia")?.events ?? 0) - 1);
  });

  it("is empty for an empty workspace", async () => {
    expect(await new FakeBackend(emptySeed()).actorList()).toEqual([]);
  });
});

describe("FakeBackend.exportChart", () => {
  it("names the file after the view, the day and the format and captions the selection", async () => {
    const b = fake();
    const total = (await b.eventList({ actor: "Russia" })).total;
    const result = await b.exportChart({ actor: "Russia" }, chart({ format: "pdf" }));
    expect(result.files).toEqual([`/tmp/linimasa-timeline-${TODAY}.pdf`]);
    expect(result.caption).toMatch(new RegExp(`^${total} events from \\d+ articles?`));
    expect(result.caption).toContain("filters: actor: Russia");
    expect(result.caption.endsWith(`exported ${TODAY} with Linimasa`)).toBe(true);
    expect((await b.exportChart({}, chart({ view: "network", format: "svg" }))).files).toEqual([`/tmp/linimasa-network-${TODAY}.svg`]);
    expect((await b.exportChart({}, chart({ view: "map", scale: 2 }))).files).toEqual([`/tmp/linimasa-map-${TODAY}.png`]);
  });

  it("words the caption as the core does: window, types, no filters, nothing selected", async () => {
    const b = fake();
    const windowed = await b.exportChart({ from: "2022-03-01", to: "2022-03-31", cameo: "04" }, chart());
    expect(windowed.caption).toContain(" · 2022-03-01 to 2022-03-31 · ");
    expect(windowed.caption).toContain("filters: type: 04 Consult");
    expect((await b.exportChart({}, chart())).caption).toContain(" · no filters · ");
    expect((await b.exportChart({ text: "zzzz-nothing" }, chart())).caption).toMatch(/^No events match the filters · /);
  });

  it("rejects what the core rejects with invalid_input", async () => {
    const b = fake();
    for (const bad of [
      chart({ scale: 0.1 }),
      chart({ scale: 9 }),
      chart({ scale: Number.NaN }),
      chart({ width: 99 }),
      chart({ width: 20_001 }),
      chart({ window_from: "2022-02-30", window_to: "2022-03-05" }),
      chart({ window_from: "1/3/2022" }),
      chart({ window_from: "2022-03-05", window_to: "2022-03-01" }),
    ]) {
      await expect(b.exportChart({}, bad), JSON.stringify(bad)).rejects.toMatchObject({ code: "invalid_input" });
    }
    await expect(b.exportChart({ from: "March" }, chart())).rejects.toMatchObject({ code: "invalid_input" });
    // The limits themselves are allowed.
    await expect(b.exportChart({}, chart({ scale: 0.25, width: 100 }))).resolves.toHaveProperty("files");
    await expect(b.exportChart({}, chart({ scale: 8, width: 20_000, window_from: " 2022-03-01 ", window_to: "2022-03-01" }))).resolves.toHaveProperty("files");
  });

  it("returns no files and no caption when the save dialog is cancelled", async () => {
    expect(await fake({ cancelExports: true }).exportChart({}, chart())).toEqual({ files: [], caption: "" });
  });
});

describe("FakeBackend.exportData", () => {
  it("writes four CSV files and one file for every other format", async () => {
    const b = fake();
    const csv = await b.exportData({}, "csv", false);
    expect(csv.files).toEqual(["events", "actors", "places", "mentions"].map((n) => `/tmp/linimasa-${TODAY}-${n}.csv`));
    expect(csv.caption).toContain("no filters");
    expect((await b.exportData({}, "graphml", false)).files).toEqual([`/tmp/linimasa-${TODAY}.graphml`]);
    expect((await b.exportData({}, "gexf", false)).files).toEqual([`/tmp/linimasa-${TODAY}.gexf`]);
    expect((await b.exportData({}, "json", false)).files).toEqual([`/tmp/linimasa-${TODAY}.json`]);
    expect((await b.exportData({}, "timelinejs", true)).files).toEqual([`/tmp/linimasa-timelinejs-${TODAY}.json`]);
  });

  it("rejects a malformed query and honours a cancelled dialog", async () => {
    await expect(fake().exportData({ to: "2022-13-01" }, "csv", false)).rejects.toMatchObject({ code: "invalid_input" });
    expect(await fake({ cancelExports: true }).exportData({}, "json", false)).toEqual({ files: [], caption: "" });
  });
});
