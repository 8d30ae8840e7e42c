/**
 * Six real Markdown ideas lists, read from ../shared, with the heading
 * depths their meta.txt gives and the idea counts it checked by hand.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { readDocument } from "../../src/document/read-document.js";
import type { IdeasDocument } from "../../src/document/types.js";
import { MARKDOWN_IDEAS } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";

interface Expectation {
  /** Section and idea depth of revision n. */
  depths: (n: number) => [number, number];
  /** Ideas per revision, where counting idea-level headings is exact (null: not exact). */
  counts: Array<number | null>;
}

// From each document's meta.txt. null marks revisions where a heading at
// idea level is not an idea (templates written as H4, a ToC heading, a
// stray "### Difficulty", "#Title" without a space): a reader by heading
// depth cannot know, and the tests below check those revisions for
// structure only.
const DOCUMENTS: Record<string, Expectation> = {
  "NixOS-GSoC": {
    depths: (n) => (n <= 3 ? [2, 3] : [1, 2]),
    counts: [1, 13, 14, 14, 14, 14, 14, 15, 15, 15],
  },
  "chaoss-community": { depths: () => [0, 2], counts: [8, 2, 3, 5, 4, 6, 8, 7, 7, 7] },
  "cncf-mentoring": { depths: () => [4, 5], counts: [1, null, null, null, 22, 23, 23, 23] },
  "numfocus-gsoc": { depths: () => [0, 2], counts: [null, null, null, null, null, null, 7, 7] },
  "pencil2d-pencil2d.github.io": {
    depths: (n) => (n <= 4 ? [2, 3] : [1, 2]),
    counts: [null, null, 5, 7, 7, 7, 10, 10],
  },
  "rust-lang-google-summer-of-code": {
    depths: () => [2, 3],
    counts: [11, 15, 19, 17, 25, 6, null, 8, 13, 13, 18, 14, 6, 4],
  },
};

const ideas = (document: IdeasDocument) => document.sections.flatMap((section) => section.ideas);

withCorpus("markdown-ideas").describe("the Markdown corpus", () => {
  // The body of a skipped describe still runs: read nothing without the corpus.
  const cases = Object.entries(DOCUMENTS).flatMap(([name, expectation]) =>
    (MARKDOWN_IDEAS ? readdirSync(join(MARKDOWN_IDEAS, name)) : [])
      .filter((file) => file.endsWith(".md"))
      .sort()
      .map((file, index) => ({ name, file, index, expectation })),
  );

  it("has every revision listed", () => {
    for (const [name, expectation] of Object.entries(DOCUMENTS)) {
      expect(
        cases.filter((c) => c.name === name),
        name,
      ).toHaveLength(expectation.counts.length);
    }
  });

  it.each(cases.map((c) => [`${c.name}/${c.file}`, c] as const))("%s", (_label, c) => {
    const [sectionDepth, ideaDepth] = c.expectation.depths(c.index + 1);
    const text = readFileSync(join(MARKDOWN_IDEAS as string, c.name, c.file), "utf8");
    const document = readDocument(text, { format: "markdown", sectionDepth, ideaDepth });
    const found = ideas(document);
    const count = c.expectation.counts[c.index];
    if (count !== null && count !== undefined) expect(found).toHaveLength(count);
    expect(document.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(new Set(found.map((idea) => idea.key)).size).toBe(found.length);
    for (const idea of found) {
      // An idea's lines hold its heading, and its title is that heading's text.
      const lines = text.split(/\r?\n/);
      expect(lines[idea.line - 1]).toMatch(new RegExp(`^#{${ideaDepth}}\\s`));
      expect(idea.endLine).toBeGreaterThanOrEqual(idea.line);
      expect(idea.markdown).not.toContain("\r");
      // Front matter never ends up in a body.
      expect(idea.markdown).not.toMatch(/^layout:/m);
    }
  });

  it("ignores headings inside code blocks (cncf-mentoring's template)", () => {
    const dir = join(MARKDOWN_IDEAS as string, "cncf-mentoring");
    const file = readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .sort()[7] as string;
    const found = ideas(
      readDocument(readFileSync(join(dir, file), "utf8"), {
        format: "markdown",
        sectionDepth: 4,
        ideaDepth: 5,
      }),
    );
    expect(found.map((idea) => idea.title)).not.toContain("Project Title");
    expect(found.map((idea) => idea.section)).not.toContain("CNCF Project Name");
  });

  it("keeps an idea's sub-headings in its body (chaoss-community's Conversion Rate idea)", () => {
    const dir = join(MARKDOWN_IDEAS as string, "chaoss-community");
    const file = readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .sort()[9] as string;
    const found = ideas(
      readDocument(readFileSync(join(dir, file), "utf8"), {
        format: "markdown",
        sectionDepth: 0,
        ideaDepth: 2,
      }),
    );
    const idea = found.find((i) => /Conversion Rate Metric/.test(i.title));
    expect(idea?.markdown).toMatch(/^### Objectives \(why\)$/m);
    expect(idea?.markdown).toMatch(/^#### Filters \(optional\)$/m);
  });
});
