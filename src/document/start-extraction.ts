/**
 * Parsed nodes → ideas, as the nodes come.
 */
import type { RootContent } from "mdast";
import { appendAll } from "./append-all.js";
import { describeEntries, type DescribedEntry } from "./describe-entries.js";
import { Diagnostics } from "./diagnostics.js";
import { findGoshEntries, type GoshPlace } from "./gosh/find-gosh-entries.js";
import { findMarkdownEntries } from "./markdown/find-markdown-entries.js";
import { titleSlug } from "./title-slug.js";
import type {
  BodyWriter,
  DocumentOptions,
  Idea,
  IdeasDocument,
  ParsedDocument,
  Section,
} from "./types.js";

/** Default heading depth of Markdown ideas (`###`). */
export const DEFAULT_IDEA_DEPTH = 3;

/** Ideas extracted as a document is read: its top-level nodes, run by run, then the rest. */
export interface Extraction {
  /** Takes the next top-level nodes of the tree, in document order. */
  take(nodes: readonly RootContent[]): void;
  /** The document's ideas, once every node is taken. */
  finish(parsed: ParsedDocument): IdeasDocument;
}

/**
 * extractIdeas for a document whose parser hands over its tree in runs of
 * top-level nodes (see parseGosh): GOSH entries are found and rendered run
 * by run, so that no run's tree outlives its own reading; Markdown nodes
 * are kept until the end, where a heading's body may run across runs.
 * @param format the document's format
 * @param options depths of sections and ideas
 * @param writeRest writes the bodies renderMarkdownEach leaves to remark
 */
export function startExtraction(
  format: ParsedDocument["format"],
  options: Omit<DocumentOptions, "format">,
  writeRest: BodyWriter,
): Extraction {
  const diagnostics = new Diagnostics();
  const described: DescribedEntry[] = [];
  const markdownNodes: RootContent[] = [];
  const place: GoshPlace = { section: null, inAbstract: false };
  const take = (nodes: readonly RootContent[]): void => {
    if (format === "gosh") {
      const entries = findGoshEntries(nodes, options.sectionDepth ?? 1, diagnostics, place);
      appendAll(described, describeEntries(entries, writeRest));
    } else {
      appendAll(markdownNodes, nodes);
    }
  };
  const finish = (parsed: ParsedDocument): IdeasDocument => {
    let title = parsed.title;
    if (format === "markdown") {
      const ideaDepth = options.ideaDepth ?? DEFAULT_IDEA_DEPTH;
      const found = findMarkdownEntries(
        markdownNodes,
        options.sectionDepth ?? ideaDepth - 1,
        ideaDepth,
        diagnostics,
      );
      appendAll(described, describeEntries(found.entries, writeRest));
      title ??= found.title;
    }
    const keyed = assignKeys(described, diagnostics);
    const sections = new Map<string | null, Section>();
    for (const { entry, key } of keyed) {
      const idea = toIdea(entry, key);
      let section = sections.get(idea.section);
      if (!section) sections.set(idea.section, (section = { title: idea.section, ideas: [] }));
      section.ideas.push(idea);
    }
    diagnostics.addAll(parsed.diagnostics);
    return {
      format: parsed.format,
      title,
      sections: [...sections.values()],
      diagnostics: diagnostics.toArray(),
    };
  };
  return { take, finish };
}

// Pinned keys are taken first, so that a pin always wins over a title that
// happens to slug to the same key.
function assignKeys(
  entries: readonly DescribedEntry[],
  diagnostics: Diagnostics,
): Array<{ entry: DescribedEntry; key: string }> {
  const taken = new Map<string, DescribedEntry>();
  // Each entry's key, by its place in `entries`.
  const keys: Array<string | undefined> = new Array<string | undefined>(entries.length).fill(
    undefined,
  );
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] as DescribedEntry;
    if (!entry.pinnedKey) continue;
    const other = taken.get(entry.pinnedKey);
    if (other) {
      diagnostics.add(
        entry.line,
        entry.column,
        "error",
        "duplicate-key",
        `the key "${entry.pinnedKey}" is already pinned on "${other.title}" (line ${other.line}): each idea needs its own key`,
      );
      continue;
    }
    taken.set(entry.pinnedKey, entry);
    keys[index] = entry.pinnedKey;
  }
  // The next suffix to try per base key, so that many equal titles cost
  // linear time.
  const nextSuffix = new Map<string, number>();
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] as DescribedEntry;
    if (keys[index] !== undefined) continue;
    const base = titleSlug(entry.title);
    let key = base;
    let n = nextSuffix.get(base) ?? 1;
    while (taken.has(key)) key = `${base}-${n++}`;
    nextSuffix.set(base, n);
    if (key !== base) {
      const other = taken.get(base) as DescribedEntry;
      const why = other.title === entry.title ? "the same title" : `the same key, "${base}"`;
      diagnostics.add(
        entry.line,
        entry.column,
        "warning",
        "duplicate-title",
        `"${entry.title}" has ${why} as the idea on line ${other.line}: its key is "${key}" (pin a key to keep it stable)`,
      );
    }
    taken.set(key, entry);
    keys[index] = key;
  }
  return entries.map((entry, index) => ({ entry, key: keys[index] as string }));
}

function toIdea(entry: DescribedEntry, key: string): Idea {
  return {
    key,
    pinned: entry.pinnedKey === key,
    title: entry.title,
    section: entry.section,
    line: entry.line,
    endLine: entry.endLine,
    markdown: entry.markdown,
    hash: entry.hash,
    ...(entry.fields ? { fields: entry.fields } : {}),
  };
}
