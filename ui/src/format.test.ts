import { describe, expect, it } from "vitest";
import type { ArticleSummary, EventRow, PublishedDate } from "./bindings";
import {
  describeError,
  historyChange,
  formatConfidence,
  formatCounts,
  formatEventDate,
  formatImportSummary,
  formatImportProgress,
  formatTimeLeft,
  ImportRate,
  formatProvenance,
  formatPublished,
  sortArticlesByDate,
  splitAtTrigger,
  sortEventsByDate,
  sortEventsByReport,
  splitParagraphs,
  paragraphRanges,
  segments,
} from "./format";

const inferred: PublishedDate = {
  date: "2022-03-01",
  method: "weekday_inference",
  evidence: "Selasa (1/3)",
  confidence: 0.8,
};

function article(id: number, date: string | null): ArticleSummary {
  return {
    id,
    title: `Article ${id}`,
    publisher: null,
    url: null,
    language: null,
    published: date === null ? null : { ...inferred, date, method: "metadata" },
    warnings: [],
    source: null,
    events: 0,
  };
}

function event(id: number, date_value: string | null, earliest: string | null = null, latest: string | null = null): EventRow {
  return {
    id,
    article_id: 1,
    cameo: "010",
    date_value,
    earliest,
    latest,
    precision: "day",
    evidence: "",
    actors: [],
    places: [],
    modality: "asserted",
    confidence: 1,
    participants: [],
    attribution: null,
    derivation: "",
    article_title: "",
    publisher: null,
    reports: 1,
    trigger: null,
    reported: null,
  };
}

describe("formatPublished", () => {
  it("shows the date and a readable method", () => {
    expect(formatPublished(inferred)).toBe("2022-03-01 · weekday inference");
    expect(formatPublished({ ...inferred, method: "file_mtime" })).toBe("2022-03-01 · file modification time");
    expect(formatPublished({ ...inferred, method: "neighbours" })).toBe(
      "2022-03-01 · the file's other articles",
    );
    expect(formatPublished({ ...inferred, method: "user" })).toBe("2022-03-01 · set by user");
  });

  it("says undated when there is no date", () => {
    expect(formatPublished(null)).toBe("undated");
  });
});

describe("formatProvenance", () => {
  it("names method, evidence and confidence", () => {
    expect(formatProvenance(inferred)).toBe(
      "Published 2022-03-01 — weekday inference, from “Selasa (1/3)”, confidence 80%",
    );
  });

  it("leaves out missing evidence", () => {
    expect(formatProvenance({ ...inferred, method: "metadata", evidence: null, confidence: 1 })).toBe(
      "Published 2022-03-01 — metadata, confidence 100%",
    );
    expect(formatProvenance(null)).toBe("No publication date found.");
  });
});

describe("formatConfidence", () => {
  it("rounds and clamps", () => {
    expect(formatConfidence(0.666)).toBe("67%");
    expect(formatConfidence(1.5)).toBe("100%");
    expect(formatConfidence(-1)).toBe("0%");
    expect(formatConfidence(Number.NaN)).toBe("—");
  });
});

describe("formatImportSummary", () => {
  it("gives counts and one line per failure", () => {
    expect(formatImportSummary({ imported: 1, duplicates: 0, failed: [], cancelled: false })).toEqual({
      headline: "Imported 1, duplicates 0, failed 0",
      failures: [],
    });
    const text = formatImportSummary({
      imported: 2,
      duplicates: 1,
      failed: [
        { path: "/a/b.pdf", reason: "unsupported format" },
        { path: "/a/c.txt", reason: "not valid UTF-8" },
      ],
      cancelled: false,
    });
    expect(text.headline).toBe("Imported 2, duplicates 1, failed 2");
    expect(text.failures).toEqual(["/a/b.pdf: unsupported format", "/a/c.txt: not valid UTF-8"]);
  });

  it("says when the import was cancelled, and shows progress", () => {
    const text = formatImportSummary({ imported: 256, duplicates: 0, failed: [], cancelled: true });
    expect(text.headline).toBe("Imported 256, duplicates 0, failed 0 (cancelled: what was imported stays)");
    expect(formatImportProgress({ kind: "files", done: 3, total: 10, imported: 1 })).toBe(
      "Importing… 3 of 10 files, 1 article so far",
    );
  });
});

