/**
 * Entries → what their ideas say, before keys are given.
 */
import type { Entry } from "./entry.js";
import { hashIdea } from "./hash-idea.js";
import { readFields } from "./read-fields.js";
import { renderMarkdownEach } from "./render-markdown-each.js";
import type { BodyWriter, Idea } from "./types.js";

/** An entry with its body rendered: all its idea holds but the key. */
export interface DescribedEntry extends Omit<Idea, "key" | "pinned"> {
  pinnedKey?: string;
  /** Column of the title, for diagnostics. */
  column: number;
}

/**
 * Renders each entry's body as Markdown, hashes it with the title and reads
 * its fields. The bodies are not kept: a document read in runs (see
 * parseGosh) lets each run's tree go once its entries are described.
 * @param entries entries in document order
 * @param writeRest writes the bodies renderMarkdownEach leaves to remark
 * @returns one described entry per entry, in order
 */
export function describeEntries(
  entries: readonly Entry[],
  writeRest: BodyWriter,
): DescribedEntry[] {
  const markdown = renderMarkdownEach(
    entries.map((entry) => entry.body),
    writeRest,
  );
  return entries.map((entry, index) => {
    const text = markdown[index] as string;
    return {
      title: entry.title,
      section: entry.section,
      line: entry.line,
      endLine: entry.endLine,
      markdown: text,
      hash: hashIdea(entry.title, text),
      fields: readFields(entry.body),
      column: entry.column,
      ...(entry.pinnedKey ? { pinnedKey: entry.pinnedKey } : {}),
    };
  });
}
