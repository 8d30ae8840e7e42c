/**
 * Plain Markdown read by hand gives remark's tree, or nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { generateMarkdownDocument } from "../../bench/generate-markdown-document.js";
import { parseSimpleMarkdown } from "../../src/document/markdown/parse-simple-markdown.js";
import { splitMarkdown } from "../../src/document/markdown/split-markdown.js";
import { markdownDocument } from "../support/arbitraries.js";
import { MARKDOWN_IDEAS } from "../support/corpus.js";
import { propertyParameters } from "../support/property-parameters.js";
import { withCorpus } from "../support/with-corpus.js";

// Seeded: propertyParameters gives every property the run's FC_SEED, which
// the run prints at its end and a failure prints with its path.

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml", "toml"]);
// Plain data on both sides: remark's nodes are not plain objects.
const remarkTree = (text: string): unknown => JSON.parse(JSON.stringify(remark.parse(text)));
const handTree = (text: string): unknown => {
  const tree = parseSimpleMarkdown(text);
  return tree && JSON.parse(JSON.stringify(tree));
};

/** How many of the texts were read by hand; throws on the first that differs from remark. */
function compareAll(texts: readonly string[]): number {
  let read = 0;
  for (const text of texts) {
    const tree = handTree(text);
    if (tree === null) continue;
    read += 1;
    expect(tree, JSON.stringify(text)).toEqual(remarkTree(text));
  }
  return read;
}

// Words and inline pieces the hand reader takes, and pieces on the other
// side of the line, which must make it give up or read as remark does.
const PLAIN_PIECES = [
  "idea",
  "Ünïcode wörds",
  "😀 astral",
  "42",
  "a-b",
  "a.b",
  "(paren)",
  "end.",
  "!",
  "why?",
  "`code`",
  "`a * b`",
  "`[x]`",
  "**bold**",
  "**Difficulty:**",
  "*em*",
  "_em_",
  "__strong__",
  "**a b**",
  "**x**.",
  "**a\u00a0b**",
  "[link](https://example.org/a_b)",
  "[design notes](https://example.org/ideas/1)",
  "[a](b)",
  "[a b](../c.md)",
  "https://example.org/x",
  "https://example.org/x.",
  "https://example.org/x,",
  "https://example.org/x.y",
  "https://example.org",
  "https://example.org:8080/a?b=1#c",
  "http://a.b:80/c?d=e#f.",
];
const EDGE_PIECES = [
  "snake_case",
  "C#",
  "` x`",
  "``x``",
  "`open",
  "***x***",
  "*",
  "_",
  "**x**y",
  "*x*)",
  "(*x*)",
  "_a_b",
  "**foo\u00a0**",
  "_a\u2003_",
  "[a] (b)",
  "[a][b]",
  "[a]",
  "[]()",
  "[ a](b)",
  "[**a**](b)",
  "[a](b 'title')",
  "[a](<b>)",
  "![img](x.png)",
  "https://example.org/x).",
  "https://a_b.org",
  "https://a.org/x_y",
  "https://-a.org",
  "https://localhost/x",
  "www.example.org",
  "HTTPS://A.ORG",
  "xhttps://a.org",
  "http:",
  "a@b.org",
  "&amp;",
  "<b>",
  "\\*",
  "~x~",
  "a | b",
  "[ ]",
  "[x]",
  "#",
  "]",
];
const PLAIN_PREFIXES = ["", "- ", "* ", "  ", "## ", "# ", "###### "];
const EDGE_PREFIXES = [
  "   ",
  " ",
  "####### ",
  "1. ",
  "2) ",
  "+ ",
  "> ",
  "    ",
  "-",
  "---",
  "===",
  "- - ",
  "  - ",
  "```",
  "[a]: ",
];
const piece = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...PLAIN_PIECES) },
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_PIECES) },
);
const pieceLine = fc
  .tuple(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...PLAIN_PREFIXES) },
      { weight: 1, arbitrary: fc.constantFrom(...EDGE_PREFIXES) },
    ),
    // Pieces mostly apart, sometimes touching.
    fc.array(fc.tuple(piece, fc.constantFrom(" ", " ", " ", "")), { minLength: 1, maxLength: 5 }),
    fc.constantFrom("", "", "", "", "", "", " ", " #"),
  )
  .map(
    ([prefix, pieces, end]) =>
      prefix + pieces.map(([text, apart], at) => (at === 0 ? text : apart + text)).join("") + end,
  );