describe("formatCounts", () => {
  it("pluralises", () => {
    expect(formatCounts({ articles: 0, events: 0 })).toBe("0 articles · 0 events");
    expect(formatCounts({ articles: 1, events: 1 })).toBe("1 article · 1 event");
    expect(formatCounts({ articles: 2, events: 15 })).toBe("2 articles · 15 events");
  });
});

describe("sortArticlesByDate", () => {
  it("puts newest first, undated last, ties by id, without mutating", () => {
    const input = [article(1, null), article(2, "2021-05-01"), article(3, "2022-03-01"), article(4, "2021-05-01"), article(5, null)];
    const before = input.map((a) => a.id);
    expect(sortArticlesByDate(input).map((a) => a.id)).toEqual([3, 2, 4, 1, 5]);
    expect(input.map((a) => a.id)).toEqual(before);
  });
});

describe("events", () => {
  it("formats exact dates, ranges and open bounds", () => {
    expect(formatEventDate(event(1, "2022-03-01"))).toBe("2022-03-01");
    expect(formatEventDate(event(1, null, "2022-02-24", "2022-03-01"))).toBe("2022-02-24 – 2022-03-01");
    expect(formatEventDate(event(1, null, "2022-02-24", "2022-02-24"))).toBe("2022-02-24");
    expect(formatEventDate(event(1, null, "2022-02-24", null))).toBe("after 2022-02-24");
    expect(formatEventDate(event(1, null, null, "2022-03-01"))).toBe("before 2022-03-01");
    expect(formatEventDate(event(1, null))).toBe("undated");
  });

  it("sorts chronologically with undated last", () => {
    const events = [event(1, null), event(2, "2022-03-01"), event(3, null, "2022-02-24", "2022-03-01"), event(4, "2022-02-28")];
    expect(sortEventsByDate(events).map((e) => e.id)).toEqual([3, 4, 2, 1]);
  });

  it("sorts by the day reported in report time, then by date, unreported last", () => {
    const reported = (e: EventRow, day: string | null): EventRow => ({ ...e, reported: day });
    const events = [
      reported(event(1, "1991-12-26"), "2022-03-10"),
      reported(event(2, "2022-03-05"), "2022-03-02"),
      reported(event(3, "2022-03-01"), "2022-03-10"),
      reported(event(4, "2022-02-01"), null),
    ];
    expect(sortEventsByReport(events).map((e) => e.id)).toEqual([2, 1, 3, 4]);
  });
});

describe("describeError", () => {
  it("words the error by its code", () => {
    expect(describeError({ code: "not_found", message: "no article with id 9" })).toBe("Not found: no article with id 9");
    expect(describeError({ code: "io", message: "x" })).toMatch(/^Could not read or write a file/);
  });
});

describe("splitParagraphs", () => {
  it("splits on blank lines and keeps single newlines", () => {
    expect(splitParagraphs("Title\r\n\r\nOne\nline two\n  \n\n Three ")).toEqual(["Title", "One\nline two", "Three"]);
    expect(splitParagraphs("   ")).toEqual([]);
  });
});

describe("paragraphRanges and segments", () => {
  it("keeps offsets into the original text, so backend highlights line up", () => {
    const text = "“Satu” dua.\n\n  Tiga 𝄞 Selasa (1/3).\n";
    const ranges = paragraphRanges(text);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(["“Satu” dua.", "Tiga 𝄞 Selasa (1/3)."]);
    const start = text.indexOf("Selasa");
    const mark = { start, end: start + "Selasa (1/3)".length };
    const [p2s, p2e] = ranges[1] ?? [0, 0];
    const segs = segments(text, p2s, p2e, [mark]);
    expect(segs.map((s) => [s.text, s.mark !== null])).toEqual([
      ["Tiga 𝄞 ", false],
      ["Selasa (1/3)", true],
      [".", false],
    ]);
  });

  it("clips overlapping and out-of-range marks without duplicating text", () => {
    const text = "abcdefghij";
    const segs = segments(text, 2, 8, [
      { start: 0, end: 4 },
      { start: 3, end: 6 },
      { start: 7, end: 20 },
    ]);
    expect(segs.map((s) => s.text).join("")).toBe("cdefgh");
    expect(segs.map((s) => [s.text, s.mark !== null])).toEqual([
      ["cd", true],
      ["ef", true],
      ["g", false],
      ["h", true],
    ]);
  });
});

