import { describe, expect, it } from "vitest";
import { shortPath } from "./workspace";

describe("shortPath", () => {
  it("keeps the last components of a long path", () => {
    expect(shortPath("/home/ana/cases/ukraine/workspace.db", 2)).toBe("…/ukraine/workspace.db");
    expect(shortPath("/tmp/w.db", 3)).toBe("/tmp/w.db");
    expect(shortPath("(in-memory demo workspace)")).toBe("(in-memory demo workspace)");
  });
});
