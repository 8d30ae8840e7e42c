/**
 * Markdown written as remark-stringify would write it, without remark: for
 * the paragraphs, code and flat lists most idea bodies are made of. Loading
 * remark's writer costs a command-line run more than reading a document,
 * and most documents never need it (see renderMarkdownEach); renderMarkdown
 * uses the same pieces inside remark's writer.
 */
import type {
  Emphasis,
  InlineCode,
  Link,
  List,
  ListItem,
  PhrasingContent,
  RootContent,
  Strong,
  Text,
} from "mdast";
import type { Info } from "mdast-util-to-markdown";
import { readsAsAutolink } from "./reads-as-autolink.js";

/** Line breaks and the blanks around them, which text is written without. */
export const SOFT_BREAK = /[ \t]*(?:\r\n|\r|\n)[ \t]*/g;

/**
 * Most idea bodies are paragraphs, code and flat lists of one-paragraph
 * items. For those, this writes what remark's flow writer would, without its
 * trackers and joins: blocks parted by a blank line, each item on a line of
 * its own after its bullet, code between fences longer than any backtick run
 * in it. Null when a block is anything else; remark writes that body.
 */
export function writeSimpleFlow(blocks: readonly RootContent[]): string | null {
  const out: string[] = [];
  // remark alternates the bullet of lists that follow each other directly.
  let lastBullet: string | undefined;
  for (const block of blocks) {
    let written: string | null;
    if (block.type === "paragraph") {
      written = writeSimplePhrasing(block.children, LINE);
      if (written?.includes("\n")) return null;
    } else if (block.type === "code") {
      written = block.lang || block.meta ? null : fenced(block.value);
    } else if (block.type === "list") {
      const bullet = bulletAfter(block.ordered === true, lastBullet);
      written = writeSimpleList(block, bullet);
      lastBullet = bullet;
    } else {
      written = null;
    }
    if (written === null) return null;
    if (block.type !== "list") lastBullet = undefined;
    out.push(written);
  }
  return out.join("\n\n");
}

// remark alternates the bullet of lists that follow each other directly.
function bulletAfter(ordered: boolean, lastBullet: string | undefined): string {
  if (ordered) return lastBullet === "." ? ")" : ".";
  return lastBullet === "-" ? "*" : "-";
}

// A block of a flow starts and ends a line.
const LINE = { before: "\n", after: "\n" } as Info;

function writeSimpleList(list: List, bullet: string): string | null {
  if (list.children.length === 0) return null;
  const start = typeof list.start === "number" && list.start > -1 ? list.start : 1;
  const items: string[] = [];
  for (let index = 0; index < list.children.length; index += 1) {
    const item = list.children[index] as ListItem;
    const only = item.children.length === 1 ? item.children[0] : undefined;
    // A task item's box is GFM's to write.
    if (only?.type !== "paragraph" || typeof item.checked === "boolean") return null;
    const text = writeSimplePhrasing(only.children, LINE);
    if (text === null || text.includes("\n")) return null;
    items.push(`${list.ordered ? `${start + index}${bullet}` : bullet} ${text}`);
  }
  return items.join(typeof list.spread === "boolean" && !list.spread ? "\n" : "\n\n");
}

