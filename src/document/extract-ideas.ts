/**
 * Parsed document → ideas.
 */
import { renderMarkdownTogether } from "./render-markdown-together.js";
import { startExtraction } from "./start-extraction.js";
import type { DocumentOptions, IdeasDocument, ParsedDocument } from "./types.js";

/**
 * Extracts the ideas of a parsed document, gives each a key unique in the
 * document (a pinned key, else the slug of its title, with "-1", "-2" … after
 * a duplicate), renders its body as Markdown, and groups ideas by section in
 * the order sections first appear.
 * @param parsed a GOSH or Markdown tree with its diagnostics
 * @param options depths of sections and ideas
 */
export function extractIdeas(
  parsed: ParsedDocument,
  options: Omit<DocumentOptions, "format">,
): IdeasDocument {
  const extraction = startExtraction(parsed.format, options, renderMarkdownTogether);
  extraction.take(parsed.tree.children);
  return extraction.finish(parsed);
}
