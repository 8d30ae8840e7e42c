/**
 * Reading a Markdown document in parts gives the tree of the whole.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readMarkdownTree } from "../../src/document/markdown/read-markdown-tree.js";
import { splitMarkdown } from "../../src/document/markdown/split-markdown.js";
import { markdownDocument } from "../support/arbitraries.js";
import { MARKDOWN_IDEAS } from "../support/corpus.js";
import { propertyParameters } from "../support/property-parameters.js";
import { withCorpus } from "../support/with-corpus.js";

// Seeded: propertyParameters gives every property the run's FC_SEED, which
// the run prints at its end and a failure prints with its path.

// Part size 1 cuts before every heading the splitter accepts: the most
// cuts, so the most chances to cut wrong.
const inParts = (text: string) => JSON.stringify(readMarkdownTree(text, 1));
const whole = (text: string) => JSON.stringify(readMarkdownTree(text, Infinity));

// Lines that open or close what a heading cannot be cut out of, and
// references and definitions that cross parts.
const TRICKY_LINES = [
  "",
  "# Title",
  "## Section",
  "### Idea",
  "#",
  "####### seven",
  "Text that mentions [foo] and [Bar Baz][] and [x][foo] and ![img][foo].",
  "A footnote[^n] and [^missing].",
  "[foo]: https://example.org/foo",
  "[bar  baz]: <https://example.org/bar> 'title'",
  "[^n]: the note",
  "[a\\]b]: /escaped",
  "[Straße]: /folded",
  "[^ß]: a folded note",
  "See [a\\]b], [STRASSE], [x][straße] and[^ß].",
  "[a",
  "b]: /across-lines",
  "  ---",
  "```",
  "~~~",
  "````",
  "```js",
  "  ```",
  "- ```",
  "> ```",
  "- item",
  "  # indented heading in an item",
  "1. first",
  "<!-- open comment",
  "-->",
  "<!-- a comment -->",
  "<pre>",
  "</pre>",
  "<div>",
  "<details><summary>More</summary>",
  "<b>bold</b> text",
  "<?php",
  "?>",
  "<!DOCTYPE html>",
  "---",
  "+++",
  "title: x",
  "| a | b |",
  "| - | - |",
  "> quote",
  "    indented code",
  "Setext",
  "======",
  "www.example.org and x@y.z",
];

const trickyDocument = fc
  .tuple(
    fc.array(fc.constantFrom(...TRICKY_LINES), { maxLength: 50 }),
    fc.constantFrom("\n", "\r\n", "\r"),
  )
  .map(([lines, eol]) => lines.join(eol))
  .chain((text) => fc.constantFrom(text, `\uFEFF${text}`));

describe("reading Markdown in parts", () => {
  it("cuts only before headings, and each part starts where it says", () => {
    const text = "# A\n\ntext\n\n## B\n\n```\n# not a heading\n```\n\n## C\r\nend\n";
    const parts = splitMarkdown(text, 1);
    expect(parts.map((part) => part.text.split(/\r?\n/)[0])).toEqual(["# A", "## B", "## C"]);
    expect(parts.map((part) => part.line)).toEqual([1, 5, 11]);
    for (const part of parts)
      expect(text.slice(part.offset, part.offset + part.text.length)).toBe(part.text);
    expect(parts.map((part) => part.text).join("")).toBe(text);
  });

  it("does not cut inside front matter, open HTML or open fenced code", () => {
    const text = [
      "---",
      "# a YAML comment",
      "---",
      "<!--",
      "# inside a comment",
      "-->",
      "<div>",
      "# inside HTML up to a blank line",
      "",
      "~~~~",
      "# inside code",
      "~~~",
      "# still inside code",
      "~~~~",
      "# a heading",
    ].join("\n");
    expect(splitMarkdown(text, 1).map((part) => part.line)).toEqual([1, 15]);
  });

  const cases: Array<[string, string]> = [
    [
      "a reference before its definition in another part",
      "# A\n\nsee [foo]\n\n# B\n\n[Foo]: /url\n",
    ],
    ["a definition before its reference", "# A\n\n[foo]: /url\n\n# B\n\nsee [FOO] and [x][foo]\n"],
    ["a footnote defined in another part", "# A\n\nnote[^1]\n\n# B\n\n[^1]: text\n"],
    [
      "references in the first part to definitions after front matter",
      "---\ntitle: t\n---\nsee [foo]\n\n# B\n\n[foo]: /u\n",
    ],
    ["fenced code opened in a list item", "# A\n\n- a\n\n  ```\n# B\n  ```\n\n# C\n"],
    [
      "fenced code left open in a paragraph after inline HTML",
      "# A\n\n<b>x</b>\n```\n\n# B\n```\n\n# C\n",
    ],
    ["an HTML comment that runs to the end", "# A\n\n<!--\n# B\n"],
    ["a table followed by a heading", "# A\n\n| a | b |\n| - | - |\n| 1 | 2 |\n# B\n"],
    ["a block quote and a list run into a heading", "# A\n\n> q\n# B\n- i\n# C\n"],
  ];
  for (const [name, text] of cases)
    it(`gives the whole tree: ${name}`, () => {
      expect(inParts(text)).toBe(whole(text));
    });

  it("gives the whole tree for any document of tricky lines", () => {
    fc.assert(
      fc.property(fc.oneof(trickyDocument, markdownDocument), (text) => {
        expect(inParts(text)).toBe(whole(text));
      }),
      propertyParameters(400),
    );
  });
});

withCorpus("markdown-ideas").describe("reading the Markdown corpus in parts", () => {
  const folders = MARKDOWN_IDEAS ? readdirSync(MARKDOWN_IDEAS) : [];
  it("gives the whole tree for every revision", () => {
    let revisions = 0;
    for (const folder of folders)
      for (const file of readdirSync(join(MARKDOWN_IDEAS as string, folder)).filter((f) =>
        f.endsWith(".md"),
      )) {
        const text = readFileSync(join(MARKDOWN_IDEAS as string, folder, file), "utf8");
        expect(inParts(text), `${folder}/${file}`).toBe(whole(text));
        revisions += 1;
      }
    expect(revisions).toBeGreaterThanOrEqual(30);
  });
});
