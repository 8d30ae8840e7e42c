/**
 * Whether a part of a Markdown document may run on into the next part.
 */
import type { Nodes, Root } from "mdast";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Whether the last block of a part's tree, at any depth, could hold the line
 * that follows the part or end differently with it: HTML, which may run on
 * to its end marker or a blank line, and a fenced code block without its
 * closing fence (which, in a list item, ends at the end of the text and
 * otherwise before the next line). Such a part is joined to the next one.
 * @param tree the part's tree
 * @param text the part's text, as parsed
 */
export function endsOpen(tree: Root, text: string): boolean {
  let last: Nodes | undefined = tree.children[tree.children.length - 1];
  while (last && last.type !== "code" && last.type !== "html" && "children" in last)
    last = last.children[last.children.length - 1];
  if (!last?.position) return false;
  if (last.type === "html") return true;
  if (last.type !== "code") return false;
  const source = text.slice(last.position.start.offset, last.position.end.offset);
  const open = FENCE.exec(source);
  if (!open) return false;
  const marker = open[1] as string;
  const lines = source.split(/\r\n|\r|\n/);
  const close = lines.length > 1 ? (lines[lines.length - 1] as string).trim() : "";
  return !(close.length >= marker.length && close === (marker[0] as string).repeat(close.length));
}
