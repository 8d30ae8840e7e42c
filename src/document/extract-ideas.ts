/**
 * Parsed document → ideas.
 */
import { Diagnostics } from "./diagnostics.js";
import type { Entry } from "./entry.js";
import { findGoshEntries } from "./gosh/find-gosh-entries.js";
import { hashIdea } from "./hash-idea.js";
import { findMarkdownEntries } from "./markdown/find-markdown-entries.js";
import { readFields } from "./read-fields.js";
import { renderMarkdownEach } from "./render-markdown-each.js";
import { titleSlug } from "./title-slug.js";
import type { DocumentOptions, Idea, IdeasDocument, ParsedDocument, Section } from "./types.js";

/** Default heading depth of Markdown ideas (`###`). */
export const DEFAULT_IDEA_DEPTH = 3;

/**
 * Extracts the ideas of a parsed document, gives each a key unique in the
 * document (a pinned key, else the slug of its title, with "-1", "-2" … after
 * a duplicate), renders its body as Markdown, and groups ideas by section in
 * the order sections first appear.
 * @param parsed a GOSH or Markdown tree with its diagnostics
 * @param options depths of sections and ideas
 */
export function extractIdeas(
  parsed: ParsedDocument,
  options: Omit<DocumentOptions, "format">,
): IdeasDocument {
  const diagnostics = new Diagnostics();
  let title = parsed.title;
  let entries: Entry[];
  if (parsed.format === "gosh") {
    entries = findGoshEntries(parsed, options.sectionDepth ?? 1, diagnostics);
  } else {
    const ideaDepth = options.ideaDepth ?? DEFAULT_IDEA_DEPTH;
    const found = findMarkdownEntries(
      parsed,
      options.sectionDepth ?? ideaDepth - 1,
      ideaDepth,
      diagnostics,
    );
    entries = found.entries;
    title ??= found.title;
  }
  const keyed = assignKeys(entries, diagnostics);
  const markdown = renderMarkdownEach(keyed.map(({ entry }) => entry.body));
  const ideas = keyed.map(({ entry, key }, index) => toIdea(entry, key, markdown[index] as string));
  const sections = new Map<string | null, Section>();
  for (const idea of ideas) {
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
}

// Pinned keys are taken first, so that a pin always wins over a title that
// happens to slug to the same key.
function assignKeys(
  entries: readonly Entry[],
  diagnostics: Diagnostics,
): Array<{ entry: Entry; key: string }> {
  const taken = new Map<string, Entry>();
  const keys = new Map<Entry, string>();
  for (const entry of entries) {
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
    keys.set(entry, entry.pinnedKey);
  }
  // The next suffix to try per base key, so that many equal titles cost
  // linear time.
  const nextSuffix = new Map<string, number>();
  for (const entry of entries) {
    if (keys.has(entry)) continue;
    const base = titleSlug(entry.title);
    let key = base;
    let n = nextSuffix.get(base) ?? 1;
    while (taken.has(key)) key = `${base}-${n++}`;
    nextSuffix.set(base, n);
    if (key !== base) {
      const other = taken.get(base) as Entry;
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
    keys.set(entry, key);
  }
  return entries.map((entry) => ({ entry, key: keys.get(entry) as string }));
}

function toIdea(entry: Entry, key: string, markdown: string): Idea {
  return {
    key,
    pinned: entry.pinnedKey === key,
    title: entry.title,
    section: entry.section,
    line: entry.line,
    endLine: entry.endLine,
    markdown,
    hash: hashIdea(entry.title, markdown),
    fields: readFields(entry.body),
  };
}
