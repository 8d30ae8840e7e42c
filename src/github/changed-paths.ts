/**
 * Which files a push changed.
 */
import type { Octokit, RepoRef } from "./octokit.js";
import { NO_COMMIT, payloadPaths, type PushFacts } from "./payload-paths.js";
import { requestFailure } from "./request-error.js";

/** GitHub's compare lists at most this many files. */
const COMPARE_FILES_MAX = 300;

/**
 * The paths a push added, changed, removed or renamed (both names). Reads
 * the payload when it is complete; otherwise (a forced push, a new branch,
 * a payload that may have left commits out) asks the compare API, one
 * request. Returns null when nothing can tell: the caller then treats every
 * document as changed, since syncing an unchanged document writes nothing.
 */
export async function changedPaths(
  octokit: Octokit,
  repo: RepoRef,
  push: PushFacts,
): Promise<Set<string> | null> {
  const listed = payloadPaths(push);
  if (listed) return listed;
  if (NO_COMMIT.test(push.before)) return null;
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${push.before}...${push.after}`,
      per_page: 1,
    });
    const files = data.files ?? [];
    if (files.length >= COMPARE_FILES_MAX) return null;
    const paths = new Set<string>();
    for (const file of files) {
      paths.add(file.filename);
      if (file.previous_filename) paths.add(file.previous_filename);
    }
    return paths;
  } catch (error) {
    // A forced push can leave `before` unreachable: then nothing can tell.
    if (requestFailure(error).status === 404) return null;
    throw error;
  }
}
