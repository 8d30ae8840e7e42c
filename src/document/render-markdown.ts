/**
 * mdast → the Markdown of an issue body.
 */
import type {
  Emphasis,
  InlineCode,
  Link,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Strong,
  Text,
} from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmTaskListItemToMarkdown } from "mdast-util-gfm-task-list-item";
import {
  defaultHandlers,
  toMarkdown,
  type Handle,
  type Info,
  type Options,
  type State,
} from "mdast-util-to-markdown";
import { breakMentions } from "./break-mentions.js";
import { readsAsAutolink } from "./reads-as-autolink.js";

const SOFT_BREAK = /[ \t]*(?:\r\n|\r|\n)[ \t]*/g;

const linkLiterals = gfmAutolinkLiteralFromMarkdown().transforms ?? [];

// GFM writes a task item's box in its first paragraph's handler, which ours
// replaces: a task item's paragraph is left to GFM's.
const taskParagraph = gfmTaskListItemToMarkdown().handlers?.paragraph as Handle;

const settings = {
  bullet: "-",
  emphasis: "_",
  strong: "*",
  fence: "`",
  fences: true,
  listItemIndent: "one",
  rule: "-",
  incrementListMarker: true,
} as const;

// mdast-util-to-markdown as remark-stringify with remark-gfm calls it, without
// loading unified and the GFM parser: rendering is all a GOSH document needs.
const extensions = [gfmToMarkdown()];
const rendering: Options = {
  ...settings,
  extensions,
  handlers: {
    text: textWithoutNeedlessEscaping,
    paragraph: simpleParagraph,
    link: checkedLink,
    listItem: listItemAsWritten,
  },
};

// With its own text and paragraph handlers, for comparing against in tests.
const plainRendering: Options = {
  ...settings,
  extensions,
  handlers: { link: checkedLink, listItem: listItemAsWritten },
};

/**
 * Renders nodes as GitHub-flavoured Markdown. Paragraphs are re-flowed onto
 * one line each: GitHub shows a line break in an issue body as a break, and a
 * document re-wrapped at another width must not change its issues. A GOSH
 * description list becomes a bold term followed by its body; a cross
 * reference becomes its text, since the heading it names is not in the issue.
 * @param nodes block nodes of a GOSH or Markdown tree
 * @param options `plainRemark`: escape text with remark's own handler (slower, same result)
 * @returns the Markdown, without a final newline
 */
export function renderMarkdown(
  nodes: readonly RootContent[],
  options: { plainRemark?: boolean } = {},
): string {
  const root = prepare(nodes);
  if (options.plainRemark) return toMarkdown(root, plainRendering).trimEnd();
  return (writeSimpleFlow(root.children) ?? toMarkdown(root, rendering)).trimEnd();
}

/**
 * What renderMarkdown gives for nodes it writes without remark (paragraphs,
 * code and flat lists, as most idea bodies are), else null: a caller with
 * many bodies sends only the others to remark, in one call.
 * @param nodes block nodes of a GOSH or Markdown tree
 */
export function renderSimpleMarkdown(nodes: readonly RootContent[]): string | null {
  const direct = writeDirectFlow(nodes);
  if (direct !== undefined) return direct.trimEnd();
  return writeSimpleFlow(prepare(nodes).children)?.trimEnd() ?? null;
}

// The nodes as an issue shows them: rewritten, and bare URLs linked.
function prepare(nodes: readonly RootContent[]): Root {
  mayLinkLiteral = false;
  linkDepth = 0;
  const root: Root = { type: "root", children: nodes.flatMap(toMarkdownNode) as Root["children"] };
  // GitHub links a bare URL or e-mail address in text. Making it a link here
  // renders it as GitHub shows it, and the same when read back. The
  // transform changes the tree in place, and unchanged nodes are the
  // document's own: it works on copies of the blocks it may change.
  if (mayLinkLiteral && mayHoldLinkLiteral(root)) {
    root.children = root.children.map((child) =>
      mayHoldLinkLiteral(child) ? structuredClone(child) : child,
    );
    for (const transform of linkLiterals) transform(root);
  }
  return root;
}

/**
 * Most idea bodies are paragraphs, code and flat lists of one-paragraph
 * items. For those, this writes what remark's flow writer would, without its
 * trackers and joins: blocks parted by a blank line, each item on a line of
 * its own after its bullet, code between fences longer than any backtick run
 * in it. Null when a block is anything else; remark writes that body.
 */
