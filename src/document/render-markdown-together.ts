/**
 * Bodies → Markdown, through remark's writer in one call.
 */
import type { RootContent } from "mdast";
import { renderMarkdown, renderSimpleMarkdown } from "./render-markdown.js";

// An HTML comment no document holds: rendered on a line of its own between
// bodies, it marks where to cut the output.
const SEPARATOR = "<!-- ideas-sync:next-body:c1f0d -->";

/**
 * Renders each body as renderMarkdown would. Those that need remark's
 * writer share one call to it: its set-up costs as much as a short body.
 * The BodyWriter of renderMarkdownEach.
 * @param bodies block nodes, per idea
 * @returns the Markdown of each, in order
 */
export function renderMarkdownTogether(bodies: ReadonlyArray<readonly RootContent[]>): string[] {
  const out = bodies.map(renderSimpleMarkdown);
  const rest = bodies.filter((_, index) => out[index] === null);
  const written = renderInOneCall(rest);
  let next = 0;
  return out.map((markdown) => markdown ?? (written[next++] as string));
}

function renderInOneCall(bodies: ReadonlyArray<readonly RootContent[]>): string[] {
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
