import { describe, expect, it } from "vitest";

// Article text and metadata are untrusted. The UI builds DOM with
// createElement + textContent only (see dom.ts); this guards against an HTML
// sink creeping into the sources.
const sources = import.meta.glob(["./**/*.ts", "!./**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const SINKS = /\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write|createContextualFragment|\beval\(|new Function\(/;

describe("HTML sinks", () => {
  it("finds the sources", () => {
    expect(Object.keys(sources)).toContain("./dom.ts");
    expect(Object.keys(sources)).toContain("./main.ts");
  });

  it("are not used anywhere in the UI sources", () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => SINKS.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