function writeSimpleFlow(blocks: readonly RootContent[]): string | null {
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

// Set while rewriting when some text outside links may hold a URL or an
// e-mail address, so that most bodies, which hold none, are not walked again
// to find out. Text inside a link is never linked (mayHoldLinkLiteral skips
// links), and most bodies hold a link whose text is its URL.
let mayLinkLiteral = false;
// How many links the rewrite is inside.
let linkDepth = 0;

// Rewritten nodes, or the node itself when it needs no change: most nodes
// need none, and copying them all made rendering slow.
type Rewritten = RootContent | RootContent[];

function toMarkdownNode(node: RootContent): Rewritten {
  switch (node.type) {
    case "descriptionList":
      return node.children.flatMap(
        (item) =>
          [
            {
              type: "paragraph",
              children: [
                { type: "strong", children: item.children[0].children.flatMap(toPhrasing) },
              ],
            },
            ...item.children[1].children.flatMap(toMarkdownNode),
          ] as RootContent[],
      );
    case "descriptionItem":
    case "descriptionTerm":
    case "descriptionDetails":
      return [];
    case "text": {
      if (!mayLinkLiteral && linkDepth === 0 && mayHoldLinkLiteral(node)) mayLinkLiteral = true;
      if (!NEEDS_CLEANING.test(node.value)) return node;
      // A byte order mark inside a document is an invisible stray character.
      // "@name" in an issue would notify that person on every sync: a zero
      // width space after "@" keeps the text and stops the mention.
      let value = clean(node.value.replace(SOFT_BREAK, " "));
      if (value.includes("\uFEFF")) value = value.replace(/\uFEFF/g, "");
      value = breakMentions(value);
      return value === node.value ? node : { type: "text", value };
    }
    case "inlineCode": {
      if (!CODE_NEEDS_CLEANING.test(node.value)) return node;
      const value = clean(node.value.replace(/\r\n|\r|\n/g, " "));
      return value === node.value ? node : { type: "inlineCode", value };
    }
    case "html": {
      // Raw HTML passes through to GitHub; other raw output (a GOSH raw
      // line meant for LaTeX, say) is shown as the text it is.
      const value = clean(node.value.replace(/\r\n?/g, "\n")).trim();
      if (value === "") return [];
      if (value.startsWith("<")) return value === node.value ? node : { type: "html", value };
      // As text, it is rewritten as any text is: a URL in it is linked as
      // GitHub links it, and a mention is stopped.
      return toMarkdownNode({
        type: "paragraph",
        children: [{ type: "text", value: value.replace(/\s*\n\s*/g, " ") }],
      });
    }
    case "code": {
      // Code keeps its lines, but not a CRLF document's carriage returns.
      const value = clean(node.value.replace(/\r\n?/g, "\n"));
      return value === node.value ? node : { ...node, value };
    }
    case "yaml":
      // Front matter is settings for a site generator, not text.
      return [];
    case "emphasis":
    case "strong":
    case "delete": {
      const children = rewriteChildren(node.children);
      return keepSpaceOutside(children === node.children ? node : { ...node, children });
    }
    case "link": {
      // A cross reference's text stays, outside any link.
      if (node.data?.goshCrossReference) return node.children.flatMap(toPhrasing);
      const children = rewriteLinkChildren(node.children);
      return children === node.children ? node : { ...node, children };
    }
    case "linkReference": {
      const children = rewriteLinkChildren(node.children);
      return children === node.children ? node : { ...node, children };
    }
    case "paragraph": {
      const children = rewriteChildren(node.children);
      const empty = children.every((child) => child.type === "text" && child.value.trim() === "");
      if (empty) return [];
      return children === node.children ? node : { ...node, children };
    }
    default:
      if ("children" in node) {
        const children = rewriteChildren(node.children as RootContent[]);
        return children === node.children ? node : ({ ...node, children } as RootContent);
      }
      return node;
  }
}

// A code block that the rewrite changes: carriage returns and NUL.
const CODE_BLOCK_NEEDS_CLEANING = /[\r\u0000]/;
// Code that the rewrite changes: line breaks and NUL.
const CODE_NEEDS_CLEANING = /[\r\n\u0000]/;
// Text that the rewrite changes: line breaks, NUL, byte order marks, mentions.
const NEEDS_CLEANING = /[\r\n\u0000\uFEFF@]/;

/** rewriteChildren inside a link. */
function rewriteLinkChildren<T extends RootContent>(children: readonly T[]): T[] {
  linkDepth += 1;
  try {
    return rewriteChildren(children);
  } finally {
    linkDepth -= 1;
  }
}

/** The rewritten children, or the same array when none changed. */
function rewriteChildren<T extends RootContent>(children: readonly T[]): T[] {
  let rewritten: T[] | null = null;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as T;
    const result = toMarkdownNode(child) as T | T[];
    if (rewritten === null) {
      if (result === child) continue;
      rewritten = children.slice(0, index);
    }
    if (Array.isArray(result)) for (const node of result) rewritten.push(node);
    else rewritten.push(result);
  }
  return rewritten ?? (children as T[]);
}

