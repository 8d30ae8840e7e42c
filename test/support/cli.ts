/**
 * Running the command line in-process, with files in a scratch folder.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import { scratchDir } from "./scratch-dir.js";

/** The project folder. */
export const root = fileURLToPath(new URL("../..", import.meta.url));

/** The project's example document. */
export const example = join(root, "examples/ideas.txt");

const dir = scratchDir("cli");

/** Writes a scratch file and returns its path. */
export function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs `ideas-sync ARGV…` in-process and captures what it prints. */
export async function run(
  ...argv: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { status, stdout, stderr };
}
