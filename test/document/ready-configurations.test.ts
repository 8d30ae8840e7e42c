/**
 * The ready configurations docs/configuration.md gives for the six real
 * Markdown ideas lists: each parses, and gives the labels counted by hand
 * in one revision per list; in every revision, every label fits GitHub and
 * comes from a field of its idea.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import type { DocumentConfig } from "../../src/config/config-schema.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { readDocument } from "../../src/document/read-document.js";
import { fieldLabels } from "../../src/plan/field-labels.js";
import { MARKDOWN_IDEAS } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";

const docs = readFileSync(
  fileURLToPath(new URL("../../docs/configuration.md", import.meta.url)),
  "utf8",
);
const ready = docs.slice(docs.indexOf("## Ready configurations"));
const configs = [...ready.matchAll(/```yaml\n([^]*?)```/g)].map((block) => {
  const result = parseConfig(block[1] as string);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config.documents[0] as DocumentConfig;
});

interface List {
  path: string;
  depths: (n: number) => [number, number];
  /** The revision counted by hand, and how many ideas get each label. */
  counted: { revision: number; labels: Record<string, number> };
}

// Counted with grep over the revision's field lines, e.g. NixOS 010:
// `grep -c '^Difficulty: Easy'` …; "Easy to medium" counts for both.
const LISTS: Record<string, List> = {
  "NixOS-GSoC": {
    path: "ideas/2026.md",
    depths: (n) => (n <= 3 ? [2, 3] : [1, 2]),
    // Difficulty: Easy 2, "Easy to medium …" 1, Medium 5, "Medium to hard …" 1,
    // Hard 2, "Hard, because …" 1. Effort: "Small (90 hours)" 3, "Small (90
    // hours) (or Medium (175 hours) …)" 1, "Small … - Large …" 2, "Small …
    // to Large …" 1, "Medium (175 hours)" 4, "Medium … - Large …" 1.
    counted: {
      revision: 10,
      labels: {
        "difficulty: easy": 3,
        "difficulty: medium": 7,
        "difficulty: hard": 4,
        "size: small": 7,
        "size: medium": 6,
        "size: large": 4,
      },
    },
  },
  "chaoss-community": {
    path: "GSoC-Ideas.md",
    depths: () => [0, 2],
    // "_Difficulty:_ Low" once, "Medium" 6 times; **Hours: 175** twice,
    // **Hours: 350** five times.
    counted: {
      revision: 10,
      labels: {
        "difficulty: easy": 1,
        "difficulty: medium": 6,
        "size: medium": 2,
        "size: large": 5,
      },
    },
  },
  "cncf-mentoring": {
    path: "programs/summerofcode/2025.md",
    depths: () => [4, 5],
    // 23 ideas: small 1; "medium (~175 hour projects)" 5, "medium" 1,
    // "175 hrs" 1; 15 say large in one way or another (two of them "large
    // (~175 hour project[s])": the configuration looks for "175 hrs", not
    // "175", so they are large only). The template's "one of small …,
    // medium … and large" above the ideas gives none.
    counted: {
      revision: 8,
      labels: { "size: small": 1, "size: medium": 7, "size: large": 15 },
    },
  },
  "numfocus-gsoc": {
    path: "2017/ideas-list-matplotlib.md",
    depths: () => [0, 2],
    // Intensity: Advanced 2, Intermediate 4, Medium 1; all 7 involve Python,
    // one C, one Sphinx with javascript.
    counted: {
      revision: 8,
      labels: {
        "difficulty: hard": 2,
        "difficulty: medium": 5,
        "skill: python": 7,
        "skill: c": 1,
        "skill: sphinx": 1,
        "skill: javascript": 1,
      },
    },
  },
  "pencil2d-pencil2d.github.io": {
    path: "gsoc/ideas.md",
    depths: (n) => (n <= 4 ? [2, 3] : [1, 2]),
    // Difficulty: Easy 3, Intermediate 4, Hard 3; one Proposal Tag each.
    counted: {
      revision: 8,
      labels: {
        "difficulty: easy": 3,
        "difficulty: medium": 4,
        "difficulty: hard": 3,
        "area: other": 2,
        "area: sound": 1,
        "area: backup/recovery": 1,
        "area: vector": 2,
        "area: user interface": 3,
        "area: bitmap": 1,
      },
    },
  },
  "rust-lang-google-summer-of-code": {
    path: "README.md",
    depths: () => [2, 3],
    // 4 ideas. Project size: "Large." , "Small to large. …", "Medium.",
    // "Large". Difficulty: "Medium to hard.", "Medium to Hard, …",
    // "Medium.", "High".
    counted: {
      revision: 14,
      labels: {
        "size: small": 1,
        "size: medium": 1,
        "size: large": 3,
        "difficulty: medium": 3,
        "difficulty: hard": 3,
      },
    },
  },
};

withCorpus("markdown-ideas").describe("the ready configurations in docs/configuration.md", () => {
  it("gives one for each list", () => {
    expect(configs.map((config) => config.path).sort()).toEqual(
      Object.values(LISTS)
        .map((list) => list.path)
        .sort(),
    );
  });

  const cases = Object.entries(LISTS).flatMap(([name, list]) =>
    (MARKDOWN_IDEAS ? readdirSync(join(MARKDOWN_IDEAS, name)) : [])
      .filter((file) => file.endsWith(".md"))
      .sort()
      .map((file, index) => ({ name, file, revision: index + 1, list })),
  );

  it.each(cases.map((c) => [`${c.name}/${c.file}`, c] as const))("%s", (_label, c) => {
    const config = configs.find((candidate) => candidate.path === c.list.path) as DocumentConfig;
    const [sectionDepth, ideaDepth] = c.list.depths(c.revision);
    const text = readFileSync(join(MARKDOWN_IDEAS as string, c.name, c.file), "utf8");
    const document = readDocument(text, { format: "markdown", sectionDepth, ideaDepth });
    const counts: Record<string, number> = {};
    for (const idea of document.sections.flatMap((section) => section.ideas)) {
      for (const label of fieldLabels(idea, config)) {
        expect(label.name.length).toBeLessThanOrEqual(50);
        // The label's value is in one of the idea's fields the rule names.
        const names = [label.rule.field].flat().map((name) => name.toLowerCase());
        expect((idea.fields ?? []).some((field) => names.includes(field.name.toLowerCase()))).toBe(
          true,
        );
        counts[label.name] = (counts[label.name] ?? 0) + 1;
      }
    }
    if (c.revision === c.list.counted.revision) expect(counts).toEqual(c.list.counted.labels);
  });
});
