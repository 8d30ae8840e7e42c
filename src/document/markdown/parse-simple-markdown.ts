/**
 * Plain Markdown → mdast, by hand, for the common case.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from "mdast";
import type { Point } from "unist";
import { parseSimplePhrasing, type ContentLine } from "./parse-simple-phrasing.js";

// Characters that start constructs this reader leaves to remark (HTML,
// character references, escapes, strikethrough, tables, e-mail autolinks,
// tabs and carriage returns, whose columns micromark counts its own way),
// spaces at a line's end (hard breaks) and lines of spaces.
const OTHER = /[<&\\~|@\t\r\0\uFEFF]| \n| $/;
// A line that may start a block other than a paragraph, an ATX heading
// and a bullet item: quotes, fences, ordered items, `+` items, thematic
// breaks and setext underlines, definitions, and `#` not followed by a
// space.
const OTHER_BLOCK = /^(?:>|```|\+ |\+$|\d{1,9}[.)](?: |$)|[-*_= ]+$|\[[^\]]*\]:|#)/;
const HEADING = /^(#{1,6}) ([^ #](?:.*[^ #])?)$/;

/** An item of the open list: where it starts and its paragraph's lines. */
interface OpenItem {
  start: Point;
  lines: ContentLine[];
}

/**
 * Reads a Markdown document (or a part cut before a heading) made only of
 * ATX headings, paragraphs and tight lists of `-` or `*` items of one
 * paragraph each, with the inline content parseSimplePhrasing reads, into
 * the tree remark-parse with remark-gfm makes of it, positions included.
 * Anything else gives null, and the caller parses with remark: the point is
 * speed (micromark reads about a third of a megabyte a second on a small
 * machine), never a second reading of Markdown.
 * @param text the document or part
 * @returns its tree, or null when it holds anything else
 */
export function parseSimpleMarkdown(text: string): Root | null {
  if (OTHER.test(text) || text.startsWith("+++")) return null;
  const children: RootContent[] = [];
  let paragraph: ContentLine[] | null = null;
  let list: { marker: string; items: ListItem[] } | null = null;
  let item: OpenItem | null = null;
  // The marker of a list that a blank line ended: a bullet with that marker
  // would continue it as a loose list.
  let blankAfterList: string | null = null;

  const closeParagraph = (): boolean => {
    if (!paragraph) return true;
    const node = toParagraph(paragraph);
    paragraph = null;
    if (!node) return false;
    children.push(node);
    return true;
  };
  const closeItem = (): boolean => {
    if (!item || !list) return true;
    const node = toParagraph(item.lines);
    if (!node) return false;
    list.items.push({
      type: "listItem",
      spread: false,
      checked: null,
      children: [node],
      position: { start: item.start, end: { ...(node.position?.end as Point) } },
    });
    item = null;
    return true;
  };
  const closeList = (): boolean => {
    if (!closeItem()) return false;
    if (!list) return true;
    const first = list.items[0] as ListItem;
    const last = list.items[list.items.length - 1] as ListItem;
    const node: List = {
      type: "list",
      ordered: false,
      start: null,
      spread: false,
      children: list.items,
      position: {
        start: { ...(first.position?.start as Point) },
        end: { ...(last.position?.end as Point) },
      },
    };
    children.push(node);
    list = null;
    return true;
  };

  let offset = 0;
  let number = 0;
  while (offset <= text.length) {
    number += 1;
    let newline = text.indexOf("\n", offset);
    if (newline < 0) newline = text.length;
    const line = text.slice(offset, newline);
    const here = offset;
    offset = newline + 1;
    if (line === "") {
      if (!closeParagraph()) return null;
      if (list) {
        const marker: string = (list as { marker: string }).marker;
        if (!closeList()) return null;
        blankAfterList = marker;
      }
      continue;
    }
    const first = line[0];
    if (first === " ") {
      // The next line of a list item's paragraph, indented to its content.
      const content = line.slice(2);
      if (!item || !line.startsWith("  ") || opensOtherBlock(content)) return null;
      (item as OpenItem).lines.push({ text: content, line: number, column: 3, offset: here + 2 });
      continue;
    }
    if (first === "#") {
      const heading = HEADING.exec(line);
      if (!heading || !closeParagraph() || !closeList()) return null;
      const node = toHeading(heading, number, here);
      if (!node) return null;
      children.push(node);
      blankAfterList = null;
      continue;
    }
    if (isBullet(line)) {
      const content = line.slice(2);
      if (opensOtherBlock(content)) return null;
      if (blankAfterList === first || (list && list.marker !== first)) return null;
      if (!closeParagraph() || !closeItem()) return null;
      list ??= { marker: first as string, items: [] };
      item = {
        start: { line: number, column: 1, offset: here },
        lines: [{ text: content, line: number, column: 3, offset: here + 2 }],
      };
      continue;
    }
    if (OTHER_BLOCK.test(line)) return null;
    const content: ContentLine = { text: line, line: number, column: 1, offset: here };
    // A line right after an item continues its paragraph (a lazy line).
    if (item) (item as OpenItem).lines.push(content);
    else if (paragraph) paragraph.push(content);
    else {
      paragraph = [content];
      blankAfterList = null;
    }
  }
  if (!closeParagraph() || !closeList()) return null;
  return {
    type: "root",
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(text, number) },
  };
}

/** Whether an item's content would start a block of its own rather than a paragraph. */
function opensOtherBlock(content: string): boolean {
  return content[0] === " " || OTHER_BLOCK.test(content) || isBullet(content);
}

/** `- ` or `* ` followed by content. */
function isBullet(line: string): boolean {
  return (line[0] === "-" || line[0] === "*") && line[1] === " ";
}

function toParagraph(lines: ContentLine[]): Paragraph | null {
  const children = parseSimplePhrasing(lines);
  if (!children) return null;
  const first = lines[0] as ContentLine;
  const last = lines[lines.length - 1] as ContentLine;
  return {
    type: "paragraph",
    children,
    position: {
      start: { line: first.line, column: first.column, offset: first.offset },
      end: {
        line: last.line,
        column: last.column + last.text.length,
        offset: last.offset + last.text.length,
      },
    },
  };
}

function toHeading(match: RegExpExecArray, line: number, offset: number): Heading | null {
  const depth = (match[1] as string).length as Heading["depth"];
  const text = match[2] as string;
  const children = parseSimplePhrasing([
    { text, line, column: depth + 2, offset: offset + depth + 1 },
  ]);
  if (!children) return null;
  return {
    type: "heading",
    depth,
    children,
    position: {
      start: { line, column: 1, offset },
      end: { line, column: depth + 2 + text.length, offset: offset + depth + 1 + text.length },
    },
  };
}

/** The point after the last character of the text, which has `lines` lines. */
function endOf(text: string, lines: number): Point {
  const lastStart = text.lastIndexOf("\n") + 1;
  return { line: lines, column: text.length - lastStart + 1, offset: text.length };
}