const pieceDocument = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: pieceLine }, fc.constant("")), { maxLength: 14 }),
    fc.constantFrom("", "\n", "\n\n"),
  )
  .map(([lines, end]) => lines.join("\n") + end);

describe("reading plain Markdown by hand", () => {
  it("gives remark's tree for headings, paragraphs, lists and their inline content", () => {
    const text = [
      "# Ideas",
      "",
      "## Section",
      "### Idea 1: a driver",
      "The `Session` interface, as the [design notes](https://example.org/ideas/1)",
      "explain. The **kernel** and the _runtime_, see https://example.org/a.",
      "- **Difficulty:** easy",
      "- a wrapped",
      "  item with `code`",
      "lazily continued",
      "",
      "* another list",
      "",
      "Last paragraph 😀 ü.",
      "",
    ].join("\n");
    expect(handTree(text)).not.toBeNull();
    expect(handTree(text)).toEqual(remarkTree(text));
  });

  it.each([
    ["HTML", "a <b>b</b>"],
    ["a fence", "```\ncode\n```"],
    ["a quote", "> q"],
    ["a nested list", "- a\n  - b"],
    ["a loose list", "- a\n\n- b"],
    ["a table", "| a |\n| - |"],
    ["a definition", "[a]: /b"],
    ["a hard break", "a  \nb"],
    ["front matter", "---\ntitle: x\n---"],
    ["a reference", "see [a]"],
    ["an e-mail address", "write to a@b.org"],
    ["a www link", "see www.example.org"],
    ["a character reference", "a &amp; b"],
    ["tabs", "a\tb"],
    ["CR line ends", "a\r\nb"],
  ])("leaves %s to remark", (_, text) => {
    expect(parseSimpleMarkdown(text)).toBeNull();
  });

  it("reads the generated bench document whole by hand, as remark does", () => {
    const text = generateMarkdownDocument(300);
    expect(handTree(text)).toEqual(remarkTree(text));
    const parts = splitMarkdown(text, 1).map((part) => part.text);
    expect(compareAll(parts)).toBe(parts.length);
  });

  it("gives remark's tree, or nothing, for documents of pieces on both sides of the line", () => {
    let read = 0;
    const parameters = propertyParameters<[string]>(3000);
    fc.assert(
      fc.property(pieceDocument, (text) => {
        read += compareAll([text]);
      }),
      parameters,
    );
    // The property is worth something only if many documents were read by
    // hand: about one in four is, whatever the seed.
    expect(read).toBeGreaterThanOrEqual(Math.floor((parameters.numRuns ?? 0) / 10));
  });

  it("gives remark's tree, or nothing, for Markdown-ish documents", () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        compareAll([text]);
      }),
      propertyParameters(500),
    );
  });
});

const corpus = withCorpus("markdown-ideas");
corpus.describe("reading the Markdown corpus by hand", () => {
  corpus.it("gives remark's tree for every part it reads", () => {
    const folder = MARKDOWN_IDEAS as string;
    const parts: string[] = [];
    for (const project of readdirSync(folder))
      for (const file of readdirSync(join(folder, project)))
        if (file.endsWith(".md"))
          for (const part of splitMarkdown(readFileSync(join(folder, project, file), "utf8"), 1))
            parts.push(part.text);
    // About two in five parts of the corpus are plain enough (466 of 1,120 when written).
    expect(compareAll(parts)).toBeGreaterThan(parts.length / 4);
  });
});
