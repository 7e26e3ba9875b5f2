import { describe, expect, it } from "vitest";
import { isAppError, toAppError } from "./index";
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
    expect(await backend.articleList()).toHaveLength(3);
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
    expect(seed.articles).toHaveLength(2);
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
