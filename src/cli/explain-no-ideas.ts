/**
 * Why a document may have yielded no ideas, and what to try.
 */
import { decodeDocument } from "../document/decode-document.js";
import { parseMarkdown } from "../document/markdown/parse-markdown.js";
import type { DocumentOptions } from "../document/types.js";

/**
 * One line saying how the document was read and what to try instead, for a
 * document without ideas. Most often the format or the heading depths are
 * not the document's: a Markdown list whose ideas are `##` headings read with
 * the default depth 3, or a Markdown file named .txt read as GOSH.
 * @param path the document as given on the command line
 * @param content its bytes
 * @param options the format and depths it was read with
 */
export function explainNoIdeas(
  path: string,
  content: Uint8Array,
  options: DocumentOptions,
): string {
  const text = decodeDocument(content).text;
  const depths = headingDepths(text);
  if (options.format === "gosh") {
    // GOSH has no "#" headings; a file full of them is Markdown.
    const hint =
      depths.length > 0
        ? `it has Markdown headings (${depths.map((d) => "#".repeat(d)).join(", ")}): try --format markdown`
        : "if it is Markdown, try --format markdown";
    return `${path}: no ideas: read as GOSH, where ideas are ":Title:" entries in the first column; ${hint}`;
  }
  const idea = options.ideaDepth ?? 3;
  const section = options.sectionDepth ?? idea - 1;
  const read = `read as Markdown with ideas at heading depth ${idea}${section > 0 ? ` and sections at depth ${section}` : " and no sections"}`;
  if (depths.length === 0)
    return `${path}: no ideas: ${read}, but it has no headings; if it is GOSH, try --format gosh`;
  const used = depths.map((d) => "#".repeat(d)).join(", ");
  // The deepest heading depth is the likeliest for ideas, the one above it for sections.
  const deepest = depths[depths.length - 1] as number;
  const above = depths.filter((d) => d < deepest).at(-1) ?? 0;
  return `${path}: no ideas: ${read}; its headings are ${used}: try --idea-depth ${deepest} --section-depth ${above}, or --format gosh`;
}

// The depths of the Markdown headings outside code, ascending, each once.
function headingDepths(text: string): number[] {
  const depths = new Set<number>();
  const visit = (node: { type: string; depth?: number; children?: unknown[] }) => {
    if (node.type === "heading" && node.depth) depths.add(node.depth);
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(parseMarkdown(text).tree);
  return [...depths].sort((a, b) => a - b);
}
