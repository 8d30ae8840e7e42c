/**
 * readFields: each form an idea's fields are written in, as a table of
 * cases, in Markdown and in GOSH.
 */
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/document/read-document.js";
import type { Field } from "../../src/document/types.js";

const fieldsOf = (body: string): Field[] =>
  readDocument(`### Idea\n\n${body}`, { format: "markdown", sectionDepth: 0, ideaDepth: 3 })
    .sections[0]?.ideas[0]?.fields ?? [];

const f = (name: string, value: string, line: number): Field => ({ name, value, line });

describe("readFields", () => {
  it.each<[string, string, Field[]]>([
    ["a plain name", "Difficulty: Medium", [f("Difficulty", "Medium", 3)]],
    ["a bold name with the colon inside", "**Difficulty:** Easy", [f("Difficulty", "Easy", 3)]],
    ["a bold name with the colon after", "**Difficulty**: Easy", [f("Difficulty", "Easy", 3)]],
    ["an italic name", "* _Difficulty:_ Medium", [f("Difficulty", "Medium", 3)]],
    ["name and value in bold", "**Hours: 350**", [f("Hours", "350", 3)]],
    [
      "list items",
      "- Expected project size: small\n- Mentor(s): Ann, Bob",
      [f("Expected project size", "small", 3), f("Mentor(s)", "Ann, Bob", 4)],
    ],
    [
      "a name over a list",
      "Skills required:\n\n- C++\n- Qt\n",
      [f("Skills required", "C++, Qt", 3)],
    ],
    [
      "an item's name over its nested list",
      "- Mentor(s):\n  - Ann (@ann)\n  - Bob\n- Upstream Issue (URL): https://x.test/1",
      [f("Mentor(s)", "Ann (@ann), Bob", 3), f("Upstream Issue (URL)", "https://x.test/1", 6)],
    ],
    [
      "a bold line alone over its value",
      "**Difficulty**\n\nMedium.\n\n**Mentors**\n\n- Ann\n- Bob",
      [f("Difficulty", "Medium.", 3), f("Mentors", "Ann, Bob", 7)],
    ],
    [
      "a bold line alone over a paragraph that starts like a field",
      "**Expected result**\n\nIdeal: a report.",
      [f("Expected result", "Ideal: a report.", 3)],
    ],
    ["a bold line alone at the end (no value: no field)", "Text.\n\n**Thanks**", []],
    [
      "lines of one paragraph",
      "**Difficulty:** Easy\n**Description:**\nAll about it\nin two lines.",
      [f("Difficulty", "Easy", 3), f("Description", "All about it in two lines.", 4)],
    ],
    [
      "a capitalised name under a sentence",
      "Some prose here.\nAuthor: @someone\nand then: more prose",
      [f("Author", "@someone", 4)],
    ],
    [
      "a table",
      "| **Intensity** | **Involves** | **Mentors** |\n| --- | --- | --- |\n| Advanced | Python, C | @ann |",
      [f("Intensity", "Advanced", 5), f("Involves", "Python, C", 5), f("Mentors", "@ann", 5)],
    ],
    ["a name with no value", "Possible mentors:", [f("Possible mentors", "", 3)]],
    ["a sentence ending in a colon", "The aims of the project are as follows:\n\n- one", []],
    ["a link", "See https://example.org: it is there.", []],
    ["a colon without a space", "Ratio:3 is fine", []],
    ["a name ending in a full stop", "e.g.: this", []],
    ["a heading", "#### Difficulty: Easy", []],
    ["code", "```\nDifficulty: Easy\n```", []],
    ["a quote", "> Difficulty: Easy", []],
    [
      "a list of fields under a name with no value (not its value)",
      "Activities:\n\n- Review: code\n- Test: more",
      [f("Activities", "", 3), f("Review", "code", 5), f("Test", "more", 6)],
    ],
  ])("reads %s", (_name, body, fields) => {
    expect(fieldsOf(body)).toEqual(fields);
  });

  it("reads fields of GOSH ideas in the same forms", () => {
    const text =
      "Chapter\n#######\n\n:An idea:\n\n  Some words.\n\n  Difficulty: hard\n\n  * Mentor: Ann\n  * Hours: 175\n";
    const idea = readDocument(text, { format: "gosh" }).sections[0]?.ideas[0];
    expect(idea?.fields).toEqual([
      f("Difficulty", "hard", 8),
      f("Mentor", "Ann", 10),
      f("Hours", "175", 11),
    ]);
  });

  it("leaves the idea's text and hash as they are", () => {
    const with_ = readDocument("### Idea\n\nDifficulty: Easy\n", { format: "markdown" });
    const idea = with_.sections[0]?.ideas[0];
    expect(idea?.markdown).toBe("Difficulty: Easy");
    expect(idea?.fields).toHaveLength(1);
  });
});
