/**
 * GOSH inline markup: `_italic_`, `*bold*`, `'code'`, `[url - text]` links
 * and `[Heading]` cross references, within one line.
 */
import type { Link, PhrasingContent, Text } from "mdast";
import type { Point } from "unist";
import { slug } from "github-slugger";
import type { Diagnostics } from "../diagnostics.js";
import type { GoshLine } from "./split-gosh-lines.js";

/** What inline parsing needs to know about the rest of the document. */
export interface InlineContext {
  /** Titles of chapters, sections and subsections: the targets of `[Title]`. */
  references: ReadonlySet<string>;
  diagnostics: Diagnostics;
  /** The document position of `line.text[index]`. */
  point: (line: GoshLine, index: number) => Point;
}

// A marker opens a span after one of these (or at the start of the line) ...
const OPEN = charCodes(' "(');
// ... and closes it before one of these (or at the end of the line).
const CLOSE = charCodes(' ).",:!?');
const CLOSE_CODE = charCodes(' ).",:!?-');

// A table of ASCII character codes: 1 for each of `characters`.
function charCodes(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let index = 0; index < characters.length; index += 1)
    table[characters.charCodeAt(index)] = 1;
  return table;
}

// `[scheme:rest` up to the first space is a URL.
const URL_START = /^[\p{L}\p{N}_]+:[^ ]+/u;
// A second scheme inside a URL: two URLs pasted together.
const DOUBLED_URL = /.[\p{L}\p{N}_+.-]+:\/\//u;

