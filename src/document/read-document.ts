/**
 * Text → ideas, in one call.
 */
import { extractIdeas } from "./extract-ideas.js";
import { parseGosh } from "./gosh/parse-gosh.js";
import { parseMarkdown } from "./markdown/parse-markdown.js";
import type { DocumentOptions, IdeasDocument } from "./types.js";

/**
 * Parses a document and extracts its ideas. Pure: no I/O, never throws.
 * @param text the document
 * @param options its format and where ideas and sections are
 */
export function readDocument(text: string, options: DocumentOptions): IdeasDocument {
  const parsed = options.format === "gosh" ? parseGosh(text) : parseMarkdown(text);
  return extractIdeas(parsed, options);
}
