/**
 * Every revision of a file in a git repository.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Revision } from "../replay/replay-history.js";
import { UsageError } from "./usage-error.js";

const run = promisify(execFile);

/**
 * Reads each commit that changed PATH (following renames), oldest first,
 * with the file's content at that commit. Commits that deleted it are left out.
 * @param dir the repository
 * @param path the file, relative to the repository
 */
export async function readGitRevisions(dir: string, path: string): Promise<Revision[]> {
  const git = async (...args: string[]) => {
    try {
      return await run("git", ["-C", dir, ...args], { maxBuffer: 1 << 30, encoding: "buffer" });
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? "").trim();
      throw new UsageError(
        `git ${args[0]} in ${dir} failed: ${stderr || (error as Error).message}`,
      );
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
  if (revisions.length === 0) throw new UsageError(`${path} has no history in ${dir}`);
  return revisions;
}
