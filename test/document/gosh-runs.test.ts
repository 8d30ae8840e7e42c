/**
 * A GOSH document read in runs of top-level nodes gives what reading it
 * whole gives: the same nodes, the same ideas.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { RootContent } from "mdast";
import { describe, expect, it } from "vitest";
import { generateGoshDocument } from "../../bench/generate-gosh-document.js";
import { extractIdeas } from "../../src/document/extract-ideas.js";
import { parseGosh } from "../../src/document/gosh/parse-gosh.js";
import { readDocument } from "../../src/document/read-document.js";
import { goshDocument } from "../support/arbitraries.js";
import { genodeRevisions } from "../support/corpus.js";
import { propertyParameters } from "../support/property-parameters.js";
import { withCorpus } from "../support/with-corpus.js";

// Seeded: propertyParameters gives every property the run's FC_SEED, which
// the run prints at its end and a failure prints with its path.

/** The runs parseGosh hands over, and the tree it returns. */
function inRuns(text: string) {
  const runs: RootContent[][] = [];
  const parsed = parseGosh(text, (nodes) => runs.push(nodes));
  return { runs, parsed };
}

/** Plain data: the same JSON whether read whole or in runs. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function expectSameAsWhole(text: string): number {
  const whole = parseGosh(text);
  const { runs, parsed } = inRuns(text);
  expect(parsed.tree.children).toEqual([]);
  expect(plain(runs.flat())).toEqual(plain(whole.tree.children));
  expect(parsed.title).toBe(whole.title);
  expect(parsed.diagnostics).toEqual(whole.diagnostics);
  for (const sectionDepth of [1, 2])
    expect(readDocument(text, { format: "gosh", sectionDepth })).toEqual(
      extractIdeas(whole, { sectionDepth }),
    );
  return runs.length;
}

describe("reading GOSH in runs", () => {
  it("hands each chapter over as a run of its own", () => {
    const text = generateGoshDocument(100);
    const chapters = text.split("\n").filter((line) => /^#{3,}$/.test(line)).length;
    // The abstract and each chapter (the head is the title, no node).
    expect(expectSameAsWhole(text)).toBe(chapters);
  });

  it("keeps text that follows an idea unindented with that idea", () => {
    const text = [
      "Chapter",
      "#######",
      "",
      ":Idea:",
      "",
      "  Body.",
      "",
      "Unindented rest of the body.",
      "",
      "Next",
      "####",
      "",
      ":Other:",
      "",
      "  Text.",
      "",
    ].join("\n");
    expectSameAsWhole(text);
    const idea = readDocument(text, { format: "gosh" }).sections[0]?.ideas[0];
    expect(idea?.markdown).toContain("Unindented rest of the body.");
  });

  it("gives the nodes and ideas of the whole for any document", () => {
    fc.assert(
      fc.property(goshDocument, (text) => {
        expectSameAsWhole(text);
      }),
      propertyParameters(300),
    );
  });
});

const corpus = withCorpus("genode");
corpus.it("reads every Genode revision in runs as a whole", () => {
  for (const revision of genodeRevisions()) expectSameAsWhole(readFileSync(revision.path, "utf8"));
});
