import { describe, expect, it } from "vitest";
import { columnsFromRows, decodeColumns, NO_DAY, rowAt } from "./columns";
import { SAMPLE_HEX } from "./columns.sample";

// Written by the Rust integration test `timeline_columns_carry_the_listing_rows` from a
// real store: four visible events (a fifth is hidden) of one Gatra.com article.
const sample = (): ArrayBuffer => {
  const bytes = new Uint8Array(SAMPLE_HEX.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(SAMPLE_HEX.slice(2 * i, 2 * i + 2), 16);
  return bytes.buffer;
};

describe("timeline columns", () => {
  it("decodes what the Rust store encodes", () => {
    const c = decodeColumns(sample());
    expect(c.count).toBe(4);
    const rows = Array.from({ length: c.count }, (_, k) => rowAt(c, k));
    expect(rows.map((r) => r.cameo)).toEqual(["01", "19", "04", "01"]);
    expect(rows.map((r) => r.earliest)).toEqual(["2022-02-24", "2022-02-28", "2022-02-28", "2022-03-01"]);
    expect(rows[2]?.latest).toBe("2022-03-01");
    expect(rows[1]?.actors.sort()).toEqual(["Russia", "Ukraine"]);
    expect(rows[1]?.places).toEqual(["Kharkiv"]);
    expect(rows[2]?.places).toEqual(["Belarus"]);
    expect(rows.every((r) => r.publisher === "Gatra.com" && r.article_title === "Sample" && r.reports === 1)).toBe(true);
    expect([...c.id]).toEqual([...c.id].sort((a, b) => a - b));
  });

  it("builds the same columns from rows as the store sends", () => {
    const c = decodeColumns(sample());
    const again = columnsFromRows(Array.from({ length: c.count }, (_, k) => ({ ...rowAt(c, k), article_id: 1, evidence: "", attribution: null, derivation: "", trigger: null, reported: null })));
    for (const field of ["id", "earliest", "latest", "precision", "cameo", "confidence", "actorStart", "placeStart", "actor", "role", "place"] as const) {
      expect([...again[field]], field).toEqual([...c[field]]);
    }
    expect(again.tables).toEqual(c.tables);
  });

  it("marks unknown days and refuses broken messages", () => {
    const rows = columnsFromRows([]);
    expect(rows.count).toBe(0);
    expect(rows.actorStart.length).toBe(1);
    const undated = columnsFromRows([
      { id: 1, article_id: 1, cameo: "01", date_value: null, earliest: null, latest: "2022-03-01", precision: "before", evidence: "", actors: [], places: [], modality: "asserted", confidence: 0.5, participants: [], attribution: null, derivation: "", article_title: "t", publisher: null, reports: 1, trigger: null, reported: null },
    ]);
    expect(undated.earliest[0]).toBe(NO_DAY);
    expect(rowAt(undated, 0).latest).toBe("2022-03-01");
    const bytes = sample();
    expect(() => decodeColumns(bytes.slice(0, 20))).toThrow(/not timeline columns/);
    expect(() => decodeColumns(bytes.slice(0, bytes.byteLength - 4))).toThrow(/not timeline columns/);
    const text = new TextEncoder().encode("[1,2,3,4,5]");
    expect(() => decodeColumns(text.buffer)).toThrow(/magic/);
  });
});
