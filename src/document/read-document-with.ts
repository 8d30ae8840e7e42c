/**
 * A document's text or bytes → its ideas, with a given parser.
 */
import { appendAll } from "./append-all.js";
import { decodeDocument } from "./decode-document.js";
import { startExtraction } from "./start-extraction.js";
import type { BodyWriter, DocumentOptions, DocumentParser, IdeasDocument } from "./types.js";

/**
 * Decodes, parses with `parse` and extracts the ideas of a document: what
 * readDocument does, for callers that load only the parser of the format
 * at hand, and remark's writer only when a body needs it (the command
 * line, which starts faster without them).
 * @param content the document, as text or as the file's bytes (decoded as UTF-8)
 * @param options its format and where ideas and sections are
 * @param parse the parser of `options.format`
 * @param writeRest writes the bodies renderMarkdownEach leaves to remark
 *   (renderMarkdownTogether); it is called only for a document that has some
 */
export function readDocumentWith(
  content: string | Uint8Array,
  options: DocumentOptions,
  parse: DocumentParser,
  writeRest: BodyWriter,
): IdeasDocument {
  const decoded =
    typeof content === "string" ? { text: content, diagnostics: [] } : decodeDocument(content);
  // Ideas are taken from each run of nodes the parser hands over, so that
  // its tree can go while the rest is read.
  const extraction = startExtraction(options.format, options, writeRest);
  const parsed = parse(decoded.text, (nodes) => extraction.take(nodes));
  extraction.take(parsed.tree.children);
  appendAll(parsed.diagnostics, decoded.diagnostics);
  return extraction.finish(parsed);
}