// A fenced code block as remark writes it with backtick fences.
function fenced(value: string): string {
  let longest = 0;
  let run = 0;
  for (let index = 0; index < value.length; index += 1) {
    run = value.charCodeAt(index) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = "`".repeat(Math.max(longest + 1, 3));
  return value ? `${fence}\n${value}\n${fence}` : `${fence}\n${fence}`;
}

// A code block that the rewrite changes: carriage returns and NUL.
const CODE_BLOCK_NEEDS_CLEANING = /[\r\u0000]/;
// Code that the rewrite changes: line breaks and NUL.
export const CODE_NEEDS_CLEANING = /[\r\n\u0000]/;
// Text that the rewrite changes: line breaks, NUL, byte order marks, mentions.
export const NEEDS_CLEANING = /[\r\n\u0000\uFEFF@]/;

// Characters remark may escape in text wherever they are ...
const ESCAPED_ANYWHERE = /[\\`*_[\]<>#&~|@\u0000-\u001f\u007f]/;
// ... and the pairs it escapes for GFM autolink literals ("www.", "http:/"),
// links ("](") and images ("!["), which may take a character from around
// the text.
const ESCAPED_PAIR = /[Ww]\.[-.\w]|[ps]:\/|\]\(|!\[/;
// Characters remark escapes at the start of a line (list, heading, quote,
// table, setext and code markers, "1." and "1)"), and white space there.
const ESCAPED_AT_LINE_START = /^[\s\-+=#>*_~`<[|:\d.)!(]/;

const LINE_END_BEFORE = /[\r\n][\t ]*$/;
const LINE_START_AFTER = /^[\r\n]/;

/** Whether remark might escape something in this text, between these neighbours. */
export function needsEscaping(value: string, before: string, after: string): boolean {
  return (
    ESCAPED_ANYWHERE.test(value) ||
    ESCAPED_PAIR.test(before.slice(-1) + value + after.slice(0, 1)) ||
    needsEscapingAtLineEdge(value, before, after)
  );
}

/**
 * needsEscaping for text that holds no character remark escapes wherever
 * it is and no pair it escapes (see NOT_PLAIN): of three characters or
 * more, a pair across its edges lies within its first or last two and the
 * neighbour's.
 */
function plainTextNeedsEscaping(value: string, before: string, after: string): boolean {
  if (value.length < 3) return needsEscaping(value, before, after);
  return (
    ESCAPED_PAIR.test(before.slice(-1) + value.slice(0, 2)) ||
    ESCAPED_PAIR.test(value.slice(-2) + after.slice(0, 1)) ||
    needsEscapingAtLineEdge(value, before, after)
  );
}

// The first character written after child `index` of `count`, or `after`.
function firstWrittenAfter(index: number, count: number, after: string): string {
  for (let next = index + 1; next < count; next += 1) {
    const output = written.outputs[next] as string;
    if (output !== "") return output.charAt(0);
  }
  return after;
}

// Text at the start of a line, or white space before its end.
function needsEscapingAtLineEdge(value: string, before: string, after: string): boolean {
  if (LINE_END_BEFORE.test(before) && ESCAPED_AT_LINE_START.test(value)) return true;
  const last = value.charCodeAt(value.length - 1);
  return (last === 32 || last === 9) && LINE_START_AFTER.test(after);
}

const ALPHANUMERIC_EDGES = /^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/su;
// What may stand before an opening emphasis marker and after a closing one.
const ATTENTION_BEFORE = /^$|[ \t\r\n(]$/;
const ATTENTION_AFTER = /^$|^[ \t\r\n.,;:!?)]/;
// A link destination of a scheme, then printable ASCII but backslashes,
// which remark writes as it is between angle brackets, and between
// parentheses with a backslash before what could end or break out of them
// (DESTINATION_ESCAPED). Anything else, white space included, is left to
// remark.
const PLAIN_URL = /^[A-Za-z][A-Za-z0-9+.-]*:[!-[\]-~]*$/;
const DESTINATION_ESCAPED = /[()[]|&(?=[#A-Za-z])/g;

// Code remark writes between single backticks as it is.
const PLAIN_CODE = /^[^`\r\n]+$/;
const PADDED_CODE = /^ .* $|^ $/s;

export function writeSimplePhrasing(
  children: readonly PhrasingContent[],
  info: Info,
): string | null {
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as PhrasingContent;
    const output = writeSimpleChild(child);
    if (output === null) return null;
    written.outputs[index] = output;
    written.kinds[index] = child.type;
    written.texts[index] = child.type === "text" ? child.value : "";
  }
  return joinWritten(children.length, info.before ?? "", info.after ?? "");
}

// The children of one paragraph as written: each one's output, its type and,
// for text, its value. Reused from paragraph to paragraph (writing one never
// writes another): entries past the paragraph in hand are left over from an
// earlier one.
const written = { outputs: [] as string[], kinds: [] as string[], texts: [] as string[] };

// The first `count` written children, joined, once each is checked against
// its neighbours' edges; null when remark would write some other way.
function joinWritten(
  count: number,
  before: string,
  after: string,
  plainTexts = false,
): string | null {
  const { outputs, kinds, texts } = written;
  // What comes before a child is the last character written, past children
  // that wrote nothing, as remark's phrasing writer sees it; what comes after
  // it, the next character written. (remark looks at the next child only,
  // but then escapes emphasis that an empty child leaves next to a letter:
  // looking past it, such emphasis is left to remark.)
  let left = before;
  for (let index = 0; index < count; index += 1) {
    const kind = kinds[index];
    const output = outputs[index] as string;
    if (kind === "text" || kind === "emphasis" || kind === "strong") {
      const right = firstWrittenAfter(index, count, after);
      if (kind === "text") {
        const text = texts[index] as string;
        if ((plainTexts ? plainTextNeedsEscaping : needsEscaping)(text, left, right)) return null;
      } else if (!ATTENTION_BEFORE.test(left) || !ATTENTION_AFTER.test(right)) {
        return null;
      }
    }
    if (output !== "") left = output.slice(-1);
  }
  // Joined in one go: a body built up piece by piece is a chain that must
  // be copied flat before it is hashed, which cost more than writing it.
  return count === 1 ? (outputs[0] as string) : outputs.slice(0, count).join("");
}

function writeSimpleChild(child: PhrasingContent): string | null {
  switch (child.type) {
    case "text":
      return child.value;
    case "inlineCode":
      return writeCode(child.value);
    case "emphasis":
    case "strong": {
      const only = child.children.length === 1 ? child.children[0] : undefined;
      return only?.type === "text" ? writeAttention(child.type, only.value) : null;
    }
    case "link": {
      const only = child.children.length === 1 ? child.children[0] : undefined;
      return only?.type === "text" ? writeLink(child, only.value) : null;
    }
    default:
      return null;
  }
}

function writeCode(value: string): string | null {
  return PLAIN_CODE.test(value) && !PADDED_CODE.test(value) ? `\`${value}\`` : null;
}

// Emphasis or strong emphasis around text of this value.
function writeAttention(type: "emphasis" | "strong", value: string): string | null {
  const marker = type === "emphasis" ? "_" : "**";
  if (!ALPHANUMERIC_EDGES.test(value)) return null;
  if (needsEscaping(value, marker, marker)) return null;
  return `${marker}${value}${marker}`;
}

// A link around text of this value.
function writeLink(link: Link, value: string): string | null {
  if (link.title || !PLAIN_URL.test(link.url)) return null;
  if (value === link.url) return readsAsAutolink(link.url, value) ? `<${link.url}>` : null;
  if (value === "" || needsEscaping(value, "[", "]")) return null;
  return `[${value}](${link.url.replace(DESTINATION_ESCAPED, "\\$&")})`;
}

/**
 * What writeSimpleFlow writes for the rewritten nodes (see prepare), in one
 * pass over the nodes as they are: for bodies whose rewrite changes no more
 * than line breaks in text, which is most, nothing is copied. Undefined
 * where the rewrite would do more (a mention, a bare URL, a description
 * list …) or the flow is not simple: the caller then takes the long way.
 */
export function writeDirectMarkdown(nodes: readonly RootContent[]): string | undefined {
  const out: string[] = [];
  let lastBullet: string | undefined;
  for (const node of nodes) {
    let text: string | undefined;
    if (node.type === "paragraph") {
      const count = writeDirectPhrasing(node.children, 0);
      if (count === -1) return undefined;
      // The rewrite drops a paragraph of white space only.
      if (onlyBlankText(count)) continue;
      // Nothing written here holds a line break: text has its breaks made
      // spaces, and code and URLs with one are not written.
      text = joinWritten(count, "\n", "\n", true) ?? undefined;
      if (text === undefined) return undefined;
      lastBullet = undefined;
    } else if (node.type === "code") {
      // Code keeps its lines: only a carriage return or NUL is rewritten.
      if (node.lang || node.meta || CODE_BLOCK_NEEDS_CLEANING.test(node.value)) return undefined;
      text = fenced(node.value);
      lastBullet = undefined;
    } else if (node.type === "list") {
      const bullet = bulletAfter(node.ordered === true, lastBullet);
      text = writeDirectList(node, bullet);
      if (text === undefined) return undefined;
      lastBullet = bullet;
    } else {
      return undefined;
    }
    out.push(text);
  }
  return out.join("\n\n");
}

function writeDirectList(list: List, bullet: string): string | undefined {
  if (list.children.length === 0) return undefined;
  const start = typeof list.start === "number" && list.start > -1 ? list.start : 1;
  const items: string[] = [];
  const between = typeof list.spread === "boolean" && !list.spread ? "\n" : "\n\n";
  for (let index = 0; index < list.children.length; index += 1) {
    const item = list.children[index] as ListItem;
    const only = item.children.length === 1 ? item.children[0] : undefined;
    // A task item's box is GFM's to write.
    if (only?.type !== "paragraph" || typeof item.checked === "boolean") return undefined;
    const count = writeDirectPhrasing(only.children, 0);
    if (count === -1 || onlyBlankText(count)) return undefined;
    const text = joinWritten(count, "\n", "\n", true);
    if (text === null) return undefined;
    items.push(`${list.ordered ? `${start + index}${bullet}` : bullet} ${text}`);
  }
  return items.join(between);
}

// Whether the first `count` written children are all text of white space.
function onlyBlankText(count: number): boolean {
  for (let index = 0; index < count; index += 1) {
    if (written.kinds[index] !== "text" || (written.texts[index] as string).trim() !== "")
      return false;
  }
  return true;
}

/**
 * Writes phrasing children into `written` from entry `at` on, as the rewrite
 * would leave them (a cross reference's children take its place), and
 * returns the entry after the last; -1 where the direct way cannot tell.
 */
function writeDirectPhrasing(children: readonly PhrasingContent[], at: number): number {
  let next = at;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as PhrasingContent;
    // Nodes of many shapes pass here: their type is read once.
    const type = child.type;
    let output: string | null;
    let value = "";
    if (type === "text") {
      const text = rewrittenText((child as Text).value);
      if (text === null) return -1;
      output = value = text;
    } else if (type === "inlineCode") {
      const code = (child as InlineCode).value;
      output = CODE_NEEDS_CLEANING.test(code) ? null : writeCode(code);
    } else if (type === "emphasis" || type === "strong") {
      const only = onlyText((child as Emphasis | Strong).children);
      const text = only === null ? null : rewrittenText(only);
      output = text === null ? null : writeAttention(type, text);
    } else if (type === "link") {
      const link = child as Link;
      if (link.data?.goshCrossReference) {
        next = writeDirectPhrasing(link.children, next);
        if (next === -1) return -1;
        continue;
      }
      const only = onlyText(link.children);
      const text = only === null ? null : rewrittenLinkText(only);
      output = text === null ? null : writeLink(link, text);
    } else {
      output = null;
    }
    if (output === null) return -1;
    written.outputs[next] = output;
    written.kinds[next] = type;
    written.texts[next] = value;
    next += 1;
  }
  return next;
}

// The value of the one text child, or null.
function onlyText(children: readonly PhrasingContent[]): string | null {
  const only = children.length === 1 ? (children[0] as PhrasingContent) : undefined;
  return only?.type === "text" ? only.value : null;
}

/**
 * Text as the rewrite leaves it (line breaks and the space around them made
 * one space), or null when the rewrite would do more (clean it, stop a
 * mention, link a bare URL in it) or when remark would escape a character
 * in it wherever it stands: what it gives needs checking at its edges only.
 */
function rewrittenText(value: string): string | null {
  if (NOT_PLAIN.test(value)) return null;
  return spacedLineBreaks(value);
}

/**
 * `value.replace(SOFT_BREAK, " ")`, by hand for text with line feeds only
 * (most multi-line text): the pattern tries its leading blanks at every
 * character, and took a twentieth of reading a large GOSH document.
 */
function spacedLineBreaks(value: string): string {
  let lineFeed = value.indexOf("\n");
  if (value.includes("\r")) return value.replace(SOFT_BREAK, " ");
  if (lineFeed === -1) return value;
  let out = "";
  let start = 0;
  while (lineFeed !== -1) {
    let end = lineFeed;
    while (end > start && isBlank(value.charCodeAt(end - 1))) end -= 1;
    out += value.slice(start, end) + " ";
    start = lineFeed + 1;
    while (start < value.length && isBlank(value.charCodeAt(start))) start += 1;
    lineFeed = value.indexOf("\n", start);
  }
  return out + value.slice(start);
}

// A space or a tab.
function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * A link's text as the rewrite leaves it, or null when the rewrite would do
 * more than make its line breaks spaces. (A URL often holds what remark
 * escapes in text, and the link's writer checks it.)
 */
function rewrittenLinkText(value: string): string | null {
  if (!NEEDS_CLEANING.test(value)) return value;
  return CLEANED_BEYOND_BREAKS.test(value) ? null : value.replace(SOFT_BREAK, " ");
}

// What the rewrite of text changes besides line breaks.
const CLEANED_BEYOND_BREAKS = /[\u0000\uFEFF@]/;

// What the direct writer leaves to the long way in text, in one pass:
// - what the rewrite cleans besides line breaks (NUL, a byte order mark, "@"),
// - what remark escapes wherever it is, line breaks and the spaces around
//   them aside (tabs included, though one next to a break goes with it),
// - what may be a bare URL or e-mail address (textMayHoldLinkLiteral),
// - the pairs remark escapes (ESCAPED_PAIR, in either case here), which
//   hold no white space and so are the same once line breaks are spaces.
// Text without any, once rewritten, holds nothing ESCAPED_ANYWHERE finds
// and no pair: only its edges need looking at.
const NOT_PLAIN =
  /[\\`*_[\]<>#&~|@\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\uFEFF]|:\/\/|mailto:|xmpp:|www\.|w\.[-.\w]|[ps]:\//i;