describe("nestedSegments", () => {
  it("nests inner marks inside outer ones without duplicating text", async () => {
    const { nestedSegments, withoutOverlaps } = await import("./format");
    const text = "Putin met Jokowi on Thursday in Moscow.";
    const evidence = [{ start: 0, end: 28 }];
    const names = withoutOverlaps(
      [
        { start: 0, end: 5 },
        { start: 10, end: 16 },
        { start: 17, end: 28 },
        { start: 32, end: 38 },
      ],
      [{ start: 20, end: 28 }],
    );
    const inner = [...names, { start: 20, end: 28 }];
    const layers = nestedSegments(text, 0, text.length, evidence, inner);
    expect(layers.map((l) => l.parts.map((p) => p.text).join("")).join("")).toBe(text);
    expect(layers[0]?.outer).toEqual({ start: 0, end: 28 });
    expect(layers[0]?.parts.filter((p) => p.mark !== null).map((p) => p.text)).toEqual(["Putin", "Jokowi", "Thursday"]);
    expect(layers[1]?.outer).toBeNull();
    expect(layers[1]?.parts.find((p) => p.mark !== null)?.text).toBe("Moscow");
  });
});

describe("historyChange", () => {
  it("drops the verb the core puts in front of a history label", () => {
    expect(historyChange("Undo: hide event 12")).toBe("hide event 12");
    expect(historyChange("Redo: merge “A” into “B”")).toBe("merge “A” into “B”");
    expect(historyChange("set the date of “Undo: x”")).toBe("set the date of “Undo: x”");
  });
});

describe("import progress with the time left", () => {
  const ev = (done: number, total: number) => ({ kind: "files" as const, done, total, imported: done });

  it("estimates from the rate since the import started", () => {
    const rate = new ImportRate(1_000);
    // 100 of 1,000 files in 2 s: 50 files/s, 900 left = 18 s.
    expect(rate.observe(ev(100, 1_000), 3_000)).toBeCloseTo(18, 5);
    // 500 in 10 s: still 50/s, 500 left = 10 s.
    expect(rate.observe(ev(500, 1_000), 11_000)).toBeCloseTo(10, 5);
    expect(rate.observe(ev(1_000, 1_000), 21_000)).toBe(0);
  });

  it("has no estimate before any file is done, or from a single event without a start", () => {
    expect(new ImportRate(0).observe(ev(0, 10), 500)).toBeNull();
    const rate = new ImportRate();
    expect(rate.observe(ev(3, 10), 100)).toBeNull();
    expect(rate.observe(ev(5, 10), 1_100)).toBeCloseTo(2.5, 5);
  });

  it("says N of M and the time left in words", () => {
    expect(formatImportProgress(ev(3, 10), 12.4)).toBe("Importing… 3 of 10 files, 3 articles so far, about 12 s left");
    expect(formatImportProgress(ev(3, 10), null)).toBe("Importing… 3 of 10 files, 3 articles so far, estimating time left…");
    expect(formatTimeLeft(0.2)).toBe("less than a second left");
    expect(formatTimeLeft(200)).toBe("about 3 min 20 s left");
    expect(formatTimeLeft(180)).toBe("about 3 min left");
    expect(formatTimeLeft(7_500)).toBe("about 2 h 5 min left");
  });
});

describe("events reported without a date of their own", () => {
  it("reads precision 'before' as on or before the article's day", () => {
    const e = { date_value: "2022-03-01", earliest: "2022-03-01", latest: "2022-03-01", precision: "before" };
    expect(formatEventDate(e)).toBe("on or before 2022-03-01");
    expect(formatEventDate({ ...e, precision: "day" })).toBe("2022-03-01");
  });
});

describe("splitAtTrigger", () => {
  it("marks the trigger as a whole word, or nothing", () => {
    expect(splitAtTrigger("Boeing has delayed the delay.", "delay")).toEqual(["Boeing has delayed the ", "delay", "."]);
    expect(splitAtTrigger("It crashed.", "crash")).toBeNull();
    expect(splitAtTrigger("No trigger here.", null)).toBeNull();
    expect(splitAtTrigger("<b>x</b> fell", "fell")).toEqual(["<b>x</b> ", "fell", ""]);
  });
});

