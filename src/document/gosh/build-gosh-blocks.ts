/**
 * Turns GOSH blocks into mdast nodes, container by container.
 */
import { appendAll } from "../append-all.js";
import type {
  BlockContent,
  Code,
  Heading,
  Html,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
} from "mdast";
import type { Point, Position } from "unist";
import type { Diagnostics } from "../diagnostics.js";
import type { DescriptionDetails, DescriptionItem, DescriptionList } from "../types.js";
import type { Context } from "./gosh-styles.js";
import { parseGoshInline, type InlineContext } from "./parse-gosh-inline.js";
import { plainText } from "../plain-text.js";
import { endOfText } from "./spaces.js";
import type { GoshLine } from "./split-gosh-lines.js";
import { splitStyles, type Block } from "./split-styles.js";

/** What building needs across containers. */
export interface BuildState {
  diagnostics: Diagnostics;
  inline: InlineContext;
  /** Key pins by the line number of their comment. */
  pins: ReadonlyMap<number, { key: string; column: number }>;
  /** Comment lines whose pin found its entry. */
  usedPins: Set<number>;
  /** The document title, once the head is read. */
  title: string | null;
  /** True once anything but blank lines was read: a later indented run is no head. */
  pastHead: boolean;
  /** Current nesting of item bodies. */
  depth: number;
  /**
   * When set, the document's top-level nodes go to it in runs, each handed
   * over once nothing read later can change it, instead of being returned.
   */
  emit?: ((nodes: RootContent[]) => void) | undefined;
}

// Deeper item nesting is read as plain text: it keeps recursion bounded
// whatever the input.
const MAX_DEPTH = 40;

const HEADING_DEPTH = { chapter: 1, section: 2, subsection: 3, paragraph: 4 } as const;
const UNDERLINE_DEPTH: Record<string, 1 | 2 | 3 | 4> = { "#": 1, "=": 2, "~": 3, "-": 4 };
const HEADING_CONTAINERS = new Set<Context>([
  "documentmain",
  "chapter",
  "section",
  "subsection",
  "paragraph",
]);

type Content = RootContent;
type BodyContent = BlockContent | DescriptionList;

/**
 * Builds the nodes of one container. Headings are flattened into the list,
 * as in mdast: a chapter is its heading followed by its content.
 * @param context the container
 * @param lines its lines, indentation stripped
 * @param state shared state
 */