function toPhrasing(node: PhrasingContent): PhrasingContent | PhrasingContent[] {
  return toMarkdownNode(node) as PhrasingContent | PhrasingContent[];
}

const LEADING_SPACE = /^\s/;
const TRAILING_SPACE = /\s$/;

// "_by x _" is no emphasis in Markdown: a closing marker cannot follow a
// space. The space goes outside the emphasis instead.
function keepSpaceOutside(
  node: Extract<PhrasingContent, { type: "emphasis" | "strong" | "delete" }>,
): PhrasingContent | PhrasingContent[] {
  // Most spans have no space at their edges and no empty text: as they are.
  const firstChild = node.children[0];
  const lastChild = node.children[node.children.length - 1];
  if (
    !(firstChild?.type === "text" && LEADING_SPACE.test(firstChild.value)) &&
    !(lastChild?.type === "text" && TRAILING_SPACE.test(lastChild.value)) &&
    node.children.every((child) => child.type !== "text" || child.value !== "")
  )
    return node;
  const children = [...node.children];
  const before: PhrasingContent[] = [];
  const after: PhrasingContent[] = [];
  const first = children[0];
  if (first?.type === "text" && LEADING_SPACE.test(first.value)) {
    const value = first.value.trimStart();
    before.push({ type: "text", value: first.value.slice(0, first.value.length - value.length) });
    children[0] = { type: "text", value };
  }
  const last = children[children.length - 1];
  if (last?.type === "text" && TRAILING_SPACE.test(last.value)) {
    const value = last.value.trimEnd();
    after.push({ type: "text", value: last.value.slice(value.length) });
    children[children.length - 1] = { type: "text", value };
  }
  const kept = children.filter((child) => child.type !== "text" || child.value !== "");
  if (before.length === 0 && after.length === 0 && kept.length === children.length) return node;
  return kept.length === 0
    ? [...before, ...after]
    : [...before, { ...node, children: kept }, ...after];
}

// Markdown readers read NUL as U+FFFD; writing it so keeps a body the same
// when it is read back.
function clean(value: string): string {
  return value.includes("\u0000") ? value.replace(/\u0000/g, "\uFFFD") : value;
}

const WWW = /[wW]{3}\./;

// The link-literal transform walks the whole tree with several patterns; most
// bodies hold nothing it could link.
function mayHoldLinkLiteral(node: Nodes): boolean {
  if (node.type === "text") return textMayHoldLinkLiteral(node.value);
  if (node.type === "link" || node.type === "linkReference") return false;
  return "children" in node && (node.children as Nodes[]).some(mayHoldLinkLiteral);
}

function textMayHoldLinkLiteral(value: string): boolean {
  return (
    value.includes("@") ||
    (value.includes(":") && /:\/\/|mailto:|xmpp:/i.test(value)) ||
    ((value.includes("w.") || value.includes("W.")) && WWW.test(value))
  );
}

