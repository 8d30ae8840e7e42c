/**
 * Where the ideas are in a GOSH tree.
 */
import type { Heading, RootContent } from "mdast";
import type { Diagnostics } from "../diagnostics.js";
import type { Entry } from "../entry.js";
import { plainText } from "../plain-text.js";
import type { DescriptionItem } from "../types.js";

/** Where the reading of a GOSH tree's top level stands, between runs of nodes. */
export interface GoshPlace {
  /** The title of the section the next idea is in. */
  section: string | null;
  /** True inside the abstract, which holds no ideas. */
  inAbstract: boolean;
}

/**
 * Lists the ideas among top-level nodes of a GOSH tree: every `:term:`
 * entry at the level of the headings (not nested in another entry or
 * item), outside the abstract, and with some text in its title. An idea's
 * section is the title of the last heading of `sectionDepth` above it (1:
 * `###` chapter); a heading of a higher level ends the section. A tree read
 * in runs of nodes (see parseGosh) is listed run by run with one `place`.
 * @param nodes top-level nodes, in order
 * @param sectionDepth heading depth of sections, 1–4
 * @param diagnostics where problems are reported
 * @param place where the previous run ended, updated to where this one ends
 */
export function findGoshEntries(
  nodes: readonly RootContent[],
  sectionDepth: number,
  diagnostics: Diagnostics,
  place: GoshPlace = { section: null, inAbstract: false },
): Entry[] {
  const entries: Entry[] = [];
  let { section, inAbstract } = place;
  for (const node of nodes) {
    if (node.type === "heading") {
      if (node.depth === 1) inAbstract = node.data?.goshAbstract === true;
      if (node.depth === sectionDepth) section = inAbstract ? null : plainText(node);
      else if (node.depth < sectionDepth) section = null;
    } else if (node.type === "descriptionList") {
      for (const item of node.children) {
        if (inAbstract) {
          const at = item.position?.start;
          diagnostics.add(
            at?.line ?? 1,
            at?.column ?? 1,
            "warning",
            "idea-in-abstract",
            `"${plainText(item.children[0])}" is in the abstract, which holds no ideas`,
          );
          continue;
        }
        const title = plainText(item.children[0]);
        if (title === "") {
          // A term of only spaces or empty markup (": :", ":' ':") titles
          // nothing, and GitHub takes no issue without a title.
          const at = item.position?.start;
          diagnostics.add(
            at?.line ?? 1,
            at?.column ?? 1,
            "warning",
            "empty-title",
            "this entry's title has no text: it is no idea",
          );
        } else {
          entries.push(toEntry(item, title, section, diagnostics));
        }
      }
    } else {
      reportNestedPins(node, diagnostics);
    }
  }
  place.section = section;
  place.inAbstract = inAbstract;
  return entries;
}

function toEntry(
  item: DescriptionItem,
  title: string,
  section: string | null,
  diagnostics: Diagnostics,
): Entry {
  const start = item.position?.start;
  reportNestedPins(item.children[1], diagnostics);
  return {
    title,
    section,
    line: start?.line ?? 1,
    endLine: item.position?.end.line ?? start?.line ?? 1,
    body: item.children[1].children as RootContent[],
    column: start?.column ?? 1,
    ...(item.pinnedKey ? { pinnedKey: item.pinnedKey } : {}),
  };
}

// A pin above an entry nested in a list pins nothing: only top-level entries
// are ideas.
function reportNestedPins(node: RootContent | Heading, diagnostics: Diagnostics): void {
  if (!("children" in node)) return;
  for (const child of node.children as RootContent[]) {
    if (child.type === "descriptionItem" && child.pinnedKey) {
      const at = child.position?.start;
      diagnostics.add(
        at?.line ?? 1,
        at?.column ?? 1,
        "warning",
        "pin-not-idea",
        `the key "${child.pinnedKey}" is pinned on an entry nested in a list, which is not an idea`,
      );
    }
    // Entries are blocks: the text inside paragraphs and terms holds none.
    if (child.type !== "paragraph" && child.type !== "descriptionTerm" && child.type !== "heading")
      reportNestedPins(child, diagnostics);
  }
}
