/**
 * The revisions of a document kept as files in a folder, for the demo.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { Revision } from "../src/replay/replay-history.js";

const DOCUMENT = /\.(txt|md|markdown)$/i;
// Notes that sit beside revisions in such folders (the shared corpus keeps
// a meta.txt in each) and are documents too, but not of the history.
const NOT_A_REVISION = /^(meta|readme|license|licence|changelog|notes)\.(txt|md|markdown)$/i;

/**
 * Reads the revision files of a folder in name order: the .txt, .md and
 * .markdown files, and when some of them are numbered (`001_…`, `01-…`),
 * only the numbered ones, so that notes beside them are not pushed as
 * revisions. Sub-folders are left alone.
 * @param dir the folder
 * @returns the revisions, and the extension the document has (the last
 *   revision's), for the path it is pushed to
 */
export function readRevisionFolder(dir: string): { revisions: Revision[]; extension: string } {
  const documents = readdirSync(dir)
    .filter((name) => DOCUMENT.test(name) && statSync(join(dir, name)).isFile())
    .sort();
  const numbered = documents.filter((name) => /^\d/.test(name));
  const files =
    numbered.length > 0 ? numbered : documents.filter((name) => !NOT_A_REVISION.test(name));
  return {
    revisions: files.map((name) => ({ name, content: readFileSync(join(dir, name)) })),
    extension: files.length > 0 ? extname(files[files.length - 1] as string) : "",
  };
}
