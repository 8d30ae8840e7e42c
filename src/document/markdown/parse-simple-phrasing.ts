/**
 * The phrasing content of a paragraph or heading written in plain Markdown,
 * read by hand (see parseSimpleMarkdown).
 */
import type { PhrasingContent, Text } from "mdast";
import type { Point } from "unist";

/** One line of a paragraph or heading: its text after any indentation. */
export interface ContentLine {
  text: string;
  /** where the text starts in the document (or part) */
  line: number;
  column: number;
  offset: number;
}

// Characters that end a run of plain text: code, emphasis, links, images
// and the first letters of literal autolinks.
const SPECIAL = /[`*_[\]!hHwW]/g;
// What GFM may read as a literal autolink (see mdast-util-gfm-autolink-literal).
const LINK_LIKE = /https?:|www\./i;
const LINK_LIKE_HERE = /https?:|www\./iy;
const URL =
  /https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?:\/(?:[A-Za-z0-9/#%=+-]|[.?:,;!](?=[A-Za-z0-9/#%=+-]))*|:[0-9]+(?:\/(?:[A-Za-z0-9/#%=+-]|[.?:,;!](?=[A-Za-z0-9/#%=+-]))*)?)?/y;
// The destination of an inline link: no spaces, brackets, parentheses or quotes.
const DESTINATION = /[A-Za-z0-9:/.?=#%+,;_*!$'-]+\)/y;
const WORD = /[A-Za-z0-9]/;
const SPACE = /\s/;
// What may follow the closing delimiter of emphasis or a literal autolink.
const AFTER = /[ \n.,;:!?]/;

/**
 * Reads the inline content of lines that hold only plain text, code spans,
 * `*`/`_` emphasis and `**`/`__` strong emphasis around plain words, inline
 * links `[text](destination)` and `http(s)://` literal autolinks, into the
 * nodes (positions included) that remark-parse with remark-gfm makes of
 * them. Anything else, or any of these in a shape whose reading depends on
 * CommonMark's finer rules, gives null: the caller then parses with remark.
 * The caller has already refused the characters that start other inline
 * constructs (`<`, `&`, `\`, `~`, `|`, `@`) and spaces at line ends.
 * @param lines the lines of one paragraph or heading, in order
 * @returns the nodes, or null when the text is not of that shape
 */
export function parseSimplePhrasing(lines: readonly ContentLine[]): PhrasingContent[] | null {
  const s =
    lines.length === 1 ? (lines[0] as ContentLine).text : lines.map((l) => l.text).join("\n");
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.text.length + 1;
  }
  let k = 0;
  // The point of index i of s. A text that ends where an indented line
  // starts ends, in micromark, before the indentation: `end` says so.
  const point = (i: number, end: boolean): Point => {
    // Points are asked for in about document order (a text before a node
    // after the node's own): the cursor walks from where it is.
    while (k > 0 && (starts[k] as number) > i) k -= 1;
    while (k + 1 < starts.length && (starts[k + 1] as number) <= i) k += 1;
    const line = lines[k] as ContentLine;
    const into = i - (starts[k] as number);
    if (end && into === 0 && k > 0)
      return { line: line.line, column: 1, offset: line.offset - line.column + 1 };
    return { line: line.line, column: line.column + into, offset: line.offset + into };
  };
  const text = (from: number, to: number): Text => ({
    type: "text",
    value: s.slice(from, to),
    position: { start: point(from, false), end: point(to, true) },
  });

  const nodes: PhrasingContent[] = [];
  let plain = 0;
  SPECIAL.lastIndex = 0;
  for (let match = SPECIAL.exec(s); match; match = SPECIAL.exec(s)) {
    const i = match.index;
    const c = s[i] as string;
    let end: number;
    let node: PhrasingContent;
    if (c === "`") {
      end = codeSpanEnd(s, i);
      if (end < 0) return null;
      node = {
        type: "inlineCode",
        value: s.slice(i + 1, end - 1),
        position: { start: point(i, false), end: point(end, true) },
      };
    } else if (c === "*" || c === "_") {
      const run = s[i + 1] === c ? 2 : 1;
      end = emphasisEnd(s, i, run);
      if (end < 0) return null;
      const start = point(i, false);
      node = {
        type: run === 2 ? "strong" : "emphasis",
        children: [text(i + run, end - run)],
        position: { start, end: point(end, true) },
      };
    } else if (c === "[") {
      const close = labelEnd(s, i);
      if (close < 0) return null;
      DESTINATION.lastIndex = close + 2;
      if (s[close + 1] !== "(" || !DESTINATION.test(s)) return null;
      end = DESTINATION.lastIndex;
      const start = point(i, false);
      node = {
        type: "link",
        title: null,
        url: s.slice(close + 2, end - 1),
        children: [text(i + 1, close)],
        position: { start, end: point(end, true) },
      };
    } else if (c === "]") {
      return null;
    } else if (c === "!") {
      if (s[i + 1] === "[") return null;
      continue;
    } else {
      // h, H, w or W: plain text unless it may start a literal autolink.
      const next = s[i + 1];
      if (next !== "t" && next !== "T" && next !== "w" && next !== "W") continue;
      LINK_LIKE_HERE.lastIndex = i;
      if (!LINK_LIKE_HERE.test(s)) continue;
      end = autolinkEnd(s, i);
      if (end < 0) return null;
      const value = s.slice(i, end);
      const position = { start: point(i, false), end: point(end, true) };
      node = {
        type: "link",
        title: null,
        url: value,
        children: [{ type: "text", value, position: { ...position } }],
        position,
      };
    }
    if (i > plain) nodes.push(text(plain, i));
    nodes.push(node);
    plain = end;
    SPECIAL.lastIndex = end;
  }
  if (s.length > plain) nodes.push(text(plain, s.length));
  return nodes;
}