describe("formatEventDate of coarse values", () => {
  it("writes decades and centuries as people do", () => {
    expect(formatEventDate({ date_value: "193", earliest: "1930-01-01", latest: "1939-12-31" })).toBe("1930s");
    expect(formatEventDate({ date_value: "19", earliest: "1900-01-01", latest: "1999-12-31" })).toBe("1900s");
    expect(formatEventDate({ date_value: "2008", earliest: null, latest: null })).toBe("2008");
  });
});

describe("codeLabel", () => {
  it("calls CAMEO codes CAMEO, and not the other events' 00", async () => {
    const { codeLabel, cameoName } = await import("./cameo");
    expect(codeLabel("04")).toBe("CAMEO 04");
    expect(codeLabel("00")).toBe("00");
    expect(cameoName("00")).toBe("Other event");
  });
});

describe("type selections", () => {
  it("reads, writes and describes a type filter as the core does", async () => {
    const { parseTypes, formatTypes, describeTypes, keepsType } = await import("./cameo");
    expect(parseTypes("01, 19")).toEqual({ only: ["01", "19"], not: [] });
    expect(parseTypes("-00")).toEqual({ only: [], not: ["00"] });
    expect(parseTypes("99")).toMatchObject({ error: expect.stringContaining('"99"') });
    expect(parseTypes(",")).toHaveProperty("error");
    expect(formatTypes({ only: ["04"], not: ["00"] })).toBe("04,-00");
    expect(formatTypes({ only: [], not: [] })).toBeUndefined();
    expect(describeTypes("01,19")).toBe("01 Make public statement, 19 Fight");
    expect(describeTypes("-00")).toBe("all but 00 Other event");
    expect(keepsType({ only: [], not: ["00"] }, "04")).toBe(true);
    expect(keepsType({ only: [], not: ["00"] }, "00")).toBe(false);
    expect(keepsType({ only: ["01"], not: [] }, "04")).toBe(false);
  });

  it("turns facet clicks into the next filter", async () => {
    const { chooseType, leaveOutType, typeState } = await import("./cameo");
    // A click chooses one type; a second click on it clears the filter.
    expect(chooseType(undefined, "04", false)).toBe("04");
    expect(chooseType("04", "04", false)).toBeUndefined();
    expect(chooseType("04", "19", false)).toBe("19");
    // Ctrl-click adds a type to the chosen ones, or takes it away.
    expect(chooseType("04", "19", true)).toBe("04,19");
    expect(chooseType("04,19", "04", true)).toBe("19");
    expect(chooseType("-00", "04", true)).toBe("04,-00");
    // Leaving a type out, and taking it back.
    expect(leaveOutType(undefined, "00")).toBe("-00");
    expect(leaveOutType("-00", "00")).toBeUndefined();
    expect(leaveOutType("-00", "01")).toBe("-00,-01");
    expect(leaveOutType("01,19", "01")).toBe("19");
    expect(leaveOutType("01", "01")).toBe("-01");
    expect(leaveOutType("01", "04")).toBe("01");
    expect(typeState("01,-00", "00")).toBe("not");
    expect(typeState("01,-00", "01")).toBe("only");
    expect(typeState(undefined, "01")).toBe("none");
  });
});

describe("formatReportLag", () => {
  it("says how long after the event it was reported", async () => {
    const { formatReportLag } = await import("./format");
    expect(formatReportLag("2022-03-01", "2022-03-01")).toBe("2022-03-01 (the same day)");
    expect(formatReportLag("2022-02-24", "2022-03-01")).toBe("2022-03-01 (5 days later)");
    expect(formatReportLag("2022-01-01", "2022-03-01")).toBe("2022-03-01 (2 months later)");
    expect(formatReportLag("1991-12-26", "2022-03-10")).toBe("2022-03-10 (30 years later)");
    // Whole years, as ages are told: 56 years and 7 months is 56 years.
    expect(formatReportLag("1955-02-24", "2011-10-06")).toBe("2011-10-06 (56 years later)");
    expect(formatReportLag("2022-11-01", "2022-03-10")).toBe("2022-03-10 (ahead of it)");
    expect(formatReportLag(null, "2022-03-10")).toBe("2022-03-10");
  });
});
