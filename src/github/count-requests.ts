/**
 * Counting the API requests a run makes.
 */
import type { Octokit } from "./octokit.js";

/** Requests made through one Octokit since counting began. */
export interface RequestCount {
  reads: number;
  writes: number;
}

const counts = new WeakMap<Octokit, RequestCount>();

/**
 * Counts every request made through this Octokit: GET and
 * HEAD as reads, everything else as writes. Counting starts at the first
 * call; later calls return the same live count.
 */
export function countRequests(octokit: Octokit): RequestCount {
  const known = counts.get(octokit);
  if (known) return known;
  const live: RequestCount = { reads: 0, writes: 0 };
  counts.set(octokit, live);
  octokit.hook.before("request", (options) => {
    const method = String(options.method).toUpperCase();
    if (method === "GET" || method === "HEAD") live.reads += 1;
    else live.writes += 1;
  });
  return live;
}
