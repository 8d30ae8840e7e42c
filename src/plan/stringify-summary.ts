/**
 * Markdown trees → the text of summaries (check runs, comments, terminal).
 */
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: "-", emphasis: "_", strong: "*" });

/**
 * Writes Markdown nodes as GitHub-flavoured Markdown, escaping whatever
 * titles and messages contain.
 * @returns the text, ending in one newline
 */
export function stringifySummary(nodes: RootContent[]): string {
  return stringifier.stringify({ type: "root", children: nodes } satisfies Root).trimEnd() + "\n";
}
