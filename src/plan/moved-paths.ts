/**
 * Where a document was before it moved.
 */
import type { Idea } from "../document/types.js";
import { readIssueBody } from "./issue-body.js";
import type { IssueSnapshot } from "./types.js";

/**
 * The paths a document takes over: paths that managed issues name but no
 * configured document has any more, whose issues share at least one idea key
 * with the document. A document moved (and its path changed in the
 * configuration, in the same push or a later one) so keeps its issues: it
 * is the same document when it holds the same ideas.
 * @param issues the repository's issues
 * @param configured the paths of every configured document
 * @param ideas the ideas of the document that may take paths over
 * @param claimed paths another document of the same run took over already
 */
export function movedPaths(
  issues: readonly IssueSnapshot[],
  configured: readonly string[],
  ideas: readonly Idea[],
  claimed: ReadonlySet<string> = new Set(),
): string[] {
  const keys = new Set(ideas.map((idea) => idea.key));
  const known = new Set(configured);
  const paths = new Set<string>();
  for (const issue of issues) {
    // Cheap test first: most bodies are this document's.
    if (!issue.body.includes("ideas-sync:end")) continue;
    const marker = readIssueBody(issue.body).marker;
    if (!marker || known.has(marker.path) || claimed.has(marker.path)) continue;
    if (keys.has(marker.key)) paths.add(marker.path);
  }
  return [...paths].sort();
}
