/**
 * Hostile and broken input: the reader never throws, and says what is wrong.
 */
import { describe, expect, it } from "vitest";
import { parseGosh } from "../../src/document/gosh/parse-gosh.js";
import { readDocument } from "../../src/document/read-document.js";
import type { IdeasDocument } from "../../src/document/types.js";

const ideas = (document: IdeasDocument) => document.sections.flatMap((section) => section.ideas);
const rules = (document: IdeasDocument) => document.diagnostics.map((d) => d.rule);
const MB = 1024 * 1024;

describe("reading broken and hostile documents", () => {
  it.each(["gosh", "markdown"] as const)("reads an empty %s document as no ideas", (format) => {
    const document = readDocument("", { format });
    expect(ideas(document)).toEqual([]);
    expect(document.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("reports NUL bytes as an error: a binary file is no document", () => {
    const bytes = new Uint8Array([0x3a, 0x41, 0x3a, 0x0a, 0x00, 0xff, 0x13, 0x00]);
    const document = readDocument(bytes, { format: "gosh" });
    expect(document.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "error", rule: "binary", line: 2, column: 1 }),
    );
  });

  it("reads invalid UTF-8 with a warning at the first bad byte", () => {
    const text = new TextEncoder().encode("Chapter\n#######\n\n:Idea:\n\n  Caf");
    const bytes = new Uint8Array([...text, 0xe9, 0x0a]);
    const document = readDocument(bytes, { format: "gosh" });
    expect(document.diagnostics).toContainEqual(
      expect.objectContaining({ rule: "invalid-utf8", line: 6, column: 6 }),
    );
    expect(ideas(document)[0]?.markdown).toBe("Caf\uFFFD");
  });

  it("drops a byte order mark and reads CRLF, CR and LF alike", () => {
    const lf = "Chapter\n#######\n\n:Idea:\n\n  Body line\n  two.\n";
    const expected = ideas(readDocument(lf, { format: "gosh" }));
    for (const text of ["\uFEFF" + lf, lf.replace(/\n/g, "\r\n"), lf.replace(/\n/g, "\r")]) {
      expect(ideas(readDocument(text, { format: "gosh" }))).toEqual(expected);
    }
    expect(
      ideas(readDocument(new TextEncoder().encode("\uFEFF" + lf), { format: "gosh" })),
    ).toEqual(expected);
  });

  it("reads a tab-indented body as indented, with a warning", () => {
    const document = readDocument("Chapter\n#######\n\n:Idea:\n\n\tBody.\n\t\tDeeper.\n", {
      format: "gosh",
    });
    // Two tabs are four spaces: over-indented, so read on into the paragraph.
    expect(ideas(document).map((idea) => idea.markdown)).toEqual(["Body. Deeper."]);
    expect(rules(document)).toEqual(expect.arrayContaining(["tab-indent", "bad-indent"]));
  });

  it("takes a GOSH entry whose title has no text for no idea, with a warning", () => {
    const document = readDocument(":' ':\n\n  Body.\n\n: :\n\n:__:\n\n:Idea:\n", {
      format: "gosh",
    });
    // "__" is text: an underscore pair is no emphasis around nothing.
    expect(ideas(document).map((idea) => idea.title)).toEqual(["__", "Idea"]);
    expect(document.diagnostics).toContainEqual(
      expect.objectContaining({ rule: "empty-title", line: 1, column: 1 }),
    );
  });

  it("bounds item nesting instead of running out of stack", () => {
    const lines = Array.from(
      { length: 2000 },
      (_, depth) => " ".repeat(2 * depth) + "* level " + depth,
    );
    const document = readDocument(
      ["Chapter", "#######", "", ":Deep:", "", ...lines.map((l) => "  " + l)].join("\n"),
      {
        format: "gosh",
      },
    );
    expect(ideas(document)).toHaveLength(1);
    expect(rules(document)).toContain("too-deep");
  });

  // Inline markup on one huge line: a naive regex loop would take quadratic time.
  it.each([
    ["openers without closers", " _a".repeat(MB / 3)],
    ["quotes", " 'a".repeat(MB / 3) + "'"],
    ["brackets without ends", " [http://a".repeat(MB / 10)],
    ["alternating markup", " _a* 'b_ *c' [x]".repeat(MB / 16)],
  ])("parses a 1 MB line of %s", (_name, line) => {
    const parsed = parseGosh(`:Idea:\n\n  ${line}\n`);
    expect(parsed.tree.children).toHaveLength(1);
  });

  it("parses 10 MB of mixed lines", () => {
    const block = [
      "Chapter",
      "#######",
      "",
      ":An idea with 'code' and [https://example.org - a link]:",
      "",
      "  Body with _markup_, *bold* and Genode's 'Input'.",
      "      over-indented",
      "  * item",
      "  ! code",
      "\tTab line",
      "",
    ].join("\n");
    const text = block.repeat(Math.ceil((10 * MB) / block.length));
    const document = readDocument(text, { format: "gosh" });
    expect(ideas(document).length).toBe(Math.ceil((10 * MB) / block.length));
    // Repeated problems are summarised, not listed a million times.
    expect(document.diagnostics.length).toBeLessThan(1000);
  });

  // micromark (under remark-parse) slows down faster than linearly on big
  // documents, quadratically with the number of lists, so a list-heavy
  // megabyte would take minutes; see docs/document-formats.md, "Limits".
  it("parses 256 KB of Markdown headings and paragraphs", () => {
    const block =
      "## Section\n\n### Idea\n\nSome *text* with `code` and a [link](https://example.org).\n\n";
    const count = Math.ceil(MB / 4 / block.length);
    expect(ideas(readDocument(block.repeat(count), { format: "markdown" })).length).toBe(count);
  });

  // Read by ideas-sync's own reader of plain Markdown, whose positions must
  // not be looked up from the paragraph's first line each time (which took
  // minutes here, past the test's timeout).
  it("parses a 3 MB Markdown paragraph of short lines with inline code", () => {
    const count = Math.floor((3 * MB) / 6);
    const document = readDocument(`### Idea\n\n${"x `a`\n".repeat(count)}`, {
      format: "markdown",
    });
    expect(ideas(document)[0]?.markdown.match(/`a`/g)).toHaveLength(count);
  });
});
