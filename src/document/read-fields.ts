/**
 * An idea's body → its fields (`Difficulty: Easy`, `**Mentors**` + a list …).
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Field } from "./types.js";

// A field name: a few words starting with a letter, as people name facts
// ("Difficulty", "Mentor(s)", "Upstream Issue (URL)", "Expected project size").
// Longer runs of words before a colon are sentences ("The aims of the
// project are as follows:"), not names.
const NAME = /^\p{L}[\p{L}\p{N} ()/&'’.+-]*$/u;
const NAME_MAX = 40;
const NAME_WORDS = 4;

/** A line of a paragraph: its inline nodes and where it is. */
interface Line {
  line: number;
  nodes: PhrasingContent[];
}

/** A field read from one line, before its value may come from below. */
interface Head {
  name: string;
  value: string;
  /** `**Name**` alone: a field only when a value follows in the next block. */
  bare: boolean;
}

/**
 * Reads the fields stated at the top level of an idea's body, in document
 * order. A field is a paragraph or list item that starts with a name and a
 * colon, the name plain, strong or emphasised (`Difficulty: Easy`,
 * `**Difficulty:** Easy`, `_Difficulty:_ Easy`, `**Difficulty**: Easy`,
 * `**Hours: 350**`); so is each later line of a paragraph that does the
 * same, a plain name then starting with a capital letter (`Author: @x`
 * under a sentence). A field with nothing after its colon takes
 * its value from the rest of its paragraph, else from the block below: a
 * paragraph's text or a list's items joined with ", " (`Skills required:`
 * over a list). A paragraph of only a strong name (`**Difficulty**`) is a
 * field when a paragraph or list follows. A table gives each cell of its
 * body rows as a field named by its column's header (`| Intensity | … |`).
 * Headings, quotes, code and nested lists not taken as values hold none.
 * @param body the idea's top-level blocks (Markdown or GOSH)
 * @returns the fields, each with the line of its name
 */
export function readFields(body: readonly RootContent[]): Field[] {
  const fields: Field[] = [];
  for (let i = 0; i < body.length; i += 1) {
    const node = body[i] as RootContent;
    if (node.type === "paragraph") {
      if (readBlockRun(node, body[i + 1], fields)) i += 1;
    } else if (node.type === "list") {
      for (const item of node.children) readItem(item, fields);
    } else if (node.type === "table") {
      readTable(node, fields);
    }
  }
  return fields;
}

// A paragraph's run of fields; the block after it may be the last field's
// value. Returns true when that block was taken as a value.
function readBlockRun(
  paragraph: Paragraph,
  next: RootContent | undefined,
  fields: Field[],
): boolean {
  const open = readParagraph(paragraph, fields);
  if (!open) return false;
  // Below a bold line alone, the next block is the value whatever it says
  // ("**Expected result**" over "Ideal: …").
  const value = valueOf(next, open.bare);
  if (value === null) {
    if (!open.bare) fields.push(open.field);
    return false;
  }
  fields.push({ ...open.field, value });
  return true;
}

// A list item: its first paragraph, and its next block as the value.
function readItem(item: ListItem, fields: Field[]): void {
  const first = item.children[0];
  if (first?.type !== "paragraph") return;
  readBlockRun(first, item.children[1], fields);
}

/**
 * Reads the fields of a paragraph's lines into `fields`. The last field,
 * when it has no value yet, is returned instead: the caller looks below for it.
 */
function readParagraph(
  paragraph: Paragraph,
  fields: Field[],
): { field: Field; bare: boolean } | null {
  // Most paragraphs are prose in which no line starts with a name and a
  // colon or with bold or italic: they are passed over without splitting
  // them into lines.
  if (!mayHoldHead(paragraph.children)) return null;
  const lines = splitLines(paragraph.children);
  const headOf = (index: number) => readHead((lines[index] as Line).nodes, index > 0);
  for (let i = 0; i < lines.length; i += 1) {
    const head = headOf(i);
    if (!head || (head.bare && lines.length > 1)) continue;
    const field: Field = { name: head.name, value: head.value, line: (lines[i] as Line).line };
    if (field.value !== "") {
      fields.push(field);
      continue;
    }
    // Nothing after the colon: the lines below that are no fields are the value.
    const rest: string[] = [];
    let j = i + 1;
    while (j < lines.length && !headOf(j)) {
      rest.push(textOf((lines[j] as Line).nodes));
      j += 1;
    }
    if (j === lines.length && rest.length === 0) return { field, bare: head.bare };
    fields.push({ ...field, value: collapse(rest.join(" ")) });
    i = j - 1;
  }
  return null;
}

// The value a block below a field gives it, or null when it gives none
// (no block, another field, or a block that holds no value).
function valueOf(block: RootContent | undefined, always = false): string | null {
  if (block?.type === "paragraph") {
    const first = splitLines(block.children)[0];
    if (!first || (!always && readHead(first.nodes))) return null;
    return collapse(toString(block, { includeHtml: false })) || null;
  }
  if (block?.type === "list") {
    if (!always && listHoldsFields(block)) return null;
    const items = block.children
      .map((item) => (item.children[0]?.type === "paragraph" ? textOfBlock(item.children[0]) : ""))
      .filter((text) => text !== "");
    return items.length > 0 ? items.join(", ") : null;
  }
  return null;
}

function listHoldsFields(list: List): boolean {
  const first = list.children[0]?.children[0];
  if (first?.type !== "paragraph") return false;
  const line = splitLines(first.children)[0];
  return line !== undefined && readHead(line.nodes) !== null;
}

