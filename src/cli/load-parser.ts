/**
 * The parser of one document format, loaded when it is needed.
 */
import type { DocumentFormat, DocumentParser } from "../document/types.js";

/**
 * Loads the parser of `format` only: the Markdown parser (unified, remark,
 * micromark) takes longer to load than a GOSH document takes to read.
 * @param format the document's format
 */
export async function loadParser(format: DocumentFormat): Promise<DocumentParser> {
  if (format === "gosh") return (await import("../document/gosh/parse-gosh.js")).parseGosh;
  return (await import("../document/markdown/parse-markdown.js")).parseMarkdown;
}