// What any markup needs in a line: a marker, or "--" (a dash). Apart, a
// pattern of characters only and a search for the pair are faster than one
// pattern of both.
const MARKERS = /[_*'[]/;

type SpanKind = "emphasis" | "strong" | "inlineCode";

interface Span {
  kind: SpanKind;
  /** Index of the opening marker in the padded line. */
  open: number;
  /** Index of the closing marker in the padded line. */
  close: number;
}

interface Bracket {
  open: number;
  close: number;
  kind: "link" | "reference";
  url: string;
  title: string | null;
  /** Link text range in the padded line; empty when the URL is the text. */
  textStart: number;
  textEnd: number;
}

/**
 * Parses the inline markup of `line.text[from, to)`.
 *
 * Like gosh, the line is padded with a space on both sides, so that its start
 * and end count as boundaries; then italic, bold and code spans are matched
 * (leftmost opener first, shortest span, repeated until none is left), then
 * brackets. Where gosh would emit crossing tags, the span that starts later
 * stays literal text; URLs are always literal.
 * @param line the line (its text already stripped of indentation)
 * @param from index of the first character to parse
 * @param to index after the last character to parse
 * @returns phrasing nodes with positions; or, where the text holds no
 *   markup, its text as gosh shows it (dashes made typographic), which is
 *   one text node from `from` to `to` ("" none): a paragraph joins such
 *   text to its neighbours' without making the node
 */
export function parseGoshInline(
  line: GoshLine,
  from: number,
  to: number,
  context: InlineContext,
): PhrasingContent[] | string {
  const segment = line.text.slice(from, to);
  // Most lines hold no markup at all.
  if (!MARKERS.test(segment))
    return segment.includes("--") ? typographicDashesIn(segment) : segment;
  const s = " " + segment + " ";
  const spans: Span[] = [];
  matchSpans(s, "_", CLOSE, "emphasis", spans);
  matchSpans(s, "*", CLOSE, "strong", spans);
  matchSpans(s, "'", CLOSE_CODE, "inlineCode", spans);
  dropCrossingSpans(spans);
  const brackets = findBrackets(s, spans, line, from, context);
  // Many lines hold a marker that marks nothing ("Genode's").
  if (spans.length === 0 && brackets.length === 0) return typographicDashesIn(segment);
  const kept = keepSpansOutsideUrls(spans, brackets);
  return buildPhrasing(s, kept, brackets, line, from, context);
}

// The padded index `k` is `line.text[from + k - 1]`.
function pointAt(line: GoshLine, from: number, k: number, context: InlineContext): Point {
  return context.point(line, from + k - 1);
}

/**
 * Finds the spans gosh's loop `while {regexp RE $s} {regsub RE $s … s}` finds
 * for one marker, in linear time. A marker at `p` opens a span when the
 * character before it is in OPEN; a marker at `q` closes it when the
 * character after it is in `close` and q ≥ p + 2. No class contains a marker,
 * so replacing markers never changes which positions qualify, and the loop's
 * rescans reduce to taking openers left to right, each with the first unused
 * closer.
 */
function matchSpans(
  s: string,
  marker: string,
  close: Uint8Array,
  kind: SpanKind,
  spans: Span[],
): void {
  let i = s.indexOf(marker);
  if (i === -1) return;
  const { openers, closers, takenOpeners, takenClosers } = scratch;
  let openerCount = 0;
  let closerCount = 0;
  for (; i !== -1; i = s.indexOf(marker, i + 1)) {
    // Out of range, charCodeAt gives NaN, which is no entry.
    if (OPEN[s.charCodeAt(i - 1)] === 1) openers[openerCount++] = i;
    if (close[s.charCodeAt(i + 1)] === 1) closers[closerCount++] = i;
  }
  // Taken openers and closers both grow left to right, as do the positions
  // asked about, so "was it taken by the other side?" needs no set: a
  // cursor into each list of taken positions.
  let taken = 0;
  let tc = 0;
  let to = 0;
  let c = 0;
  for (let o = 0; o < openerCount; o += 1) {
    const p = openers[o] as number;
    while (tc < taken && (takenClosers[tc] as number) < p) tc += 1;
    if (tc < taken && takenClosers[tc] === p) continue;
    for (; c < closerCount; c += 1) {
      const q = closers[c] as number;
      if (q < p + 2) continue;
      while (to < taken && (takenOpeners[to] as number) < q) to += 1;
      if (!(to < taken && takenOpeners[to] === q)) break;
    }
    // The first unused opener without a closer means no later one has one.
    if (c >= closerCount) break;
    const q = closers[c] as number;
    takenOpeners[taken] = p;
    takenClosers[taken] = q;
    taken += 1;
    spans.push({ kind, open: p, close: q });
    c += 1;
  }
}

// Work lists of matchSpans, reused from line to line (only ever grown): a
// document has hundreds of thousands of lines, and matching never re-enters
// itself. Each holds as many entries as the call in hand counted.
const scratch = {
  openers: [] as number[],
  closers: [] as number[],
  takenOpeners: [] as number[],
  takenClosers: [] as number[],
};

// Spans must nest. A span that crosses one that started earlier, or that
// lies inside code (whose text is literal), stays literal.
function dropCrossingSpans(spans: Span[]): void {
  if (spans.length < 2) return;
  sortByStart(spans, (span) => span.open);
  const stack: Span[] = [];
  let codeDepth = 0;
  let kept = 0;
  for (const span of spans) {
    while (stack.length > 0 && (stack[stack.length - 1] as Span).close < span.open) {
      if ((stack.pop() as Span).kind === "inlineCode") codeDepth -= 1;
    }
    const top = stack[stack.length - 1];
    if (codeDepth > 0 || (top && span.close > top.close)) continue;
    stack.push(span);
    if (span.kind === "inlineCode") codeDepth += 1;
    spans[kept++] = span;
  }
  spans.length = kept;
}

// A stable sort in place. Most lines have a few spans, for which an
// insertion sort is fastest (Array.prototype.sort allocates a work area on
// every call); a line with thousands would take quadratic time with it.
const INSERTION_SORT_MAX = 32;

function sortByStart<T>(items: T[], start: (item: T) => number): void {
  if (items.length > INSERTION_SORT_MAX) {
    items.sort((a, b) => start(a) - start(b));
    return;
  }
  for (let i = 1; i < items.length; i += 1) {
    const item = items[i] as T;
    const key = start(item);
    let j = i - 1;
    while (j >= 0 && start(items[j] as T) > key) {
      items[j + 1] = items[j] as T;
      j -= 1;
    }
    items[j + 1] = item;
  }
}

/**
 * Finds `[...]` brackets outside code, leftmost first, without nesting (a
 * bracket closes at the first `]`). A bracket is a cross reference when its
 * text is a heading title, a link when it starts with `scheme:`; anything
 * else stays text, with a warning.
 */
function findBrackets(
  s: string,
  spans: readonly Span[],
  line: GoshLine,
  from: number,
  context: InlineContext,
): Bracket[] {
  const brackets: Bracket[] = [];
  if (!s.includes("[")) return brackets;
  // Positions are asked about left to right, and code spans do not overlap:
  // a cursor moves past the code spans that end before the position asked.
  let code = 0;
  const inCode = (position: number): boolean => {
    while (code < spans.length) {
      const span = spans[code] as Span;
      if (span.kind === "inlineCode" && span.close >= position) return span.open <= position;
      code += 1;
    }
    return false;
  };
  let i = 0;
  while ((i = s.indexOf("[", i)) !== -1) {
    if (inCode(i)) {
      i += 1;
      continue;
    }
    let j = s.indexOf("]", i + 1);
    while (j !== -1 && inCode(j)) j = s.indexOf("]", j + 1);
    if (j === -1) break;
    if (j === i + 1) {
      i = j;
      continue;
    }
    const bracket = readBracket(s, i, j, line, from, context);
    if (bracket) brackets.push(bracket);
    i = j + 1;
  }
  return brackets;
}

function readBracket(
  s: string,
  open: number,
  close: number,
  line: GoshLine,
  from: number,
  context: InlineContext,
): Bracket | null {
  const content = s.slice(open + 1, close);
  // Where to report a problem: made only for a report.
  const where = (): Point => pointAt(line, from, open, context);
  if (context.references.has(content)) {
    return {
      open,
      close,
      kind: "reference",
      url: "#" + slug(content),
      title: null,
      textStart: open + 1,
      textEnd: close,
    };
  }
  const url = URL_START.exec(content)?.[0];
  if (!url) {
    const at = where();
    context.diagnostics.add(
      at.line,
      at.column,
      "warning",
      "unresolved-reference",
      `"[${content}]" is neither a link ([scheme:… - text]) nor the title of a heading: kept as text`,
    );
    return null;
  }
  const afterScheme = url.slice(url.indexOf(":") + 3);
  // The pattern is slow to fail, and a second URL needs its "://".
  if (afterScheme.includes("://") && DOUBLED_URL.test(afterScheme)) {
    const at = where();
    context.diagnostics.add(
      at.line,
      at.column + 1,
      "warning",
      "doubled-url",
      `this link's URL holds a second URL: "${url}" (two URLs pasted together?)`,
    );
  }
  const rest = content.slice(url.length);
  let textStart = 0;
  let textEnd = 0;
  let title: string | null = null;
  if (rest.startsWith(" - ")) {
    // [url - text (tooltip)]: the text runs up to the first "(".
    const start = open + 1 + url.length + 3;
    const paren = s.indexOf("(", start);
    let end = paren === -1 || paren > close ? close : paren;
    if (end < close) {
      const tip = /\((.*)\)/s.exec(s.slice(end, close));
      title = tip?.[1] ?? null;
    }
    while (end > start && s[end - 1] === " ") end -= 1;
    if (end > start) [textStart, textEnd] = [start, end];
  } else if (rest.trim() !== "") {
    const at = where();
    context.diagnostics.add(
      at.line,
      at.column,
      "warning",
      "link-text",
      `the text after this link's URL is not its link text (write "[url - text]"): "${rest.trim()}" is dropped, as gosh does`,
    );
  }
  return { open, close, kind: "link", url, title, textStart, textEnd };
}

// A span may lie outside brackets (enclosing whole brackets) or inside one
// link's text; a span touching a URL, a tooltip or a cross reference, or
// crossing a bracket's edge, stays literal.
function keepSpansOutsideUrls(spans: Span[], brackets: readonly Bracket[]): Span[] {
  if (brackets.length === 0 || spans.length === 0) return spans;
  return spans.filter((span) => {
    const z = zoneOf(span.open, brackets);
    return z === zoneOf(span.close, brackets) && (z === -1 || z % 2 === 0);
  });
}

// Where a position lies: -1 outside every bracket, 2i in bracket i's link
// text, 2i + 1 elsewhere in bracket i. Brackets do not nest or overlap.
function zoneOf(position: number, brackets: readonly Bracket[]): number {
  for (let index = 0; index < brackets.length; index += 1) {
    const b = brackets[index] as Bracket;
    if (position < b.open || position > b.close) continue;
    const inText = b.kind === "link" && position >= b.textStart && position < b.textEnd;
    return inText ? 2 * index : 2 * index + 1;
  }
  return -1;
}

type Token =
  | { at: number; type: "open"; node: PhrasingParent; end: number }
  | { at: number; type: "close"; end: number }
  | { at: number; type: "atom"; node: PhrasingContent; end: number };

type PhrasingParent = Extract<PhrasingContent, { children: unknown }>;

function buildPhrasing(
  s: string,
  spans: readonly Span[],
  brackets: readonly Bracket[],
  line: GoshLine,
  from: number,
  context: InlineContext,
): PhrasingContent[] {
  if (brackets.length === 0 && apart(spans))
    return buildFlatPhrasing(s, spans, line, from, context);
  const tokens: Token[] = [];
  for (const span of spans) {
    const position = {
      start: pointAt(line, from, span.open, context),
      end: pointAt(line, from, span.close + 1, context),
    };
    if (span.kind === "inlineCode") {
      const value = s.slice(span.open + 1, span.close);
      const node: PhrasingContent = { type: "inlineCode", value, position };
      tokens.push({ at: span.open, type: "atom", node, end: span.close + 1 });
    } else {
      const node = { type: span.kind, children: [], position } as PhrasingParent;
      tokens.push({ at: span.open, type: "open", node, end: span.open + 1 });
      tokens.push({ at: span.close, type: "close", end: span.close + 1 });
    }
  }
  for (const b of brackets) {
    const position = {
      start: pointAt(line, from, b.open, context),
      end: pointAt(line, from, b.close + 1, context),
    };
    const link: Link = { type: "link", url: b.url, title: b.title, children: [], position };
    if (b.kind === "reference") {
      link.data = { goshCrossReference: true };
      const text = s.slice(b.open + 1, b.close);
      link.children.push(textAt(text, line, from, b.open + 1, b.close, context));
      tokens.push({ at: b.open, type: "atom", node: link, end: b.close + 1 });
    } else if (b.textEnd > b.textStart) {
      // "[url - " before the text and " (tooltip)]" after it are the link's
      // own: the link opens before its text and closes after the bracket.
      tokens.push({ at: b.open, type: "open", node: link, end: b.textStart });
      tokens.push({ at: b.textEnd, type: "close", end: b.close + 1 });
    } else {
      const end = b.open + 1 + b.url.length;
      link.children.push(textAt(b.url, line, from, b.open + 1, end, context));
      tokens.push({ at: b.open, type: "atom", node: link, end: b.close + 1 });
    }
  }
  sortByStart(tokens, (token) => token.at);

  const root: PhrasingContent[] = [];
  const stack: PhrasingContent[][] = [root];
  let children = root;
  // Text runs from each token's end to the next token.
  let k = 1;
  const last = s.length - 1;
  for (const token of tokens) {
    if (token.at > k) children.push(textAt(s.slice(k, token.at), line, from, k, token.at, context));
    if (token.type === "open") {
      children.push(token.node);
      stack.push((children = token.node.children as PhrasingContent[]));
    } else if (token.type === "close") {
      stack.pop();
      children = stack[stack.length - 1] as PhrasingContent[];
    } else {
      children.push(token.node);
    }
    k = token.end;
  }
  if (last > k) children.push(textAt(s.slice(k, last), line, from, k, last, context));
  return typographicDashes(root);
}

// Whether no span holds another (spans are in order, and nest or lie apart).
function apart(spans: readonly Span[]): boolean {
  for (let index = 1; index < spans.length; index += 1)
    if ((spans[index] as Span).open < (spans[index - 1] as Span).close) return false;
  return true;
}

/**
 * buildPhrasing for a line without brackets whose spans lie side by side,
 * as most lines with markup are: text and spans in turn, each span around
 * its text, without sorting tokens into a tree.
 */
function buildFlatPhrasing(
  s: string,
  spans: readonly Span[],
  line: GoshLine,
  from: number,
  context: InlineContext,
): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let k = 1;
  for (const span of spans) {
    if (span.open > k) nodes.push(dashedTextAt(s, line, from, k, span.open, context));
    const position = {
      start: pointAt(line, from, span.open, context),
      end: pointAt(line, from, span.close + 1, context),
    };
    if (span.kind === "inlineCode") {
      nodes.push({ type: "inlineCode", value: s.slice(span.open + 1, span.close), position });
    } else {
      const text = dashedTextAt(s, line, from, span.open + 1, span.close, context);
      nodes.push({ type: span.kind, children: [text], position });
    }
    k = span.close + 1;
  }
  const last = s.length - 1;
  if (last > k) nodes.push(dashedTextAt(s, line, from, k, last, context));
  return nodes;
}

