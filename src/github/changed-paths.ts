/**
 * Which files a push changed.
 */
import type { Octokit, RepoRef } from "./octokit.js";
import { requestFailure } from "./request-error.js";

/** The fields of a push payload this needs. */
export interface PushFacts {
  before: string;
  after: string;
  forced: boolean;
  commits: ReadonlyArray<{ added?: string[]; removed?: string[]; modified?: string[] }>;
}

/**
 * Push payloads list at most this many commits (older ones are left out);
 * with as many, the list may be incomplete.
 */
export const PAYLOAD_COMMITS_MAX = 20;

/** GitHub's compare lists at most this many files. */
const COMPARE_FILES_MAX = 300;

const NO_COMMIT = /^0+$/;

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
  if (!push.forced && !NO_COMMIT.test(push.before) && push.commits.length < PAYLOAD_COMMITS_MAX) {
    const paths = new Set<string>();
    for (const commit of push.commits)
      for (const path of [
        ...(commit.added ?? []),
        ...(commit.removed ?? []),
        ...(commit.modified ?? []),
      ])
        paths.add(path);
    return paths;
  }
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