// Characters remark may escape in text wherever they are ...
const ESCAPED_ANYWHERE = /[\\`*_[\]<>#&~|@\u0000-\u001f\u007f]/;
// ... and the pairs it escapes for GFM autolink literals ("www.", "http:/"),
// links ("](") and images ("!["), which may take a character from around
// the text.
const ESCAPED_PAIR = /[Ww]\.[-.\w]|[ps]:\/|\]\(|!\[/;
// Characters remark escapes at the start of a line (list, heading, quote,
// table, setext and code markers, "1." and "1)"), and white space there.
const ESCAPED_AT_LINE_START = /^[\s\-+=#>*_~`<[|:\d.)!(]/;

/**
 * remark-stringify's text handler runs about 70 escaping patterns over every
 * text node, which is most of the time it takes. Every pattern needs its
 * character in the text, and at a line start or next to a line break a
 * newline in the context. Text with none of those characters, and no line
 * break next to its edges, is returned as it is, which is what remark's
 * handler would return; everything else goes through remark's handler.
 * (Tests render the corpus and random documents both ways and compare.)
 */
function textWithoutNeedlessEscaping(
  node: Text,
  parent: Parents | undefined,
  state: State,
  info: Info,
): string {
  const value = node.value;
  if (!needsEscaping(value, info.before ?? "", info.after ?? "")) return value;
  return state.safe(value, {
    ...info,
    afterNode: siblingOf(parent, state, 1),
    beforeNode: siblingOf(parent, state, -1),
  });
}

const LINE_END_BEFORE = /[\r\n][\t ]*$/;
const LINE_START_AFTER = /^[\r\n]/;

/** Whether remark might escape something in this text, between these neighbours. */
function needsEscaping(value: string, before: string, after: string): boolean {
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

/**
 * remark's link handler, but a link is written as `<url>` only when that
 * reads back as the same link; otherwise as `[text](url)`.
 */
function checkedLink(node: Link, parent: Parents | undefined, state: State, info: Info): string {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== "text" || node.title || readsAsAutolink(node.url, only.value))
    return defaultHandlers.link(node, parent, state, info);
  // remark decides between the two forms by this option alone.
  const resourceLink = state.options.resourceLink;
  state.options.resourceLink = true;
  try {
    return defaultHandlers.link(node, parent, state, info);
  } finally {
    state.options.resourceLink = resourceLink;
  }
}
checkedLink.peek = (node: Link): string => {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return only?.type === "text" && !node.title && readsAsAutolink(node.url, only.value) ? "<" : "[";
};

/**
 * remark's list item handler, but an item marked tight whose blocks remark
 * must part with a blank line (a paragraph after a nested list, two
 * paragraphs) is written loose. A blank line between an item's blocks makes
 * it loose when read back, and a loose item puts one between all of them:
 * written tight, the body would change when read back and written again.
 */
function listItemAsWritten(
  node: ListItem,
  parent: Parents | undefined,
  state: State,
  info: Info,
): string {
  const loose =
    !node.spread &&
    node.children.some((child, index) => {
      const next = node.children[index + 1];
      return next !== undefined && partedByBlankLine(child, next, node, state);
    });
  if (!loose) return defaultHandlers.listItem(node, parent, state, info);
  // Marked for the time of writing only: the node is the document's own, and
  // remark numbers an ordered item by finding this very node in its list.
  const spread = node.spread;
  node.spread = true;
  try {
    return defaultHandlers.listItem(node, parent, state, info);
  } finally {
    node.spread = spread;
  }
}

/** Whether remark writes a blank line between two blocks, as its container flow decides. */
function partedByBlankLine(left: Nodes, right: Nodes, parent: Parents, state: State): boolean {
  // Joins are asked last-added first, and the first that decides wins;
  // only 0 means no blank line (true, false and undecided all give one).
  for (let index = state.join.length - 1; index >= 0; index -= 1) {
    const result = state.join[index]?.(left as never, right as never, parent as never, state);
    if (result === true || result === false || typeof result === "number") return result !== 0;
  }
  return true;
}

function siblingOf(parent: Parents | undefined, state: State, offset: number): Nodes | undefined {
  const index = state.indexStack[state.indexStack.length - 1] ?? -1;
  return parent?.children[index + offset] as Nodes | undefined;
}

/**
 * Most paragraphs of an ideas document are words with a little emphasis,
 * code and links, set off by spaces. For those, remark's phrasing writer,
 * which weighs every possible emphasis marker against its neighbours, always
 * ends up writing the plain form (`_x_`, `**x**`, `` `x` ``, `[x](url)`,
 * `<url>`), at a high price in time and garbage. Such a paragraph is written
 * here; any other goes to remark's handler. (The same tests as for the text
 * handler compare both on the corpus and on random trees.)
 */
function simpleParagraph(
  node: Paragraph,
  parent: Parents | undefined,
  state: State,
  info: Info,
): string {
  if (parent?.type === "listItem" && typeof parent.checked === "boolean")
    return taskParagraph(node, parent, state, info);
  return (
    writeSimplePhrasing(node.children, info) ?? defaultHandlers.paragraph(node, parent, state, info)
  );
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

function writeSimplePhrasing(children: readonly PhrasingContent[], info: Info): string | null {
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
function writeDirectFlow(nodes: readonly RootContent[]): string | undefined {
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
  return value.includes("\n") || value.includes("\r") ? value.replace(SOFT_BREAK, " ") : value;
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
