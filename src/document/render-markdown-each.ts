/**
 * Many bodies → Markdown, in one pass.
 */
import type { RootContent } from "mdast";
import { renderMarkdown } from "./render-markdown.js";

// An HTML comment no document holds: rendered on a line of its own between
// bodies, it marks where to cut the output.
const SEPARATOR = "<!-- ideas-sync:next-body:c1f0d -->";

/**
 * Renders each list of nodes as renderMarkdown would, with one call to the
 * Markdown writer for all of them: its set-up costs as much as a short body.
 * @param bodies block nodes, per idea
 * @returns the Markdown of each, in order
 */
export function renderMarkdownEach(bodies: ReadonlyArray<readonly RootContent[]>): string[] {
  if (bodies.length <= 1) return bodies.map((body) => renderMarkdown(body));
  const nodes: RootContent[] = [];
  bodies.forEach((body, index) => {
    if (index > 0) nodes.push({ type: "html", value: SEPARATOR });
    for (const node of body) nodes.push(node);
  });
  const parts = renderMarkdown(nodes).split(`\n${SEPARATOR}\n`);
  // A document that holds the separator itself is rendered body by body.
  if (parts.length !== bodies.length) return bodies.map((body) => renderMarkdown(body));
  return parts.map((part) => part.replace(/^\n+/, "").trimEnd());
}