export function buildGoshBlocks(
  context: Context,
  lines: readonly GoshLine[],
  state: BuildState,
): Content[] {
  let out: Content[] = [];
  const blocks = splitStyles(context, lines);
  const headingContainer = HEADING_CONTAINERS.has(context);
  const emit = context === "documentmain" ? state.emit : undefined;
  // The last idea of a description list at this level: text that follows it
  // unindented is read as the rest of its body.
  let lastItem: DescriptionItem | null = null;
  for (let b = 0; b < blocks.length; b += 1) {
    const block = blocks[b] as Block;
    const first = block.lines[0] as GoshLine;
    // Text after a node may still join it (see attach and recoverLines),
    // but nothing reaches back across a heading: what came before one is
    // complete. Chapters, one block each here, come in runs of their own.
    if (emit && (block.style === "abstract" || block.style in HEADING_DEPTH) && out.length > 0) {
      emit(out);
      out = [];
    }
    if (block.style === "empty") continue;
    if (block.style === "header" && context === "documentmain" && !state.pastHead) {
      state.title = readHead(block.lines);
      state.pastHead = true;
      continue;
    }
    state.pastHead = true;
    switch (block.style) {
      case "abstract":
      case "chapter":
      case "section":
      case "subsection":
      case "paragraph": {
        const depth = block.style === "abstract" ? 1 : HEADING_DEPTH[block.style];
        const heading = buildHeading(block.lines, depth, state);
        if (block.style === "abstract") {
          heading.data = { goshAbstract: true };
          if (first.text.slice(0, endOfText(first.text)) !== "Abstract") {
            report(
              state,
              first,
              0,
              "warning",
              "abstract-title",
              `gosh reads any chapter whose title starts with "Abstract" as the abstract, which holds no ideas: "${first.text.slice(0, endOfText(first.text))}"`,
            );
          }
        }
        out.push(heading);
        const inner = block.style === "abstract" ? "abstract" : block.style;
        appendAll(out, buildGoshBlocks(inner, block.lines.slice(2), state));
        lastItem = null;
        break;
      }
      case "description": {
        const list = buildDescriptionList(block.lines, state);
        out.push(list);
        lastItem = list.children[list.children.length - 1] ?? null;
        break;
      }
      case "annotation":
        // Annotations are side remarks for print; gosh's HTML drops them.
        break;
      case "header":
      case "undefined": {
        const target = headingContainer && lastItem ? lastItem.children[1].children : out;
        // An indented run at the top level is a second head to gosh, which
        // ignores it silently; elsewhere gosh stops at it.
        recoverLines(
          block.lines,
          target as Content[],
          state,
          block.style === "header" ? "warning" : "error",
        );
        break;
      }
      case "plain": {
        const underline = headingContainer ? misplacedUnderline(block, blocks[b + 1]) : null;
        if (underline) {
          const depth = UNDERLINE_DEPTH[underline.text[0] as string] as 1 | 2 | 3 | 4;
          report(
            state,
            underline,
            0,
            "warning",
            "misplaced-heading",
            `gosh does not take this underline as a heading here (a ${"=~".includes(underline.text[0] as string) ? "section or subsection needs the level above around it" : "chapter cannot be nested"}): read as a heading of level ${depth}`,
          );
          out.push(buildHeading([first, underline], depth, state));
          lastItem = null;
          b += 1;
          break;
        }
        attach(
          buildParagraph(block.lines, state),
          first,
          headingContainer ? lastItem : null,
          out,
          state,
        );
        break;
      }
      default: {
        const node = buildBodyBlock(block, state);
        if (node) attach(node, first, headingContainer ? lastItem : null, out, state);
      }
    }
  }
  if (emit && out.length > 0) {
    emit(out);
    return [];
  }
  return out;
}

// A block that follows an idea at the idea's own level, without indentation,
// is most likely its body that lost its indentation.
function attach(
  node: BodyContent,
  first: GoshLine,
  lastItem: DescriptionItem | null,
  out: Content[],
  state: BuildState,
): void {
  if (!lastItem) {
    out.push(node);
    return;
  }
  report(
    state,
    first,
    0,
    "warning",
    "unindented-body",
    `this text follows the entry "${plainText(lastItem.children[0])}" without being indented by two spaces: read as part of its body`,
  );
  const details = lastItem.children[1];
  details.children.push(node);
  extendTo(details, node);
  extendTo(lastItem, node);
}

/** Builds the nodes of an item or description body. */
function buildBody(lines: readonly GoshLine[], state: BuildState): BodyContent[] {
  if (state.depth >= MAX_DEPTH) {
    const text = lines.filter((line) => !isBlank(line));
    if (text.length === 0) return [];
    report(
      state,
      text[0] as GoshLine,
      0,
      "warning",
      "too-deep",
      `lists nested more than ${MAX_DEPTH} levels deep: the rest is read as plain text`,
    );
    return [buildParagraph(text.map(dedent), state)];
  }
  state.depth += 1;
  const nodes = buildGoshBlocks("body", lines, state) as BodyContent[];
  state.depth -= 1;
  return nodes;
}

function buildBodyBlock(block: Block, state: BuildState): BodyContent | null {
  switch (block.style) {
    case "itemize":
    case "enumeration":
      return buildList(block, state);
    case "verbatim":
      return buildVerbatim(block.lines, state);
    case "raw":
      return buildRaw(block.lines, state);
    case "description":
      return buildDescriptionList(block.lines, state);
    case "plain":
      return buildParagraph(block.lines, state);
    default:
      return null;
  }
}

//     Title of the document
//     =====================
function readHead(lines: readonly GoshLine[]): string | null {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    const text = line.text.replace(/={2,}/g, "").trim();
    if (text !== "") {
      current.push(text);
    } else if (current.length > 0) {
      blocks.push(current.join(" "));
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current.join(" "));
  return blocks[0] ?? null;
}

