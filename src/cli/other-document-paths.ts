/**
 * Issues that ideas-sync manages for other documents than the one planned.
 */
import { readIssueBody } from "../plan/issue-body.js";
import type { IssueSnapshot } from "../plan/types.js";

/**
 * The document paths named by the ideas-sync markers of the issues, with how
 * many issues each, when no marker names `path`. A plan for a path that no
 * issue belongs to creates an issue per idea; when the issues do belong to
 * the same document under another path (`plan` run without `--path`, so the
 * path is the local file name), that is a duplicate of every issue.
 * @param issues the issues as read from the issues file
 * @param path the document's path the plan is for
 * @returns the other paths, most issues first; empty when some issue names
 *   `path`, or when no issue has a marker
 */
export function otherDocumentPaths(
  issues: readonly IssueSnapshot[],
  path: string,
): Array<{ path: string; issues: number }> {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    const marker = readIssueBody(issue.body).marker;
    if (!marker) continue;
    if (marker.path === path) return [];
    counts.set(marker.path, (counts.get(marker.path) ?? 0) + 1);
  }
  return [...counts]
    .map(([other, count]) => ({ path: other, issues: count }))
    .sort((a, b) => b.issues - a.issues || a.path.localeCompare(b.path));
}
