/**
 * `parse`'s reading of a document, with remark's writer loaded on demand.
 */
import { readDocumentWith } from "../document/read-document-with.js";
import type {
  BodyWriter,
  DocumentOptions,
  DocumentParser,
  IdeasDocument,
} from "../document/types.js";

// What the stand-in for remark's writer throws: the document needs it.
class WriterNeeded extends Error {}

const notLoaded: BodyWriter = () => {
  throw new WriterNeeded("remark's writer is not loaded");
};

// Past about a megabyte, reading a document takes longer than loading
// remark's writer: reading it twice would cost more than loading first.
const LARGE = 1 << 20;

/**
 * Reads a document as readDocument does. Loading remark's Markdown writer
 * takes longer than reading a real document, and most GOSH documents never
 * need it: their bodies are written directly. So a GOSH document is read
 * without it first; if a body needs it, the reading stops there and starts
 * again once it is loaded (reading is pure: nothing of the first is kept).
 * A Markdown document, whose bodies are written only once it is all
 * parsed, or a large one loads it first.
 * @param content the document, as text or as the file's bytes
 * @param options its format and where ideas and sections are
 * @param parse the parser of `options.format`
 */
export async function readDocumentLazily(
  content: string | Uint8Array,
  options: DocumentOptions,
  parse: DocumentParser,
): Promise<IdeasDocument> {
  const loadWriter = async (): Promise<BodyWriter> =>
    (await import("../document/render-markdown-together.js")).renderMarkdownTogether;
  if (options.format === "markdown" || content.length > LARGE)
    return readDocumentWith(content, options, parse, await loadWriter());
  try {
    return readDocumentWith(content, options, parse, notLoaded);
  } catch (error) {
    if (!(error instanceof WriterNeeded)) throw error;
    return readDocumentWith(content, options, parse, await loadWriter());
  }
}