// Chapter title
// #############
function buildHeading(
  lines: readonly GoshLine[],
  depth: 1 | 2 | 3 | 4,
  state: BuildState,
): Heading {
  const title = lines[0] as GoshLine;
  const underline = lines[1] ?? title;
  return {
    type: "heading",
    depth,
    children: inlineNodes(title, 0, endOfText(title.text), state.inline),
    position: {
      start: state.inline.point(title, 0),
      end: state.inline.point(underline, endOfText(underline.text)),
    },
  };
}

// Title
// ===   <- a one-line paragraph followed directly by an underline
function misplacedUnderline(block: Block, next: Block | undefined): GoshLine | null {
  if (block.lines.length !== 1 || next?.style !== "plain" || next.lines.length !== 1) return null;
  const line = next.lines[0] as GoshLine;
  if (line.no !== (block.lines[0] as GoshLine).no + 1) return null;
  return /^(#{3}|={3}|~{3}|-{3})/.test(line.text) ? line : null;
}

// A paragraph: gosh renders each line on its own, so markup never spans lines.
// Text runs on across lines ("\n" between them) until markup interrupts it,
// and becomes one node: what merging each line's text nodes would give,
// without making them first. Its end is made a point only once known.
function buildParagraph(lines: readonly GoshLine[], state: BuildState): Paragraph {
  const children: PhrasingContent[] = [];
  const point = state.inline.point;
  // The text's pieces, joined once: a string built up piece by piece is a
  // chain that the renderer's first look at it must copy flat, which took
  // longer than joining.
  const pieces: string[] = [];
  let start: Point | null = null;
  // The text's end: a point, or where it is on a line.
  let end: Point | null = null;
  let endLine: GoshLine | null = null;
  let endIndex = 0;
  const flush = (): void => {
    if (start === null) return;
    const to = endLine === null ? (end as Point) : point(endLine, endIndex);
    const value = pieces.length === 1 ? (pieces[0] as string) : pieces.join("");
    children.push({ type: "text", value, position: { start, end: to } });
    pieces.length = 0;
    start = null;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as GoshLine;
    const lineEnd = endOfText(line.text);
    if (index > 0) {
      const previous = lines[index - 1] as GoshLine;
      start ??= point(previous, endOfText(previous.text));
      pieces.push("\n");
      endLine = line;
      endIndex = 0;
    }
    const nodes = parseGoshInline(line, 0, lineEnd, state.inline);
    if (typeof nodes === "string") {
      if (nodes === "") continue;
      start ??= point(line, 0);
      pieces.push(nodes);
      endLine = line;
      endIndex = lineEnd;
      continue;
    }
    for (const node of nodes) {
      if (node.type === "text") {
        start ??= (node.position as Position).start;
        pieces.push(node.value);
        end = (node.position as Position).end;
        endLine = null;
        continue;
      }
      flush();
      children.push(node);
    }
  }
  flush();
  return { type: "paragraph", children, position: span(lines, state) };
}

// parseGoshInline's nodes, its text as a node of its own.
function inlineNodes(
  line: GoshLine,
  from: number,
  to: number,
  inline: BuildState["inline"],
): PhrasingContent[] {
  const nodes = parseGoshInline(line, from, to, inline);
  if (typeof nodes !== "string") return nodes;
  if (nodes === "") return [];
  return [
    {
      type: "text",
      value: nodes,
      position: { start: inline.point(line, from), end: inline.point(line, to) },
    },
  ];
}

// * item            # numbered item
//   continued         continued
function buildList(block: Block, state: BuildState): List {
  const ordered = block.style === "enumeration";
  const list: List = {
    type: "list",
    ordered,
    spread: false,
    children: [],
    position: span(block.lines, state),
  };
  if (ordered) list.start = 1;
  for (const itemBlock of splitStyles(ordered ? "enumeration" : "itemize", block.lines)) {
    if (itemBlock.style === "item" || itemBlock.style === "enum") {
      const item: ListItem = {
        type: "listItem",
        spread: false,
        children: buildBody(bodyLines(itemBlock.lines, 2), state) as ListItem["children"],
        position: span(itemBlock.lines, state),
      };
      list.children.push(item);
    } else if (itemBlock.style !== "empty") {
      const last = list.children[list.children.length - 1];
      recoverLines(itemBlock.lines, (last?.children ?? []) as Content[], state);
    }
  }
  return list;
}

// :Term:
//
//   body
function buildDescriptionList(lines: readonly GoshLine[], state: BuildState): DescriptionList {
  const list: DescriptionList = {
    type: "descriptionList",
    children: [],
    position: span(lines, state),
  };
  for (const itemBlock of splitStyles("description", lines)) {
    if (itemBlock.style === "descitem") {
      list.children.push(buildDescriptionItem(itemBlock.lines, state));
    } else if (itemBlock.style !== "empty") {
      const last = list.children[list.children.length - 1];
      recoverLines(itemBlock.lines, (last?.children[1].children ?? []) as Content[], state);
    }
  }
  return list;
}

function buildDescriptionItem(lines: readonly GoshLine[], state: BuildState): DescriptionItem {
  const first = lines[0] as GoshLine;
  const text = first.text;
  const trimmed = text.slice(0, endOfText(text));
  // gosh's HTML back end takes the term up to the last colon of the line, its
  // LaTeX back end up to the first. A line that ends in a colon is a term on
  // its own, colons and all; otherwise the body starts after the first colon.
  let termEnd: number;
  let bodyStart: number;
  if (trimmed.endsWith(":") && trimmed.length >= 3) {
    termEnd = trimmed.length - 1;
    bodyStart = trimmed.length;
    if (text.slice(1, termEnd).includes(":")) {
      report(
        state,
        first,
        1,
        "info",
        "term-colon",
        "this title holds a colon: read as one title, as gosh's HTML back end does (its LaTeX back end would end the title at the first colon)",
      );
    }
  } else {
    termEnd = text.indexOf(":", 1);
    bodyStart = termEnd + 1;
    while (text[bodyStart] === " ") bodyStart += 1;
  }
  let termTextEnd = termEnd;
  while (termTextEnd > 1 && text[termTextEnd - 1] === " ") termTextEnd -= 1;
  const body: GoshLine[] = [];
  if (bodyStart < trimmed.length) {
    body.push({
      no: first.no,
      text: text.slice(bodyStart),
      col: first.col + bodyStart,
      shift: first.shift,
    });
  }
  appendAll(body, bodyLines(lines.slice(1), 0));
  const details: DescriptionDetails = {
    type: "descriptionDetails",
    children: buildBody(body, state),
  };
  const termEndPoint = state.inline.point(first, termEnd + 1);
  details.position = body.some((line) => !isBlank(line))
    ? span(body, state)
    : { start: termEndPoint, end: termEndPoint };
  const item: DescriptionItem = {
    type: "descriptionItem",
    children: [
      {
        type: "descriptionTerm",
        children: inlineNodes(first, 1, termTextEnd, state.inline),
        position: {
          start: state.inline.point(first, 1),
          end: state.inline.point(first, termTextEnd),
        },
      },
      details,
    ],
    position: span(lines, state),
  };
  const pin = state.pins.get(first.no - 1);
  if (pin) {
    item.pinnedKey = pin.key;
    state.usedPins.add(first.no - 1);
  }
  return item;
}

// ! verbatim line
function buildVerbatim(lines: readonly GoshLine[], state: BuildState): Code {
  let texts = lines.map((line) => line.text.slice(1).replace(/\t/g, "  "));
  // "! code" is the convention: the space after "!" is not part of the code.
  if (texts.every((text) => text === "" || text.startsWith(" ")))
    texts = texts.map((text) => text.slice(1));
  return {
    type: "code",
    lang: null,
    meta: null,
    value: texts.join("\n"),
    position: span(lines, state),
  };
}

// : raw output, passed through
function buildRaw(lines: readonly GoshLine[], state: BuildState): Html {
  return {
    type: "html",
    value: lines.map((line) => line.text.replace(/^: ?/, "")).join("\n"),
    position: span(lines, state),
  };
}

/**
 * Lines gosh cannot place ("cannot figure out what you mean"): indented more
 * than their container expects, or an indented `;` comment. gosh stops there;
 * we report an error and read them as the text they most likely are.
 */
function recoverLines(
  lines: readonly GoshLine[],
  target: Content[],
  state: BuildState,
  severity: "error" | "warning" = "error",
): void {
  let previousNo = -1;
  for (const line of lines) {
    if (isBlank(line)) {
      previousNo = -1;
      continue;
    }
    const text = dedent(line);
    if (text.text.startsWith(";")) {
      report(
        state,
        text,
        0,
        "error",
        "indented-comment",
        'an indented comment: gosh only takes ";" in the first column as a comment, and stops here; ignored',
      );
      continue;
    }
    if (previousNo !== line.no - 1) {
      const why =
        severity === "error"
          ? 'gosh cannot place this line (it stops with "cannot figure out what you mean")'
          : "gosh ignores this indented line";
      report(
        state,
        text,
        0,
        severity,
        "bad-indent",
        `${why}: is it indented by more, or less, than two spaces? Read as text`,
      );
    }
    previousNo = line.no;
    const last = target[target.length - 1];
    if (last?.type === "paragraph" && last.position && last.position.end.line >= line.no - 1) {
      const end = last.position.end;
      last.children.push({
        type: "text",
        value: "\n",
        position: { start: end, end: state.inline.point(text, 0) },
      });
      appendAll(last.children, inlineNodes(text, 0, endOfText(text.text), state.inline));
      last.children = mergeTexts(last.children);
      last.position = {
        start: last.position.start,
        end: state.inline.point(text, endOfText(text.text)),
      };
    } else {
      target.push(buildParagraph([text], state));
    }
  }
}

function dedent(line: GoshLine): GoshLine {
  const lead = leadingSpaces(line.text);
  return { no: line.no, text: line.text.slice(lead), col: line.col + lead, shift: line.shift };
}

// Item and description bodies lose exactly two leading spaces; the first
// line of an item also loses its "* " or "# ".
function bodyLines(lines: readonly GoshLine[], firstPrefix: number): GoshLine[] {
  return lines.map((line, index) => {
    const cut = index === 0 && firstPrefix > 0 ? firstPrefix : line.text.startsWith("  ") ? 2 : 0;
    return cut === 0
      ? line
      : { no: line.no, text: line.text.slice(cut), col: line.col + cut, shift: line.shift };
  });
}

// From the first line's start to the end of the last non-blank line.
function span(lines: readonly GoshLine[], state: BuildState): Position {
  const first = lines[0];
  if (!first)
    return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  // Looked for from each end: most blocks have no blank line at either.
  let firstIndex = 0;
  while (firstIndex < lines.length && isBlank(lines[firstIndex] as GoshLine)) firstIndex += 1;
  let lastIndex = lines.length - 1;
  while (lastIndex > firstIndex && isBlank(lines[lastIndex] as GoshLine)) lastIndex -= 1;
  const firstText = (lines[firstIndex] ?? first) as GoshLine;
  const last = firstIndex < lines.length ? (lines[lastIndex] as GoshLine) : first;
  return {
    start: state.inline.point(firstText, leadingSpaces(firstText.text)),
    end: state.inline.point(last, endOfText(last.text)),
  };
}

function leadingSpaces(text: string): number {
  let lead = 0;
  while (text.charCodeAt(lead) === 32) lead += 1;
  return lead;
}

function extendTo(node: { position?: Position }, child: { position?: Position }): void {
  if (node.position && child.position && child.position.end.offset! > node.position.end.offset!) {
    node.position = { start: node.position.start, end: child.position.end };
  }
}

function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === "text" && last?.type === "text") {
      last.value += node.value;
      if (last.position && node.position)
        last.position = { start: last.position.start, end: node.position.end };
    } else {
      out.push(node);
    }
  }
  return out;
}

function report(
  state: BuildState,
  line: GoshLine,
  index: number,
  severity: "error" | "warning" | "info",
  rule: string,
  message: string,
): void {
  const at = state.inline.point(line, index);
  state.diagnostics.add(at.line, at.column, severity, rule, message);
}

// gosh's empty line: spaces only.
function isBlank(line: GoshLine): boolean {
  return leadingSpaces(line.text) === line.text.length;
}
