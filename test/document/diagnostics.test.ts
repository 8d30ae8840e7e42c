/**
 * The cap on repeated diagnostics: 50 listed per rule, then one note with the
 * exact rest, and counts that include what the note stands for.
 */
import { describe, expect, it } from "vitest";
import { countDiagnostics } from "../../src/document/count-diagnostics.js";
import { Diagnostics } from "../../src/document/diagnostics.js";
import { readDocument } from "../../src/document/read-document.js";
import { unresolvedReferences } from "../support/unresolved-references.js";

describe("repeated diagnostics", () => {
  it("lists 50 of a rule, then one note of the rest, and count every one", () => {
    const { diagnostics } = readDocument(unresolvedReferences(70), { format: "gosh" });
    const listed = diagnostics.filter((d) => d.omitted === undefined);
    expect(listed).toHaveLength(50);
    expect(listed.at(-1)?.message).toMatch(/^"\[nowhere 49\]"/);
    expect(diagnostics.at(-1)).toMatchObject({
      rule: "unresolved-reference",
      severity: "warning",
      line: listed.at(-1)?.line,
      message: "20 more of these are not listed",
      omitted: 20,
    });
    expect(diagnostics).toHaveLength(51);
    expect(countDiagnostics(diagnostics)).toBe(70);
    expect(countDiagnostics(diagnostics, "warning")).toBe(70);
    expect(countDiagnostics(diagnostics, "error")).toBe(0);
  });

  it("lists all of a rule up to 50, without a note", () => {
    const { diagnostics } = readDocument(unresolvedReferences(50), { format: "gosh" });
    expect(diagnostics).toHaveLength(50);
    expect(diagnostics.some((d) => d.omitted !== undefined)).toBe(false);
  });

  it("merges an earlier stage's list and note into one note", () => {
    const earlier = new Diagnostics();
    for (let i = 0; i < 70; i += 1) earlier.add(i + 1, 1, "warning", "x", `x ${i}`);
    const later = new Diagnostics();
    for (let i = 0; i < 10; i += 1) later.add(100 + i, 1, "warning", "x", `later ${i}`);
    later.add(1, 1, "info", "y", "y");
    later.addAll(earlier.toArray());
    const merged = later.toArray();
    expect(merged.filter((d) => d.rule === "x" && d.omitted === undefined)).toHaveLength(50);
    expect(merged.filter((d) => d.omitted !== undefined)).toEqual([
      expect.objectContaining({
        rule: "x",
        omitted: 30,
        message: "30 more of these are not listed",
      }),
    ]);
    expect(countDiagnostics(merged)).toBe(81);
  });
});
