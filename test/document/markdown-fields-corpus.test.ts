/**
 * The fields of every idea in the six real Markdown ideas lists of
 * ../shared: each form the lists write them in, counted by hand (with grep
 * over the file) in one revision per list, and checked line by line in
 * every revision.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { readDocument } from "../../src/document/read-document.js";
import type { Field, Idea } from "../../src/document/types.js";
import { MARKDOWN_IDEAS } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";

/** How a field's line is written, told from the source line alone. */
const FORMS: Array<[string, RegExp]> = [
  ["table row", /^\s*\|/],
  ["list, bold name", /^\s*[-*+]\s+\*\*[^*]+:\*\*/],
  ["list, italic name", /^\s*[-*+]\s+_[^_]+:_/],
  ["list, plain name", /^\s*[-*+]\s+[^\s*_]/],
  ["bold name and value", /^\*\*[^*:]+:\s*[^*]+\*\*\s*$/],
  ["bold name", /^\*\*[^*]+:\*\*/],
  ["bold line, value below", /^\*\*[^*:]+\*\*\s*$/],
  ["plain name", /^\s*[^\s*_|+-]/],
];

function formOf(line: string): string {
  return FORMS.find(([, pattern]) => pattern.test(line))?.[0] ?? `unknown: ${line}`;
}

interface List {
  depths: (n: number) => [number, number];
  /** The revision counted by hand, and its fields per form. */
  counted: { revision: number; forms: Record<string, number> };
}

// The counts: grep over the revision, e.g. for pencil2d 008
// `grep -cE '^\*\*[^*]+:\*\*'` (30) and `grep -cE '^[-*] +\*\*[^*]+:\*\*'`
// (37), minus the lines outside ideas, read in the file.
const LISTS: Record<string, List> = {
  "NixOS-GSoC": {
    depths: (n) => (n <= 3 ? [2, 3] : [1, 2]),
    // 74 lines "Name: …" at the start of a line, all inside ideas: 12
    // Effort, 13 Possible mentors, 12 Difficulty, 11 Skills required, …,
    // three of them ("Nice to have", "Note", "Author") under a sentence.
    counted: { revision: 10, forms: { "plain name": 74 } },
  },
  "chaoss-community": {
    depths: () => [0, 2],
    // 7 "**Hours: N**", 28 "* _Difficulty:_ …" (7 ideas × 4); 14 lines
    // start "Name:", 7 of them the sentence "The aims of the project are
    // as follows:", which is no field; "   Definition:" indented; one
    // " - Models:" item.
    counted: {
      revision: 10,
      forms: {
        "bold name and value": 7,
        "list, italic name": 28,
        "plain name": 8,
        "list, plain name": 1,
      },
    },
  },
  "cncf-mentoring": {
    depths: () => [4, 5],
    // 138 "- Name: …" items at the start of a line, 6 of them in the
    // template above the ideas (lines 20–27); and " - Expected Project
    // Size:" indented by a space (line 263). (The Meshery idea's
    // "-Description:" is no list item.)
    counted: { revision: 8, forms: { "list, plain name": 133 } },
  },
  "numfocus-gsoc": {
    depths: () => [0, 2],
    // One table per idea: 7 rows of 3 cells.
    counted: { revision: 8, forms: { "table row": 21 } },
  },
  "pencil2d-pencil2d.github.io": {
    depths: (n) => (n <= 4 ? [2, 3] : [1, 2]),
    // 30 "**Difficulty:** …" lines (10 ideas × 3), 37 "- **Skills required:** …" items.
    counted: { revision: 8, forms: { "bold name": 30, "list, bold name": 37 } },
  },
  "rust-lang-google-summer-of-code": {
    depths: () => [2, 3],
    // 133 "**Description**" lines, each over its value, one of them (line
    // 14) above the ideas; and "Bonus: …" (line 533). "Ideal:" (477) is the
    // value of the "**Expected result**" above it.
    counted: {
      revision: 11,
      forms: { "bold line, value below": 132, "plain name": 1 },
    },
  },
};

const ideasOf = (text: string, [sectionDepth, ideaDepth]: [number, number]): Idea[] =>
  readDocument(text, { format: "markdown", sectionDepth, ideaDepth }).sections.flatMap(
    (section) => section.ideas,
  );

