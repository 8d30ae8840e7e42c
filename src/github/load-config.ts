/**
 * `.github/ideas-sync.yml` at a commit.
 */
import { parseConfig, type ConfigError } from "../config/parse-config.js";
import type { Config } from "../config/config-schema.js";
import type { Octokit, RepoRef } from "./octokit.js";
import { readFile } from "./read-file.js";

/** Where the configuration lives in a repository. */
export const CONFIG_PATH = ".github/ideas-sync.yml";

/** The configuration, none, or what is wrong with it. */
export type LoadedConfig =
  | { kind: "config"; config: Config }
  | { kind: "none" }
  | { kind: "invalid"; errors: ConfigError[] };

/**
 * Reads and checks the configuration at a commit (one request). A repository
 * without one is not synced.
 * @throws the request's error for anything but a 404
 */
export async function loadConfig(
  octokit: Octokit,
  repo: RepoRef,
  ref: string,
): Promise<LoadedConfig> {
  const file = await readFile(octokit, repo, CONFIG_PATH, ref);
  if (file.kind === "missing") return { kind: "none" };
  if (file.kind !== "file") {
    const what = file.kind === "too-large" ? `${file.size} bytes, too large` : "not a file";
    return {
      kind: "invalid",
      errors: [{ key: "", line: null, message: `${CONFIG_PATH} is ${what}` }],
    };
  }
  const result = parseConfig(new TextDecoder().decode(file.bytes));
  return result.ok
    ? { kind: "config", config: result.config }
    : { kind: "invalid", errors: result.errors };
}
