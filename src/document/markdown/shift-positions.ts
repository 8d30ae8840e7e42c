/**
 * Moves the positions of a tree parsed from a part of a document to where
 * the part stands in the whole.
 */
import type { Node } from "unist";

/**
 * Adds `lines` to every line and `offset` to every offset in the tree, in
 * place. Columns stay, as parts start at the start of a line.
 * @param node the tree
 * @param lines lines before the part
 * @param offset characters before the part
 */
export function shiftPositions(node: Node, lines: number, offset: number): void {
  // Points are shifted once each, even were a tree to share one.
  const done = new WeakSet<object>();
  const move = (point: { line: number; offset?: number | undefined }) => {
    if (done.has(point)) return;
    done.add(point);
    point.line += lines;
    if (point.offset !== undefined) point.offset += offset;
  };
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node & { children?: Node[] };
    const at = current.position;
    if (at) {
      move(at.start);
      move(at.end);
    }
    if (current.children) for (const child of current.children) stack.push(child);
  }
}