withCorpus("markdown-ideas").describe("fields in the Markdown corpus", () => {
  const cases = Object.entries(LISTS).flatMap(([name, list]) =>
    (MARKDOWN_IDEAS ? readdirSync(join(MARKDOWN_IDEAS, name)) : [])
      .filter((file) => file.endsWith(".md"))
      .sort()
      .map((file, index) => ({ name, file, revision: index + 1, list })),
  );

  it.each(cases.map((c) => [`${c.name}/${c.file}`, c] as const))("%s", (_label, c) => {
    const text = readFileSync(join(MARKDOWN_IDEAS as string, c.name, c.file), "utf8");
    const lines = text.split(/\r?\n/);
    const found = ideasOf(text, c.list.depths(c.revision));
    const forms: Record<string, number> = {};
    for (const idea of found) {
      for (const field of idea.fields ?? []) {
        // Each field is written on its line, inside its idea, and its value
        // is there or below.
        expect(field.line).toBeGreaterThan(idea.line);
        expect(field.line).toBeLessThanOrEqual(idea.endLine);
        const line = lines[field.line - 1] as string;
        const form = formOf(line);
        // A table row's fields are named in the table's header row above.
        const named = form === "table row" ? lines.slice(idea.line, field.line) : [line];
        expect(
          named.some((text) => plain(text).includes(plain(field.name))),
          `${c.file}:${field.line}`,
        ).toBe(true);
        expect(field.name).not.toMatch(/:$/);
        expect(field.value).toBe(field.value.trim());
        expect(field.value).not.toMatch(/\s{2}|\n/);
        forms[form] = (forms[form] ?? 0) + 1;
      }
      // In document order.
      const order = (idea.fields ?? []).map((field: Field) => field.line);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    if (c.revision === c.list.counted.revision) expect(forms).toEqual(c.list.counted.forms);
  });

  it("reads each form's value", () => {
    const read = (name: string, revision: number): Idea[] => {
      const list = LISTS[name] as List;
      const file = readdirSync(join(MARKDOWN_IDEAS as string, name))
        .filter((f) => f.endsWith(".md"))
        .sort()[revision - 1] as string;
      return ideasOf(
        readFileSync(join(MARKDOWN_IDEAS as string, name, file), "utf8"),
        list.depths(revision),
      );
    };
    const field = (ideas: Idea[], title: RegExp, name: string) =>
      ideas.find((idea) => title.test(idea.title))?.fields?.find((f) => f.name === name)?.value;
    const nixos = read("NixOS-GSoC", 10);
    expect(field(nixos, /^Review Nixpkgs PRs$/, "Difficulty")).toBe(
      "Easy to medium depending on choice",
    );
    // A name over a list: the items are the value.
    expect(field(nixos, /^Migrate some NixOS modules/, "Skills required")).toBe(
      "NixOS configurations, Systemd services",
    );
    expect(field(read("chaoss-community", 10), /Conversion Rate/, "Hours")).toBe("350");
    expect(field(read("cncf-mentoring", 8), /^etcd cache$/, "Expected project size")).toBe("small");
    expect(field(read("numfocus-gsoc", 8), /^Layout manager$/, "Involves")).toBe(
      "Python, Constraint Solving",
    );
    const pencil = read("pencil2d-pencil2d.github.io", 8);
    expect(field(pencil, /^Error Reporting$/, "Difficulty")).toBe("Easy");
    expect(field(pencil, /^Error Reporting$/, "Skills required")).toBe(
      "C++, Qt, PHP or some other server backend language",
    );
    // Bold lines running on in one paragraph (004).
    expect(field(read("pencil2d-pencil2d.github.io", 4), /^Lasso Tool$/, "Difficulty")).toBe(
      "Intermediate",
    );
    // A bold line alone: the paragraph below is the value.
    expect(
      field(read("rust-lang-google-summer-of-code", 11), /^Reproducible builds$/, "Difficulty"),
    ).toBe("Hard.");
  });
});

// A line and a name without markup, to find one in the other.
function plain(text: string): string {
  return text
    .replace(/[*_`|]/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}
