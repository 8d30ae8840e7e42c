/**
 * Every real revision of Genode's doc/challenges.txt, read from ../shared.
 */
import { readFileSync } from "node:fs";
import type { Link } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { expect, it } from "vitest";
import { extractIdeas } from "../../src/document/extract-ideas.js";
import { parseGosh } from "../../src/document/gosh/parse-gosh.js";
import { readDocument } from "../../src/document/read-document.js";
import { renderMarkdown } from "../../src/document/render-markdown.js";
import type { Idea, IdeasDocument } from "../../src/document/types.js";
import { GENODE, genodeIdeaRows, genodeRevisions, genodeTransitions } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";

const revisions = genodeRevisions();
const rows = genodeIdeaRows();
const read = (path: string): IdeasDocument =>
  readDocument(readFileSync(path, "utf8"), { format: "gosh" });
const ideasOf = (document: IdeasDocument): Idea[] =>
  document.sections.flatMap((section) => section.ideas);

// [url - text] and [url] in the source, as gosh reads them.
function sourceLinks(text: string): Array<{ url: string; text: string }> {
  const links: Array<{ url: string; text: string }> = [];
  for (const match of text.matchAll(/\[([\w]+:[^ \]]+)( - ([^\](]+))?[^\]]*\]/g)) {
    links.push({ url: match[1] as string, text: (match[3] ?? match[1] ?? "").trimEnd() });
  }
  return links;
}

// Links in rendered Markdown, read back with remark.
function markdownLinks(markdown: string): Array<{ url: string; text: string }> {
  const links: Array<{ url: string; text: string }> = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "link") links.push({ url: (node as Link).url, text: toString(node) });
    for (const child of (node.children ?? []) as Array<{ type: string }>) visit(child);
  };
  visit(unified().use(remarkParse).parse(markdown));
  return links;
}

withCorpus("genode").describe("the Genode corpus", () => {
  it("has 14 mainline revisions and one off-mainline", () => {
    expect(revisions.filter((r) => /^\d/.test(r.seq))).toHaveLength(14);
    expect(revisions.filter((r) => r.seq.startsWith("x"))).toHaveLength(1);
  });

  it.each(revisions.map((r) => [r.file, r] as const))(
    "%s parses without errors",
    (_file, revision) => {
      const document = read(revision.path);
      expect(document.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(document.title).toMatch(/^Future Chall[ae]nges of the Genode project$/);
      expect(ideasOf(document).length).toBeGreaterThanOrEqual(17);
    },
  );

  it.each(revisions.filter((r) => /^\d/.test(r.seq)).map((r) => [r.file, r] as const))(
    "%s has the sections, titles, order and lines of ideas.tsv",
    (_file, revision) => {
      const document = read(revision.path);
      const expected = rows.filter((row) => row.seq === revision.seq);
      const actual = ideasOf(document);
      expect(actual.map((idea) => [idea.section, idea.title, idea.line])).toEqual(
        expected.map((row) => [row.section, row.title, row.line]),
      );
      // The entry ends at its last body line: ideas.tsv counts the lines
      // from the first body line to the last, blank lines between included.
      const lines = readFileSync(revision.path, "utf8").split("\n");
      const firstBodyLine = (idea: Idea) => {
        let index = idea.line;
        while ((lines[index] ?? "x").trim() === "") index += 1;
        return index + 1;
      };
      expect(actual.map((idea) => idea.endLine - firstBodyLine(idea) + 1)).toEqual(
        expected.map((row) => row.bodyLines),
      );
      // Sections hold their ideas in document order.
      expect(document.sections.map((section) => section.title)).toEqual([
        ...new Set(expected.map((row) => row.section)),
      ]);
    },
  );

  it.each(revisions.map((r) => [r.file, r] as const))(
    "%s: every link comes out as a Markdown link",
    (_file, revision) => {
      const text = readFileSync(revision.path, "utf8");
      const rendered = ideasOf(read(revision.path))
        .map((idea) => idea.markdown)
        .join("\n\n");
      const wanted = sourceLinks(text);
      expect(wanted.length).toBeGreaterThan(0);
      expect(markdownLinks(rendered)).toEqual(wanted);
    },
  );

  it.each(revisions.map((r) => [r.file, r] as const))(
    "%s: doubled URLs get a warning",
    (_file, revision) => {
      const text = readFileSync(revision.path, "utf8");
      const doubled = text
        .split("\n")
        .map((line, index) => (/\[\w+:\/\/[^ \]]*\w+:\/\//.test(line) ? index + 1 : 0))
        .filter((line) => line > 0);
      const warnings = read(revision.path).diagnostics.filter((d) => d.rule === "doubled-url");
      expect(warnings.map((d) => d.line)).toEqual(doubled);
      expect(doubled.length > 0).toBe(Number(revision.seq) >= 9 || revision.seq.startsWith("x"));
    },
  );

  it.each(revisions.map((r) => [r.file, r] as const))(
    "%s: 'code' becomes `code`, apostrophes stay",
    (_file, revision) => {
      const text = readFileSync(revision.path, "utf8");
      const parsed = parseGosh(text);
      const rendered = renderMarkdown(parsed.tree.children);
      for (const word of ["Input", "Framebuffer", "Audio_out", "goa run"]) {
        const inSource = text.split(`'${word}'`).length - 1;
        expect(rendered.split("`" + word + "`").length - 1, word).toBe(inSource);
        expect(rendered.includes(`'${word}'`), word).toBe(false);
      }
      const possessives = (s: string) => (s.match(/\w's\b/g) ?? []).length;
      const body = text.slice(text.indexOf("Abstract"));
      expect(possessives(rendered)).toBe(possessives(body));
      // Backticks written as apostrophes ("Genode`s") stay literal text.
      const count = (s: string, part: string) => s.split(part).length - 1;
      expect(count(rendered, "Genode\\`s")).toBe(count(body, "Genode`s"));
    },
  );

  it("changes an idea's hash exactly when transitions.json lists it as edited or retitled", () => {
    for (const step of genodeTransitions()) {
      const before = new Map(
        ideasOf(read(`${GENODE}/${step.from}`)).map((idea) => [idea.title, idea]),
      );
      const after = ideasOf(read(`${GENODE}/${step.to}`));
      const edited = new Set(step.edited.map(([title]) => title));
      const retitled = new Map(step.retitled.map(([from, to]) => [to, from]));
      for (const idea of after) {
        const old = before.get(retitled.get(idea.title) ?? idea.title);
        if (!old) continue;
        const changed = old.hash !== idea.hash;
        expect(changed, `${step.from} → ${step.to}: ${idea.title}`).toBe(
          edited.has(idea.title) || retitled.has(idea.title),
        );
        expect(old.key === idea.key, idea.title).toBe(!retitled.has(idea.title));
      }
    }
  });

  it("reads the same ideas whatever the section depth's defaults", () => {
    const path = (revisions.at(-2) ?? revisions[0])?.path as string;
    const text = readFileSync(path, "utf8");
    const byDefault = extractIdeas(parseGosh(text), {});
    expect(extractIdeas(parseGosh(text), { sectionDepth: 1 })).toEqual(byDefault);
    // At depth 2 (=== sections, which the document does not use) no idea has a section.
    expect(extractIdeas(parseGosh(text), { sectionDepth: 2 }).sections.map((s) => s.title)).toEqual(
      [null],
    );
  });
});
