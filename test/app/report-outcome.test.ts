/**
 * The check run a document's outcome becomes.
 */
import { describe, expect, it } from "vitest";
import { reportOutcome } from "../../src/app/report-outcome.js";
import { readDocument } from "../../src/document/read-document.js";
import type { Diagnostic } from "../../src/document/types.js";
import type { Plan } from "../../src/plan/types.js";
import { unresolvedReferences } from "../support/unresolved-references.js";

const plan: Plan = {
  path: "doc/ideas.md",
  sha: "a".repeat(40),
  actions: [],
  blocks: [],
  summary: { ideas: 3, managedIssues: 3, openManagedIssues: 3 },
};
const facts = {
  name: "ideas-sync",
  sha: "a".repeat(40),
  repositoryUrl: "https://github.com/o/r",
  requests: { reads: 2, writes: 0 },
};
const problems = (n: number): Diagnostic[] =>
  Array.from({ length: n }, (_, i) => ({
    line: n - i,
    column: 1,
    severity: i === n - 1 ? "error" : "warning",
    rule: "bad-indent",
    message: `problem ${i}`,
  }));

describe("reportOutcome", () => {
  it("annotates every problem, errors first, and says when there were more than a check run marks", () => {
    const report = reportOutcome(
      { kind: "preview", path: plan.path, plan, diagnostics: problems(1010) },
      facts,
    );
    expect(report.annotations).toHaveLength(1010);
    expect(report.annotations?.[0]).toMatchObject({ level: "failure", line: 1 });
    expect(report.conclusion).toBe("failure");
    expect(report.summary).toContain(
      "The document has 1010 problems; the first 1000 (errors first)",
    );
    const some = reportOutcome(
      { kind: "preview", path: plan.path, plan, diagnostics: problems(120) },
      facts,
    );
    expect(some.summary).not.toContain("problems; the first");
    const few = reportOutcome(
      { kind: "preview", path: plan.path, plan, diagnostics: problems(3) },
      facts,
    );
    expect(few.summary).not.toContain("problems; the first");
    expect(few.summary).toContain("API requests: 2 (2 reads, 0 writes)");
  });

  it("counts the problems a rule's note stands for", () => {
    const { diagnostics } = readDocument(unresolvedReferences(300), { format: "gosh" });
    const report = reportOutcome({ kind: "preview", path: plan.path, plan, diagnostics }, facts);
    expect(report.summary).toContain("The document has 300 problems;");
  });
});
