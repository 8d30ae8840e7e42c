/**
 * The link and footnote definitions of a Markdown tree.
 */
import type { Root } from "mdast";
import { normalizeIdentifier } from "micromark-util-normalize-identifier";
import type { Node } from "unist";

/** A definition, as a line that defines the same label again. */
export interface DefinitionLine {
  /** micromark's key for the label (a footnote's starts with `^`) */
  key: string;
  /** `[label]: #` or `[^label]: x`, on one line */
  line: string;
}

// A label as written: escapes kept, no unescaped bracket inside.
const LABEL = /^\[((?:\\[\s\S]|[^\\[\]])*)\]/;

/**
 * Every link definition (`[label]: url`) and footnote definition
 * (`[^label]: text`) in the tree, at any depth, in document order, each with
 * its label as written (character references and escapes matter to which
 * references it defines) and micromark's key for it. A reference in one
 * part of a document resolves to a definition in another, so a part that
 * mentions a label defined elsewhere is parsed again with these lines.
 * @param tree a parsed document or part
 * @param text the text it was parsed from
 */
export function definitionsOf(tree: Root, text: string): DefinitionLine[] {
  const found: DefinitionLine[] = [];
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Node & { children?: Node[]; identifier?: string; label?: string };
    const footnote = node.type === "footnoteDefinition";
    if ((node.type === "definition" || footnote) && node.identifier !== undefined) {
      const start = node.position?.start.offset ?? 0;
      const written = LABEL.exec(text.slice(start, start + 1200))?.[1];
      const raw = footnote ? written?.replace(/^\^/, "") : written;
      // Line breaks in a label are white space to micromark: one line keeps
      // the count of lines put before a part right.
      const label = (raw ?? node.label ?? node.identifier).replace(/[\t\n\r ]+/g, " ");
      const key = normalizeIdentifier(label);
      if (key.toLowerCase() === node.identifier)
        found.push({
          key: footnote ? `^${key}` : key,
          line: footnote ? `[^${label}]: x` : `[${label}]: #`,
        });
    }
    if (node.children)
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as Node);
  }
  return found;
}
