/**
 * A document's text or bytes → its ideas, with a given parser.
 */
import { appendAll } from "./append-all.js";
import { decodeDocument } from "./decode-document.js";
import { extractIdeas } from "./extract-ideas.js";
import type { DocumentOptions, IdeasDocument, ParsedDocument } from "./types.js";

/**
 * Decodes, parses with `parse` and extracts the ideas of a document: what
 * readDocument does, for callers that load only the parser of the format
 * at hand (the command line, which starts faster without the other).
 * @param content the document, as text or as the file's bytes (decoded as UTF-8)
 * @param options its format and where ideas and sections are
 * @param parse the parser of `options.format`
 */
export function readDocumentWith(
  content: string | Uint8Array,
  options: DocumentOptions,
  parse: (text: string) => ParsedDocument,
): IdeasDocument {
  const decoded =
    typeof content === "string" ? { text: content, diagnostics: [] } : decodeDocument(content);
  const parsed = parse(decoded.text);
  appendAll(parsed.diagnostics, decoded.diagnostics);
  return extractIdeas(parsed, options);
}