// The text node for the padded line's [k, end), its dashes typographic.
function dashedTextAt(
  s: string,
  line: GoshLine,
  from: number,
  k: number,
  end: number,
  context: InlineContext,
): Text {
  return textAt(typographicDashesIn(s.slice(k, end)), line, from, k, end, context);
}

// A text node for the padded line's [k, end).
function textAt(
  value: string,
  line: GoshLine,
  from: number,
  k: number,
  end: number,
  context: InlineContext,
): Text {
  return textNode(value, pointAt(line, from, k, context), pointAt(line, from, end, context));
}

function textNode(value: string, start: Point, end: Point): Text {
  return { type: "text", value, position: { start, end } };
}

// gosh turns "---" into an em dash and "--" into an en dash, outside code
// and URLs.
function typographicDashes(nodes: PhrasingContent[]): PhrasingContent[] {
  for (const node of nodes) {
    if (node.type === "text") {
      node.value = typographicDashesIn(node.value);
    } else if ("children" in node && node.type !== "link") {
      typographicDashes(node.children as PhrasingContent[]);
    } else if (node.type === "link" && !node.data?.goshCrossReference && !showsItsUrl(node)) {
      typographicDashes(node.children);
    }
  }
  return nodes;
}

function typographicDashesIn(text: string): string {
  return text.includes("--") ? text.replace(/---/g, "\u2014").replace(/--/g, "\u2013") : text;
}

// A link whose text is its URL shows the URL exactly.
function showsItsUrl(link: Link): boolean {
  const only = link.children[0];
  return link.children.length === 1 && only?.type === "text" && only.value === link.url;
}
