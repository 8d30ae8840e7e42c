/**
 * Properties that hold for every input.
 */
import fc from "fast-check";
import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { parseGosh } from "../../src/document/gosh/parse-gosh.js";
import { parseMarkdown } from "../../src/document/markdown/parse-markdown.js";
import { readDocument } from "../../src/document/read-document.js";
import { renderMarkdown } from "../../src/document/render-markdown.js";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { IdeasDocument } from "../../src/document/types.js";
import { goshDocument, markdownDocument } from "../support/arbitraries.js";
import { propertyParameters } from "../support/property-parameters.js";

// Seeded: propertyParameters gives every property the run's FC_SEED, which
// the run prints at its end and a failure prints with its path.

const anyText = fc.oneof(
  goshDocument,
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ maxLength: 400 }),
);

function* nodes(node: Nodes): Generator<Nodes> {
  yield node;
  if ("children" in node) for (const child of node.children as Nodes[]) yield* nodes(child);
}

// Every position is inside the text, and its offset agrees with its line and column.
// remark-gfm's link literals lack positions on their text, so Markdown
// trees are checked for blocks and wherever a position is given.
function checkPositions(text: string, tree: Nodes, strict = true): void {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g))
    starts.push((match.index ?? 0) + match[0].length);
  for (const node of nodes(tree)) {
    const phrasing = ["text", "emphasis", "strong", "delete", "link", "inlineCode"].includes(
      node.type,
    );
    if (!strict && phrasing && !node.position) continue;
    expect(node.position, node.type).toBeDefined();
    const { start, end } = node.position!;
    for (const point of [start, end]) {
      expect(point.offset).toBeGreaterThanOrEqual(0);
      expect(point.offset).toBeLessThanOrEqual(text.length);
      expect(point.line).toBeGreaterThanOrEqual(1);
      expect(point.line).toBeLessThanOrEqual(starts.length);
      expect(point.column).toBeGreaterThanOrEqual(1);
      expect(point.offset).toBe((starts[point.line - 1] as number) + point.column - 1);
    }
    expect(start.offset).toBeLessThanOrEqual(end.offset!);
  }
}

// Issue bodies are GitHub-flavoured Markdown, without front matter.
const issueReader = unified().use(remarkParse).use(remarkGfm);
const rerender = (markdown: string) => renderMarkdown(issueReader.parse(markdown).children);

const ideasOf = (document: IdeasDocument) => document.sections.flatMap((section) => section.ideas);

describe("the GOSH parser", () => {
  it("never throws, and every node has a position inside the input", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseGosh(text);
        checkPositions(text, parsed.tree);
        for (const d of parsed.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      }),
      propertyParameters(400),
    );
  });

  it("reads the same text the same way, and gives each idea its own key", () => {
    fc.assert(
      fc.property(goshDocument, (text) => {
        const first = readDocument(text, { format: "gosh" });
        expect(readDocument(text, { format: "gosh" })).toEqual(first);
        const keys = ideasOf(first).map((idea) => idea.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const idea of ideasOf(first)) {
          expect(idea.line).toBeLessThanOrEqual(idea.endLine);
          expect(idea.title).not.toBe("");
        }
      }),
      propertyParameters(300),
    );
  });

  it("renders ideas as Markdown that renders to itself when read back", () => {
    fc.assert(
      fc.property(goshDocument, (text) => {
        for (const idea of ideasOf(readDocument(text, { format: "gosh" }))) {
          expect(rerender(idea.markdown)).toBe(idea.markdown);
        }
      }),
      propertyParameters(300),
    );
  });
});

describe("the Markdown reader", () => {
  it("never throws, and ideas have unique keys and stable rendering", () => {
    fc.assert(
      fc.property(fc.oneof(markdownDocument, anyText), (text) => {
        const document = readDocument(text, { format: "markdown", sectionDepth: 2, ideaDepth: 3 });
        // remark counts positions as if a leading byte order mark were not there.
        checkPositions(text.replace(/^\uFEFF/, ""), parseMarkdown(text).tree, false);
        const keys = ideasOf(document).map((idea) => idea.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const idea of ideasOf(document)) {
          expect(rerender(idea.markdown)).toBe(idea.markdown);
        }
      }),
      propertyParameters(300),
    );
  });
});
