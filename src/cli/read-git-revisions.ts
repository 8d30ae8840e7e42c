/**
 * Every revision of a file in a git repository.
 */
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { promisify } from "node:util";
import type { Revision } from "../replay/replay-history.js";
import { DataError } from "./data-error.js";

const run = promisify(execFile);

/**
 * Reads each commit that changed PATH (following renames), oldest first,
 * with the file's content at that commit. Commits that deleted it are left out.
 * @param dir the repository
 * @param path the file, relative to the repository
 * @throws DataError when DIR is missing, not a folder, not a git repository,
 *   or holds no history of PATH, or when git fails
 */
export async function readGitRevisions(dir: string, path: string): Promise<Revision[]> {
  // git's own words for these ("cannot change to", "not a git repository (or
  // any of the parent directories)") come over several lines with a usage.
  const info = await stat(dir).catch(() => null);
  if (!info) throw new DataError(`${dir}: no such folder`);
  if (!info.isDirectory()) throw new DataError(`${dir} is a file, not a git repository's folder`);
  const git = async (...args: string[]) => {
    try {
      return await run("git", ["-C", dir, ...args], { maxBuffer: 1 << 30, encoding: "buffer" });
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? "").trim();
      if (/not a git repository/i.test(stderr))
        throw new DataError(`${dir} is not a git repository`);
      // The first line of git's complaint says what went wrong; the rest is hints.
      const first = (stderr || (error as Error).message).split("\n")[0]?.trim();
      throw new DataError(`git ${args[0]} in ${dir} failed: ${first}`);
    }
  };
  // Each commit prints its hash, then the file's path at that commit.
  const log = (
    await git(
      "log",
      "--follow",
      "--reverse",
      "--format=%H",
      "--name-only",
      "--diff-filter=AMR",
      "--",
      path,
    )
  ).stdout.toString();
  const revisions: Revision[] = [];
  const lines = log.split("\n").filter((line) => line.trim() !== "");
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const sha = lines[i] as string;
    const file = lines[i + 1] as string;
    const content = (await git("show", `${sha}:${file}`)).stdout;
    revisions.push({ name: sha.slice(0, 10), sha, content: new Uint8Array(content) });
  }
  if (revisions.length === 0)
    throw new DataError(`${path} has no history in ${dir} (give PATH relative to the repository)`);
  return revisions;
}
