/**
 * mdast → the Markdown of an issue body.
 */
import type {
  Link,
  ListItem,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
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
import {
  CODE_NEEDS_CLEANING,
  NEEDS_CLEANING,
  SOFT_BREAK,
  needsEscaping,
  writeSimpleFlow,
  writeSimplePhrasing,
} from "./write-direct-markdown.js";

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
 * What renderMarkdown gives for nodes it writes without remark's writer once
 * they are rewritten (paragraphs, code and flat lists with a mention or a
 * bare URL, say), else null: a caller with many bodies sends only the others
 * to remark, in one call. (Bodies writeDirectMarkdown writes are written
 * here too, the longer way: renderMarkdownEach does not send them.)
 * @param nodes block nodes of a GOSH or Markdown tree
 */
export function renderSimpleMarkdown(nodes: readonly RootContent[]): string | null {
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