/** After a code span of one backtick on one line, with no space at its ends; -1 if not one. */
function codeSpanEnd(s: string, i: number): number {
  if (s[i + 1] === "`") return -1;
  const close = s.indexOf("`", i + 1);
  if (close < 0 || s[close + 1] === "`" || close === i + 1) return -1;
  const newline = s.indexOf("\n", i + 1);
  if (newline >= 0 && newline < close) return -1;
  if (s[i + 1] === " " || s[close - 1] === " ") return -1;
  return close + 1;
}

/**
 * After emphasis of `run` delimiters opening at i around plain words on one
 * line; -1 if not that. The opener follows a space or the start and
 * precedes a letter or digit, the closer follows no space and precedes a
 * space, the end or punctuation: CommonMark reads such a pair as emphasis
 * whatever the delimiter (`*` or `_`) and whatever else is on the line.
 */
function emphasisEnd(s: string, i: number, run: number): number {
  const c = s[i] as string;
  const before = s[i - 1];
  if (before !== undefined && before !== " " && before !== "\n") return -1;
  if (!WORD.test(s[i + run] ?? "")) return -1;
  for (let j = i + run; j < s.length; j += 1) {
    const d = s[j] as string;
    if (d === c) {
      for (let r = 1; r < run; r += 1) if (s[j + r] !== c) return -1;
      const after = s[j + run];
      // Unicode white space too: micromark's test for a closing delimiter is /\s/.
      if (SPACE.test(s[j - 1] as string) || (after !== undefined && !AFTER.test(after))) return -1;
      if (LINK_LIKE.test(s.slice(i + run, j))) return -1;
      return j + run;
    }
    if (d === "`" || d === "*" || d === "_" || d === "[" || d === "]" || d === "\n") return -1;
  }
  return -1;
}

/** The index of the `]` that closes a link's text of plain words opened at i; -1 if none. */
function labelEnd(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j += 1) {
    const d = s[j] as string;
    if (d === "]") {
      if (j === i + 1 || s[i + 1] === " " || s[j - 1] === " ") return -1;
      if (LINK_LIKE.test(s.slice(i + 1, j))) return -1;
      return j;
    }
    if (d === "`" || d === "*" || d === "_" || d === "[" || d === "!" || d === "\n") return -1;
  }
  return -1;
}

/**
 * After a literal autolink `http(s)://domain/path` at i that GFM reads the
 * same way whatever its finer rules: it follows a space or the start, its
 * domain is of letters, digits and inner hyphens, its path ends with none
 * of the characters GFM trims, and a space, the end or one trimmed
 * punctuation mark (then a space or the end) follows it. -1 if not that.
 */
function autolinkEnd(s: string, i: number): number {
  const before = s[i - 1];
  if (before !== undefined && before !== " " && before !== "\n") return -1;
  URL.lastIndex = i;
  if (!URL.test(s)) return -1;
  const end = URL.lastIndex;
  const after = s[end];
  if (after === undefined || after === " " || after === "\n") return end;
  if (!AFTER.test(after)) return -1;
  const next = s[end + 1];
  return next === undefined || next === " " || next === "\n" ? end : -1;
}
