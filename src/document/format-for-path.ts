/**
 * Which format a file is in, by its name.
 */
import type { DocumentFormat } from "./types.js";

/**
 * Markdown for `.md` and `.markdown` files, GOSH for anything else (Genode
 * keeps GOSH in `.txt` files).
 * @param path a file name or path
 */
export function formatForPath(path: string): DocumentFormat {
  return /\.(md|markdown)$/i.test(path) ? "markdown" : "gosh";
}
