/**
 * Which files a push changed, as far as its payload tells.
 */

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

/** The `before` of a push that created its branch: no commit. */
export const NO_COMMIT = /^0+$/;

/**
 * The paths the push's commits added, changed or removed, when the payload
 * lists every commit: not for a forced push (commits may have been dropped),
 * a new branch (no `before` to compare with), or a payload of 20 or more
 * commits.
 * @returns the paths, or null when the payload cannot tell
 */
export function payloadPaths(push: PushFacts): Set<string> | null {
  if (push.forced || NO_COMMIT.test(push.before) || push.commits.length >= PAYLOAD_COMMITS_MAX)
    return null;
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
