import { columnExtents, densityBins } from "../viz/timeline/extent";
import { describe, expect, it } from "vitest";
import { isAppError, toAppError } from "./index";
import { rowAt } from "./columns";
import { FakeBackend, titleFromText } from "./fake";
import { demoSeed, emptySeed, fixtureFiles } from "./fixtures";

const TEXT = "Harbour strike ends\n\nDock workers returned on Monday after a week-long strike.";

describe("FakeBackend.articleImportText", () => {
  it("adds an article that the list, the detail and the counts then show", async () => {
    const backend = new FakeBackend(emptySeed());
    expect(await backend.articleList()).toEqual([]);

    const summary = await backend.articleImportText("strike.txt", TEXT);
    expect(summary).toEqual({ imported: 1, duplicates: 0, failed: [], cancelled: false });

    const list = await backend.articleList();
    expect(list).toHaveLength(1);
    expect(list[0]?.title).toBe("Harbour strike ends");
    expect(list[0]?.source).toBe("strike.txt");
    const id = list[0]?.id ?? -1;
    expect((await backend.articleGet(id)).text).toBe(TEXT);
    expect(await backend.workspaceInfo()).toMatchObject({ articles: 1, events: 0 });
  });

  it("counts the same text again as a duplicate, also with different whitespace", async () => {
    const backend = new FakeBackend(emptySeed());
    await backend.articleImportText("a", TEXT);
    expect(await backend.articleImportText("b", TEXT)).toEqual({ imported: 0, duplicates: 1, failed: [], cancelled: false });
    expect(await backend.articleImportText("c", `  ${TEXT.replace("\n\n", "\n \n")}\n`)).toEqual({
      imported: 0,
      duplicates: 1,
      failed: [],
      cancelled: false,
    });
    expect(await backend.articleList()).toHaveLength(1);
  });

  it("rejects empty text with invalid_input", async () => {
    const backend = new FakeBackend(emptySeed());
    await expect(backend.articleImportText("x", " \n ")).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("FakeBackend.articleImport", () => {
  it("imports fixture files, reports duplicates and missing paths", async () => {
    const backend = new FakeBackend(demoSeed(), { files: fixtureFiles });
    const summary = await backend.articleImport(["/demo", "/nope.txt"]);
    expect(summary.imported).toBe(1); // ferry.txt
    expect(summary.duplicates).toBe(1); // the Kremlin text is already in the demo seed
    expect(summary.failed.map((f) => f.path)).toEqual(["/nope.txt"]);
    expect(await backend.articleList()).toHaveLength(demoSeed().articles.length + 1);
  });

  it("rejects an empty path list", async () => {
    const backend = new FakeBackend(emptySeed());
    await expect(backend.articleImport([])).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("FakeBackend", () => {
  it("rejects an unknown id with not_found", async () => {
    const backend = new FakeBackend(demoSeed());
    const reason: unknown = await backend.articleGet(999).catch((e: unknown) => e);
    expect(isAppError(reason) && reason.code).toBe("not_found");
  });

  it("does not share state with the fixtures or with the caller", async () => {
    const seed = demoSeed();
    const backend = new FakeBackend(seed);
    const list = await backend.articleList();
    if (list[0]) list[0].title = "changed";
    await backend.articleImportText("n", TEXT);
    expect(seed.articles).toHaveLength(demoSeed().articles.length);
    expect((await backend.articleList())[0]?.title).not.toBe("changed");
  });

  it("takes a title from the first non-empty line", () => {
    expect(titleFromText("\n\n  Title here  \nbody", "f")).toBe("Title here");
    expect(titleFromText("   ", "fallback")).toBe("fallback");
  });
});

describe("toAppError", () => {
  it("passes AppErrors through and wraps anything else as internal", () => {
    expect(toAppError({ code: "io", message: "m" })).toEqual({ code: "io", message: "m" });
    expect(toAppError("command article_list not found")).toEqual({
      code: "internal",
      message: "command article_list not found",
    });
    expect(toAppError({ code: "weird", message: "m" }).code).toBe("internal");
    expect(toAppError(new Error("boom"))).toEqual({ code: "internal", message: "boom" });
  });
});

describe("FakeBackend queries", () => {
  const backend = () => new FakeBackend(demoSeed());

  it("lists events in date order with the total", async () => {
    const page = await backend().eventList({});
    expect(page.total).toBeGreaterThanOrEqual(40);
    expect(page.events).toHaveLength(page.total);
    const starts = page.events.map((e) => e.earliest ?? e.date_value ?? "");
    expect([...starts].sort()).toEqual(starts);
  });

  it("filters by every query field", async () => {
    const b = backend();
    const all = (await b.eventList({})).events;
    const check = async (query: Parameters<FakeBackend["eventList"]>[0], pred: (e: (typeof all)[number]) => boolean) => {
      const page = await b.eventList(query);
      expect(page.total).toBeGreaterThan(0);
      expect(page.total).toBeLessThan(all.length);
      expect(page.events.every(pred)).toBe(true);
      expect(page.total).toBe(all.filter(pred).length);
    };
    await check({ actor: "Vladimir Putin" }, (e) => e.actors.includes("Vladimir Putin"));
    await check({ place: "Kyiv" }, (e) => e.places.includes("Kyiv"));
    await check({ cameo: "04" }, (e) => e.cameo.startsWith("04"));
    await check({ cameo: "01,19" }, (e) => e.cameo.startsWith("01") || e.cameo.startsWith("19"));
    await check({ cameo: "-01" }, (e) => !e.cameo.startsWith("01"));
    await check({ modality: "denied" }, (e) => e.modality === "denied");
    await check({ attribution: "Dmitry Peskov" }, (e) => e.attribution === "Dmitry Peskov");
    await check({ source: "Example Wire" }, (e) => e.publisher === "Example Wire");
    await check({ language: "id" }, (e) => [1, 3, 6, 8, 9].includes(e.article_id));
    await check({ text: "Bucha" }, (e) => e.article_id === 6);
    // A window keeps events overlapping it, including ranges that start before it.
    await check({ from: "2022-03-01", to: "2022-03-01" }, (e) => (e.earliest ?? "") <= "2022-03-01" && (e.latest ?? "") >= "2022-03-01");
  });

  it("resolves an alias in the actor filter", async () => {
    const b = backend();
    expect((await b.eventList({ actor: "Jokowi" })).total).toBe((await b.eventList({ actor: "Joko Widodo" })).total);
    expect((await b.eventList({ actor: "Nobody At All" })).total).toBe(0);
  });

  it("rejects malformed dates and windows with invalid_input", async () => {
    const b = backend();
    await expect(b.eventList({ from: "2022-02-30" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.eventList({ from: "2022-04-01", to: "2022-03-01" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.eventFacets({ cameo: "99" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.eventFacets({ cameo: "01,-21" })).rejects.toMatchObject({ code: "invalid_input", message: expect.stringContaining('"21"') });
  });

  it("keeps only events certainly in the window when asked", async () => {
    const b = backend();
    const window = { from: "2022-03-01", to: "2022-03-31" };
    const possible = (await b.eventList(window)).events;
    const certain = (await b.eventList({ ...window, certainty: "certain" })).events;
    expect(certain.length).toBeGreaterThan(0);
    expect(certain.length).toBeLessThan(possible.length);
    for (const e of certain) {
      expect(e.precision).not.toBe("before");
      expect((e.earliest ?? "") >= window.from && (e.latest ?? "") <= window.to).toBe(true);
    }
    // An event "on or before" a day in the window, or a week that starts in February, is only possibly in it.
    expect(possible.some((e) => e.precision === "before" || (e.earliest ?? "") < window.from)).toBe(true);
    await expect(b.eventList({ ...window, certainty: "sure" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.eventList({ modality: "rumoured" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("selects and places events by the day they were reported in report time", async () => {
    const b = backend();
    const window = { from: "2022-03-01", to: "2022-03-07" };
    const reported = (await b.eventList({ ...window, time: "reported" })).events;
    const articles = new Map((await b.articleList()).map((a) => [a.id, a.published?.date.slice(0, 10) ?? ""]));
    expect(reported.length).toBeGreaterThan(0);
    for (const e of reported) {
      const day = articles.get(e.article_id) ?? "";
      expect(day >= window.from && day <= window.to).toBe(true);
    }
    // Some events of those articles happened before the window: the two axes differ.
    const happened = (await b.eventList(window)).events.map((e) => e.id);
    expect(reported.map((e) => e.id)).not.toEqual(happened);
    const columns = await b.eventTimeline({ time: "reported" });
    const days = new Set(articles.values());
    expect(columns.count).toBeGreaterThan(0);
    for (let k = 0; k < columns.count; k++) {
      const row = rowAt(columns, k);
      expect(days.has(row.earliest ?? "")).toBe(true);
      expect(row.latest).toBe(row.earliest);
    }
    await expect(b.eventList({ time: "soon" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("counts modalities and who claims the events", async () => {
    const b = backend();
    const facets = await b.eventFacets({});
    expect(facets.modalities.find((m) => m.value === "reported")?.label).toBe("Reported by someone");
    const peskov = facets.attributions.find((a) => a.value === "Dmitry Peskov");
    expect(peskov?.count).toBe((await b.eventList({ attribution: "Dmitry Peskov" })).total);
  });

  it("lists every type in the type facet while some are left out", async () => {
    const b = backend();
    const all = await b.eventFacets({});
    const hidden = await b.eventFacets({ cameo: "-01" });
    expect(hidden.types).toEqual(all.types);
    const statements = all.types.find((t) => t.value === "01")?.count ?? 0;
    expect(statements).toBeGreaterThan(0);
    expect(hidden.total).toBe(all.total - statements);
  });

  it("counts facets over the selected events", async () => {
    const b = backend();
    const facets = await b.eventFacets({ place: "Moscow" });
    const page = await b.eventList({ place: "Moscow" });
    expect(facets.total).toBe(page.total);
    expect(facets.places.find((p) => p.value === "Moscow")?.count).toBe(page.total);
    expect(facets.types.every((t) => t.label.length > 2 && t.value.length === 2)).toBe(true);
    expect(facets.articles).toBe(new Set(page.events.map((e) => e.article_id)).size);
    const counts = facets.actors.map((a) => a.count);
    expect([...counts].sort((x, y) => y - x)).toEqual(counts);
  });

  it("builds a histogram that adds up to the total", async () => {
    const b = backend();
    const months = densityBins(columnExtents(await b.eventTimeline({})), "month");
    expect(months.reduce((s, m) => s + m.count, 0)).toBe((await b.eventList({})).total);
    expect(months.map((m) => new Date(m.start).toISOString().slice(0, 7))).toContain("2022-03");
  });

  it("links actors that share events, with measures", async () => {
    const net = await backend().networkGet({});
    const putin = net.nodes.find((n) => n.actor === "Vladimir Putin");
    expect(putin?.kind).toBe("person");
    expect(putin?.degree).toBeGreaterThan(0);
    const edge = net.edges.find((e) => [e.source, e.target].sort().join("|") === "Joko Widodo|Vladimir Putin");
    expect(edge?.weight).toBe(2);
    const rank = net.nodes.reduce((s, n) => s + n.pagerank, 0);
    expect(rank).toBeCloseTo(1, 5);
  });

  it("lists places with coordinates, unknown places without", async () => {
    const places = await backend().placeList({});
    expect(places.find((p) => p.name === "Moscow")).toMatchObject({ lat: 55.76, lon: 37.62 });
    expect(places.find((p) => p.name === "Belarus–Ukraine border")).toMatchObject({ lat: null, lon: null });
  });

  it("gives an event's detail with its evidence span in the article text", async () => {
    const b = backend();
    const detail = await b.eventGet(4);
    const article = await b.articleGet(detail.event.article_id);
    expect(article.text.slice(detail.evidence.start, detail.evidence.end)).toBe(detail.event.evidence);
    expect(detail.type_name).toBe("Consult");
    expect(article.mentions.some((m) => m.text === "Peskov" && m.kind === "person")).toBe(true);
    expect(article.events.map((e) => e.id)).toContain(4);
    await expect(b.eventGet(9999)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("FakeBackend curation", () => {
  it("merges actors, undoes and redoes the merge", async () => {
    const b = new FakeBackend(demoSeed());
    const kremlin = (await b.eventList({ actor: "Kremlin" })).total;
    const russia = (await b.eventList({ actor: "Russia" })).total;
    expect(await b.historyGet()).toEqual({ undo: null, redo: null });

    const h = await b.actorMerge("Kremlin", "Russia");
    expect(h.undo).toContain("merge");
    expect(h.redo).toBeNull();
    expect((await b.eventList({ actor: "Russia" })).total).toBe(russia + kremlin);
    // The merged name is an alias now.
    expect((await b.eventList({ actor: "Kremlin" })).total).toBe(russia + kremlin);
    expect((await b.networkGet({})).nodes.some((n) => n.actor === "Kremlin")).toBe(false);

    const undone = await b.historyUndo();
    expect(undone).toEqual({ undo: null, redo: h.undo?.replace(/^Undo: /, "Redo: ") });
    expect((await b.eventList({ actor: "Russia" })).total).toBe(russia);
    expect((await b.historyRedo()).undo).toBe(h.undo);
    expect((await b.eventList({ actor: "Russia" })).total).toBe(russia + kremlin);
  });

  it("splits a merged name off again", async () => {
    const b = new FakeBackend(demoSeed());
    const kremlin = (await b.eventList({ actor: "Kremlin" })).total;
    await b.actorMerge("Kremlin", "Russia");
    await b.actorSplit("Russia", "Kremlin");
    expect((await b.eventFacets({})).actors.find((a) => a.value === "Kremlin")?.count).toBe(kremlin);
    await expect(b.actorSplit("Russia", "Nope")).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("renames an actor and keeps the old name as an alias", async () => {
    const b = new FakeBackend(demoSeed());
    await b.actorRename("Polri", "Indonesian National Police");
    const page = await b.eventList({ actor: "Polri" });
    expect(page.total).toBe(1);
    expect(page.events[0]?.actors).toContain("Indonesian National Police");
    await expect(b.actorRename("Nobody", "X")).rejects.toMatchObject({ code: "not_found" });
    await expect(b.actorRename("Russia", "Ukraine")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.actorMerge("Russia", "Nobody")).rejects.toMatchObject({ code: "not_found" });
  });

  it("edits and hides events; a new correction clears the redo stack", async () => {
    const b = new FakeBackend(demoSeed());
    const total = (await b.eventList({})).total;
    await b.eventEdit(1, { cameo: "19", from: "2022-02-20", to: "2022-02-21" });
    const detail = await b.eventGet(1);
    expect(detail.event).toMatchObject({ cameo: "19", earliest: "2022-02-20", latest: "2022-02-21", date_value: null });
    expect(detail.corrected).toBe(true);
    await b.eventEdit(2, { hidden: true });
    expect((await b.eventList({})).total).toBe(total - 1);
    await b.historyUndo();
    expect((await b.eventList({})).total).toBe(total);
    await b.eventEdit(3, { hidden: true });
    expect((await b.historyGet()).redo).toBeNull();
    await expect(b.eventEdit(1, { cameo: "21" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.eventEdit(1, { from: "2022-03-02", to: "2022-03-01" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.eventEdit(1, {})).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.historyRedo()).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("re-dates an article's events when its date is corrected", async () => {
    const b = new FakeBackend(demoSeed());
    await b.articleSetDate(1, "2022-03-08");
    const article = (await b.articleList()).find((a) => a.id === 1);
    expect(article?.published).toMatchObject({ date: "2022-03-08", method: "user" });
    expect((await b.eventGet(1)).event.date_value).toBe("2022-03-08");
    await expect(b.articleSetDate(1, "8 March")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.articleSetDate(99, "2022-03-08")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("bigSeed", () => {
  it("generates the performance workspace deterministically", async () => {
    const { bigSeed } = await import("./fixtures");
    const seed = bigSeed(2_000, 300);
    expect(seed.events).toHaveLength(2_000);
    expect(seed.actors).toHaveLength(300);
    expect(bigSeed(2_000, 300).events[17]).toEqual(seed.events[17]);
    const b = new FakeBackend(seed);
    expect((await b.eventList({})).total).toBe(2_000);
  });
});

describe("FakeBackend grouped reports", () => {
  it("lists an event reported by three articles once, with every report", async () => {
    const b = new FakeBackend(demoSeed());
    const talks = (await b.eventList({ place: "Belarus–Ukraine border" })).events;
    expect(talks).toHaveLength(1);
    const event = talks[0];
    expect(event?.reports).toBe(3);
    const detail = await b.eventGet(event?.id ?? -1);
    expect(detail.reports).toHaveLength(3);
    expect(new Set(detail.reports.map((r) => r.article_id)).size).toBe(3);
    expect(detail.sources).toHaveLength(3);
    expect(detail.reports[0]?.event_id).toBe(event?.id);
    for (const r of detail.reports) {
      const article = await b.articleGet(r.article_id);
      expect(article.text.slice(r.start, r.end)).toBe(r.evidence);
      // The reader can scroll to it: each report is an evidence span of its article.
      expect(article.events.map((e) => e.id)).toContain(r.event_id);
    }
  });

  it("keeps one report apart, undoably, and refuses events that are not grouped", async () => {
    const b = new FakeBackend(demoSeed());
    const total = (await b.eventList({})).total;
    const [event] = (await b.eventList({ place: "Belarus–Ukraine border" })).events;
    const detail = await b.eventGet(event?.id ?? -1);
    const last = detail.reports[2];
    const h = await b.eventKeepApart(last?.event_id ?? -1);
    expect(h.undo).toMatch(/^Undo: keep report \d+ apart/);
    expect((await b.eventList({})).total).toBe(total + 1);
    const after = await b.eventList({ place: "Belarus–Ukraine border" });
    expect(after.events.map((e) => e.reports).sort()).toEqual([1, 2]);
    await b.historyUndo();
    expect((await b.eventList({})).total).toBe(total);
    expect((await b.eventGet(event?.id ?? -1)).reports).toHaveLength(3);
    // Keeping the representative apart leaves the other two grouped.
    await b.eventKeepApart(event?.id ?? -1);
    expect((await b.eventList({ place: "Belarus–Ukraine border" })).events.map((e) => e.reports).sort()).toEqual([1, 2]);
    await expect(b.eventKeepApart(event?.id ?? -1)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.eventKeepApart(1)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(b.eventKeepApart(9999)).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts a grouped event once in facets, histograms and the workspace", async () => {
    const b = new FakeBackend(demoSeed());
    const total = (await b.eventList({})).total;
    expect((await b.eventFacets({})).total).toBe(total);
    expect((await b.workspaceInfo()).events).toBe(total);
    expect(densityBins(columnExtents(await b.eventTimeline({})), "week").reduce((s, m) => s + m.count, 0)).toBe(total);
  });
});

describe("FakeBackend dialogs and workspaces", () => {
  const options = () => ({
    files: fixtureFiles,
    workspaces: { "/w/empty.db": { ...emptySeed(), path: "/w/empty.db" }, "/w/notes.txt": "not a workspace" as const },
    recent: ["/w/empty.db", "/w/gone.db"],
    dialogs: { files: ["/demo/ferry.txt"], folder: "/demo", openWorkspace: "/w/empty.db", newWorkspace: "/w/new.db" },
  });

  it("answers the import dialogs, and [] when they are cancelled", async () => {
    const b = new FakeBackend(demoSeed(), options());
    expect(await b.importPick(false)).toEqual(["/demo/ferry.txt"]);
    expect(await b.importPick(true)).toEqual(["/demo"]);
    const cancelled = new FakeBackend(demoSeed());
    expect(await cancelled.importPick(false)).toEqual([]);
    expect(await cancelled.importPick(true)).toEqual([]);
  });

  it("reports import progress file by file", async () => {
    const b = new FakeBackend(emptySeed(), { files: fixtureFiles });
    const seen: string[] = [];
    await b.articleImport(["/demo", "/nope.txt"], (e) => seen.push(`${e.done}/${e.total}`));
    expect(seen).toEqual(["2/3", "3/3"]);
  });

  it("lists recent workspaces with the current one marked and missing ones", async () => {
    const b = new FakeBackend(demoSeed(), options());
    expect(await b.workspaceRecent()).toEqual([
      { path: demoSeed().path, exists: true, current: true },
      { path: "/w/empty.db", exists: true, current: false },
      { path: "/w/gone.db", exists: false, current: false },
    ]);
  });

  it("switches workspace and back, keeping each one's data and history", async () => {
    const b = new FakeBackend(demoSeed(), options());
    const demo = demoSeed().path;
    await b.eventEdit(1, { hidden: true });
    const info = await b.workspaceOpen("/w/empty.db", false);
    expect(info).toEqual({ path: "/w/empty.db", articles: 0, events: 0 });
    expect(await b.articleList()).toEqual([]);
    expect(await b.historyGet()).toEqual({ undo: null, redo: null });
    expect((await b.workspaceRecent())[0]).toEqual({ path: "/w/empty.db", exists: true, current: true });
    const back = await b.workspaceOpen(demo, false);
    expect(back?.articles).toBe(demoSeed().articles.length);
    expect((await b.historyGet()).undo).toBe("Undo: hide event 1");
  });

  it("opens through the dialog, creates new workspaces, and resolves null when cancelled", async () => {
    const b = new FakeBackend(demoSeed(), options());
    expect((await b.workspaceOpen(null, false))?.path).toBe("/w/empty.db");
    expect(await b.workspaceOpen(null, true)).toEqual({ path: "/w/new.db", articles: 0, events: 0 });
    expect((await b.workspaceRecent()).map((r) => r.path).slice(0, 2)).toEqual(["/w/new.db", "/w/empty.db"]);
    expect(await new FakeBackend(demoSeed()).workspaceOpen(null, false)).toBeNull();
  });

  it("refuses a missing file and a file that is not a workspace", async () => {
    const b = new FakeBackend(demoSeed(), options());
    await expect(b.workspaceOpen("/w/gone.db", false)).rejects.toMatchObject({ code: "not_found" });
    await expect(b.workspaceOpen("/w/notes.txt", false)).rejects.toMatchObject({ code: "invalid_input" });
    // Nothing changed.
    expect((await b.workspaceInfo()).path).toBe(demoSeed().path);
  });
});

describe("FakeBackend 'on or before' events", () => {
  it("keeps precision 'before' and moves with a corrected article date", async () => {
    const b = new FakeBackend(demoSeed());
    const before = (await b.eventList({})).events.filter((e) => e.precision === "before");
    expect(before.length).toBeGreaterThan(0);
    const e = before[0];
    expect(e).toMatchObject({ earliest: e?.latest, date_value: e?.latest });
    const article = (await b.articleList()).find((a) => a.id === e?.article_id);
    await b.articleSetDate(e?.article_id ?? -1, "2022-03-05");
    expect(article?.published?.date).toBe("2022-03-02");
    expect((await b.eventGet(e?.id ?? -1)).event).toMatchObject({ earliest: "2022-03-05", latest: "2022-03-05", precision: "before" });
  });
});

describe("FakeBackend.articleList with a query", () => {
  it("lists the articles the filters select, as many as the facets count", async () => {
    const backend = new FakeBackend(demoSeed());
    const all = await backend.articleList();
    expect(all).toHaveLength(demoSeed().articles.length);
    expect(await backend.articleList({})).toEqual(all);

    const check = async (query: Parameters<FakeBackend["articleList"]>[0]) => {
      const list = await backend.articleList(query);
      expect((await backend.eventFacets(query ?? {})).articles).toBe(list.length);
      return list;
    };
    // A filter on articles: every article passing it, also one without events.
    await backend.articleImportText("note.txt", "Wire note\n\nNothing happened on the Example Wire desk today.");
    const source = await check({ source: "Example Wire" });
    expect(source.length).toBeGreaterThan(0);
    expect(source.every((a) => a.publisher === "Example Wire")).toBe(true);
    const text = await check({ text: "nothing happened" });
    expect(text.map((a) => a.title)).toEqual(["Wire note"]);
    expect(text[0]?.events).toBe(0);

    // A filter on events: the articles reporting the selected events, no other.
    const events = (await backend.eventList({ actor: "Russia" })).events;
    expect(events.length).toBeGreaterThan(0);
    const actor = await check({ actor: "Russia" });
    // The selected events' own articles, and those of reports grouped into them.
    const reporting = new Set(events.map((e) => e.article_id));
    for (const e of events.filter((e) => e.reports > 1)) {
      for (const r of (await backend.eventGet(e.id)).reports) reporting.add(r.article_id);
    }
    expect(new Set(actor.map((a) => a.id))).toEqual(reporting);
    expect(actor.length).toBeLessThan(all.length);
    // Both kinds: the reporting articles that pass the article filters.
    const both = await check({ actor: "Russia", language: "en" });
    expect(both.every((a) => a.language === "en" && actor.some((b) => b.id === a.id))).toBe(true);
    expect(await check({ actor: "Nobody at all" })).toEqual([]);
  });
});
