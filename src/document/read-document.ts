/**
 * A document's text or bytes → its ideas, in one call.
 */
import { parseGosh } from "./gosh/parse-gosh.js";
import { parseMarkdown } from "./markdown/parse-markdown.js";
import { readDocumentWith } from "./read-document-with.js";
import { renderMarkdownTogether } from "./render-markdown-together.js";
import type { DocumentOptions, IdeasDocument } from "./types.js";

/**
 * Parses a document and extracts its ideas. Pure: no I/O, never throws.
 * @param content the document, as text or as the file's bytes (decoded as UTF-8)
 * @param options its format and where ideas and sections are
 */
export function readDocument(
  content: string | Uint8Array,
  options: DocumentOptions,
): IdeasDocument {
  return readDocumentWith(
    content,
    options,
    options.format === "gosh" ? parseGosh : parseMarkdown,
    renderMarkdownTogether,
  );
}
