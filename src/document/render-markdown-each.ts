/**
 * Many bodies → Markdown, in one pass.
 */
import type { RootContent } from "mdast";
import type { BodyWriter } from "./types.js";
import { writeDirectMarkdown } from "./write-direct-markdown.js";

/**
 * Renders each list of nodes as renderMarkdown would. Most bodies are
 * written directly; the others go to `writeRest` together, in one call:
 * remark's writer costs as much to set up as a short body, and to load as
 * reading a small document.
 * @param bodies block nodes, per idea
 * @param writeRest writes the bodies left, in order (renderMarkdownTogether)
 * @returns the Markdown of each, in order
 */
export function renderMarkdownEach(
  bodies: ReadonlyArray<readonly RootContent[]>,
  writeRest: BodyWriter,
): string[] {
  const out = bodies.map((body) => writeDirectMarkdown(body)?.trimEnd());
  const rest = bodies.filter((_, index) => out[index] === undefined);
  // A writer loaded on demand is not asked for nothing.
  const written = rest.length === 0 ? [] : writeRest(rest);
  let next = 0;
  return out.map((markdown) => markdown ?? (written[next++] as string));
}
