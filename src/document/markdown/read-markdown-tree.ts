/**
 * Markdown → mdast, in parts.
 */
import type { Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { normalizeIdentifier } from "micromark-util-normalize-identifier";
import { definitionsOf, type DefinitionLine } from "./definitions-of.js";
import { endsOpen } from "./ends-open.js";
import { parseSimpleMarkdown } from "./parse-simple-markdown.js";
import { shiftPositions } from "./shift-positions.js";
import { splitMarkdown, type MarkdownPart } from "./split-markdown.js";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml", "toml"]);

// Plain Markdown is read by hand, many times faster than micromark; the rest by remark.
const parse = (text: string): Root => parseSimpleMarkdown(text) ?? parser.parse(text);

/** A part parsed alone: its tree (positions as in the part) and text. */
interface ParsedPart {
  part: MarkdownPart;
  tree: Root;
}

/**
 * The GitHub-flavoured Markdown tree of a document (front matter as a
 * `yaml` or `toml` node), the same as parsing it whole, read in parts cut
 * before headings (see splitMarkdown): micromark's time and memory grow
 * faster than the document, while parts of bounded size cost in proportion
 * to it. A part that may run on into the next (open HTML or fenced code at
 * its end) is joined to it; a part that mentions a label defined in another
 * part is parsed again with that definition beside it, so that its
 * references resolve as in the whole document.
 * @param text the document
 * @param partSize characters per part to aim for (Infinity: parse it whole)
 */
export function readMarkdownTree(text: string, partSize: number): Root {
  const cut = splitMarkdown(text, partSize);
  if (cut.length === 1) return parse(text);
  const parsed: ParsedPart[] = [];
  let carried: MarkdownPart | null = null;
  for (const next of cut) {
    const part: MarkdownPart = carried
      ? { offset: carried.offset, line: carried.line, text: carried.text + next.text }
      : next;
    const tree = parse(part.text);
    // Offsets in the tree do not count a byte order mark.
    const parsedText = part.offset === 0 ? part.text.replace(/^\uFEFF/, "") : part.text;
    if (endsOpen(tree, parsedText) && next !== cut[cut.length - 1]) {
      carried = part;
      continue;
    }
    carried = null;
    parsed.push({ part, tree });
  }
  if (parsed.length === 1) return (parsed[0] as ParsedPart).tree;
  const definitions = parsed.map(({ part, tree }) => definitionsOf(tree, part.text));
  const children: RootContent[] = [];
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  let end = (parsed[parsed.length - 1] as ParsedPart).tree.position?.end;
  parsed.forEach(({ part, tree }, index) => {
    const own = new Set(definitions[index]?.map((d) => d.key));
    const needed = foreignDefinitions(part.text, definitions, index, own);
    const reparsed =
      needed.length > 0 ? withDefinitions(part, needed, index === 0) : { tree, lines: 0, chars: 0 };
    // micromark counts offsets after a byte order mark; the first part drops its own.
    const base = part.offset === 0 ? 0 : part.offset - bom;
    shiftPositions(reparsed.tree, part.line - 1 - reparsed.lines, base - reparsed.chars);
    if (index === parsed.length - 1) end = reparsed.tree.position?.end;
    for (const child of reparsed.tree.children) {
      const start = child.position?.start.offset ?? base;
      const own = part.offset === 0 ? part.text.length - bom : part.text.length;
      if (start >= base && start < base + own) children.push(child);
    }
  });
  return {
    type: "root",
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: end ?? { line: 1, column: 1, offset: text.length },
    },
  };
}

// A bracketed span as a reference's label may be written: no unescaped
// bracket inside.
const SPAN = /\[((?:\\[\s\S]|[^\\[\]])*)\]/g;

/**
 * Definitions made in other parts whose label this part's text mentions: a
 * bracketed span whose key, as micromark makes it, is the definition's.
 */
function foreignDefinitions(
  text: string,
  definitions: DefinitionLine[][],
  index: number,
  own: Set<string>,
): DefinitionLine[] {
  if (!text.includes("[")) return [];
  const mentioned = new Set<string>();
  for (const match of text.matchAll(SPAN)) {
    const span = match[1] as string;
    mentioned.add(
      span.startsWith("^") ? `^${normalizeIdentifier(span.slice(1))}` : normalizeIdentifier(span),
    );
  }
  const needed = new Map<string, DefinitionLine>();
  definitions.forEach((list, at) => {
    if (at === index) return;
    for (const definition of list)
      if (!own.has(definition.key) && !needed.has(definition.key) && mentioned.has(definition.key))
        needed.set(definition.key, definition);
  });
  return [...needed.values()];
}

/**
 * The part parsed again with definitions beside it: after it for the first
 * part (front matter must stay first), before it for the others (which
 * start with a heading). Returns how many lines and characters were put
 * before the part's text.
 */
function withDefinitions(
  part: MarkdownPart,
  needed: DefinitionLine[],
  first: boolean,
): { tree: Root; lines: number; chars: number } {
  const block = needed.map((d) => `${d.line}\n\n`).join("");
  if (first) return { tree: parser.parse(`${part.text}\n\n${block}`), lines: 0, chars: 0 };
  return { tree: parser.parse(block + part.text), lines: needed.length * 2, chars: block.length };
}