//     | **Intensity** | **Involves**  | **Mentors** |
//     | ------------- | ------------- | ----------- |
//     | Advanced      | Python, …     | @mdboom     |
function readTable(table: Table, fields: Field[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const names = header.children.map((cell) => {
    const name = textOfBlock(cell).replace(/:$/, "").trim();
    return isName(name) ? name : null;
  });
  for (const row of rows) {
    row.children.forEach((cell, index) => {
      const name = names[index];
      const value = textOfBlock(cell);
      if (name && value !== "") fields.push({ name, value, line: row.position?.start.line ?? 1 });
    });
  }
}

// The name and value a line starts with, or null when it starts with none.
// Inside a paragraph (`within`), a plain name must start with a capital
// letter: wrapped prose often puts a word and a colon at a line's start.
function readHead(nodes: readonly PhrasingContent[], within = false): Head | null {
  const start = nodes.findIndex((node) => node.type !== "text" || node.value.trim() !== "");
  const first = nodes[start];
  if (!first) return null;
  const rest = textOf(nodes.slice(start + 1));
  if (first.type === "strong" || first.type === "emphasis") {
    const inner = collapse(toString(first, { includeHtml: false }));
    //     **Difficulty:** Easy      **Hours: 350**
    const colon = /^([^:]+):(?:\s+(.*))?$/su.exec(inner);
    if (colon) {
      const name = (colon[1] as string).trim();
      if (!isName(name)) return null;
      return { name, value: collapse(`${colon[2] ?? ""} ${rest}`), bare: false };
    }
    if (!isName(inner)) return null;
    //     **Difficulty**: Easy
    if (rest.startsWith(":")) return { name: inner, value: collapse(rest.slice(1)), bare: false };
    //     **Difficulty**            (the value is the next paragraph)
    if (rest === "" && first.type === "strong") return { name: inner, value: "", bare: true };
    return null;
  }
  if (first.type !== "text") return null;
  //     Difficulty: Easy          (the colon in the text itself, before any link or markup)
  const colon = /^\s*([^:\n]+):(?=\s|$)/u.exec(first.value);
  if (!colon) return null;
  const name = (colon[1] as string).trim();
  if (!isName(name) || (within && !/^\p{Lu}/u.test(name))) return null;
  return {
    name,
    value: collapse(`${first.value.slice(colon[0].length)}${rest}`),
    bare: false,
  };
}

// The start of a plain head, as readHead reads it, at the start of a line.
const PLAIN_HEAD = /^\s*([^:\n]+):(?=\s|$)/u;

/**
 * Whether some line of these nodes may start with a head: what splitLines
 * and readHead would find, without building the lines. A line's first node
 * (white space aside) is strong or emphasis, or text whose line starts with
 * a possible name and a colon.
 */
function mayHoldHead(children: readonly PhrasingContent[]): boolean {
  let atLineStart = true;
  for (const node of children) {
    if (node.type === "break") {
      atLineStart = true;
    } else if (node.type === "text") {
      const value = node.value;
      let start = 0;
      for (;;) {
        const newline = value.indexOf("\n", start);
        const end = newline === -1 ? value.length : newline;
        if (atLineStart) {
          // A head needs a colon on its line; most lines have none.
          const colon = value.indexOf(":", start);
          if (colon === -1 || colon >= end) {
            if (!blankBetween(value, start, end)) atLineStart = false;
          } else {
            const piece = value.slice(start, end);
            if (piece.trim() !== "") {
              const head = PLAIN_HEAD.exec(piece);
              if (head && isName((head[1] as string).trim())) return true;
              atLineStart = false;
            }
          }
        }
        if (newline === -1) break;
        start = newline + 1;
        atLineStart = true;
      }
    } else {
      if (atLineStart && (node.type === "strong" || node.type === "emphasis")) return true;
      atLineStart = false;
    }
  }
  return false;
}

// White space from where it is set: what trim takes.
const WHITE_SPACE = /\s*/y;

// Whether text[start, end) is white space only, without slicing it out.
function blankBetween(text: string, start: number, end: number): boolean {
  WHITE_SPACE.lastIndex = start;
  WHITE_SPACE.exec(text);
  return WHITE_SPACE.lastIndex >= end;
}

function isName(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= NAME_MAX &&
    NAME.test(text) &&
    !/[.]$/.test(text) &&
    text.split(/\s+/).length <= NAME_WORDS
  );
}

// A paragraph's inline nodes, split where text has a line break.
function splitLines(children: readonly PhrasingContent[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  const start = (line: number): Line => {
    const started: Line = { line, nodes: [] };
    current = started;
    lines.push(started);
    return started;
  };
  for (const node of children) {
    const at = node.position?.start.line ?? lines.at(-1)?.line ?? 1;
    if (node.type === "break") {
      start(node.position?.end.line ?? at + 1);
      continue;
    }
    if (node.type !== "text" || !node.value.includes("\n")) {
      (current ?? start(at)).nodes.push(node);
      continue;
    }
    node.value.split("\n").forEach((piece, index) => {
      const line = index === 0 ? (current ?? start(at)) : start(at + index);
      if (piece !== "") line.nodes.push({ type: "text", value: piece });
    });
  }
  return lines.filter((line) => line.nodes.length > 0);
}

function textOf(nodes: readonly PhrasingContent[]): string {
  return collapse(nodes.map((node) => toString(node, { includeHtml: false })).join(""));
}

function textOfBlock(node: Paragraph | Table["children"][number]["children"][number]): string {
  return collapse(toString(node, { includeHtml: false }));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
