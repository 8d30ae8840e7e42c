/**
 * Plain text of inline markup.
 */
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";

const TO_STRING = { includeHtml: false };
// White space that collapsing changes: a run of two, or one other than a space.
const NEEDS_COLLAPSING = /\s\s|[^\S ]/;

/**
 * The text of a node with markup removed and white space collapsed: what an
 * issue title shows.
 * @param node a heading, term or any phrasing node
 */
export function plainText(node: Nodes): string {
  const text = toString(node, TO_STRING);
  // Most titles hold single spaces only, which collapsing leaves as they are.
  return (NEEDS_COLLAPSING.test(text) ? text.replace(/\s+/g, " ") : text).trim();
}
