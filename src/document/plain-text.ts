/**
 * Plain text of inline markup.
 */
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";

/**
 * The text of a node with markup removed and white space collapsed: what an
 * issue title shows.
 * @param node a heading, term or any phrasing node
 */
export function plainText(node: Nodes): string {
  return toString(node, { includeHtml: false }).replace(/\s+/g, " ").trim();
}
