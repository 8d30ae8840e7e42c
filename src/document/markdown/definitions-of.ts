/**
 * The link and footnote definitions of a Markdown tree.
 */
import type { Root } from "mdast";
import type { Node } from "unist";

/** A definition, as a line that defines the same label again. */
export interface DefinitionLine {
  /** the normalised label; a footnote's starts with `^` */
  identifier: string;
  /** `[label]: #` or `[^label]: x` */
  line: string;
}

/**
 * Every link definition (`[label]: url`) and footnote definition
 * (`[^label]: text`) in the tree, at any depth, in document order. A
 * reference in one part of a document resolves to a definition in another,
 * so a part that mentions a label defined elsewhere is parsed again with
 * these lines before it.
 * @param tree a parsed document or part
 */
export function definitionsOf(tree: Root): DefinitionLine[] {
  const found: DefinitionLine[] = [];
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Node & { children?: Node[]; identifier?: string; label?: string };
    if (node.type === "definition" && node.identifier !== undefined)
      found.push({ identifier: node.identifier, line: `[${node.label ?? node.identifier}]: #` });
    else if (node.type === "footnoteDefinition" && node.identifier !== undefined)
      found.push({
        identifier: `^${node.identifier}`,
        line: `[^${node.label ?? node.identifier}]: x`,
      });
    if (node.children)
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as Node);
  }
  return found;
}
