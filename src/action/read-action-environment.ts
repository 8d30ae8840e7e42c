/**
 * What GitHub tells an Action through its environment.
 */
import type { RepoRef } from "../github/octokit.js";

/** The login issues made with a workflow's GITHUB_TOKEN are created under. */
export const WORKFLOW_LOGIN = "github-actions[bot]";

/** The run's event, repository, token and inputs. */
export interface ActionEnvironment {
  /** GITHUB_EVENT_NAME: push, pull_request, workflow_dispatch, schedule, … */
  event: string;
  /** The event's payload, read from GITHUB_EVENT_PATH. */
  payload: Record<string, unknown>;
  repo: RepoRef;
  /** GITHUB_SHA: the commit the workflow runs on. */
  sha: string;
  /** GITHUB_REF, such as refs/heads/main. */
  ref: string;
  /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise server's API. */
  apiUrl: string;
  /** GITHUB_SERVER_URL: where repositories are seen on the web. */
  serverUrl: string;
  /** The token input, or GITHUB_TOKEN. */
  token: string;
  /** The confirm input: the digest of a blocked plan to apply; null when empty. */
  confirm: string | null;
  /** The login the Action's issues are created under (the issue-creator input). */
  creator: string;
  /** The workflow's file name, such as ideas.yml (from GITHUB_WORKFLOW_REF), for `gh workflow run`. */
  workflowFile: string | null;
}

/**
 * Reads the variables GitHub sets for an Action and its `INPUT_*` inputs
 * (an input `issue-creator` is `INPUT_ISSUE-CREATOR`, as the runner names it).
 * @param env the process's environment
 * @param readFile reads the event's payload file
 * @returns the environment, or one line saying what is missing or wrong
 */
export function readActionEnvironment(
  env: Record<string, string | undefined>,
  readFile: (path: string) => string,
): { ok: true; environment: ActionEnvironment } | { ok: false; message: string } {
  const input = (name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? "").trim();
  const missing = ["GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITHUB_REPOSITORY"].filter(
    (name) => !env[name]?.trim(),
  );
  if (missing.length > 0)
    return {
      ok: false,
      message: `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set: ideas-sync runs as a step of a GitHub Actions job`,
    };
  const repository = (env.GITHUB_REPOSITORY as string).trim();
  const [owner, repo, ...rest] = repository.split("/");
  if (!owner || !repo || rest.length > 0)
    return { ok: false, message: `GITHUB_REPOSITORY is "${repository}", not OWNER/REPO` };
  const token = input("token") || env.GITHUB_TOKEN?.trim() || "";
  if (!token)
    return {
      ok: false,
      message:
        "no token: the token input is empty and GITHUB_TOKEN is not set (the default, ${{ github.token }}, needs permissions issues: write, checks: write, contents: read)",
    };
  const path = (env.GITHUB_EVENT_PATH as string).trim();
  let payload: unknown;
  try {
    payload = JSON.parse(readFile(path));
  } catch (error) {
    return {
      ok: false,
      message: `GITHUB_EVENT_PATH ${path}: ${error instanceof SyntaxError ? `not JSON (${error.message})` : (error as Error).message}`,
    };
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload))
    return { ok: false, message: `GITHUB_EVENT_PATH ${path}: not a JSON object` };
  const confirm = input("confirm");
  if (confirm && !/^[0-9a-f]{16}$/.test(confirm))
    return {
      ok: false,
      message: `the confirm input is "${confirm}", not a plan's digest (16 hexadecimal digits, as a blocked run prints it)`,
    };
  // owner/repo/.github/workflows/ideas.yml@refs/heads/main
  const workflowFile = /\/\.github\/workflows\/([^@/]+)@/.exec(env.GITHUB_WORKFLOW_REF ?? "")?.[1];
  return {
    ok: true,
    environment: {
      event: (env.GITHUB_EVENT_NAME as string).trim(),
      payload: payload as Record<string, unknown>,
      repo: { owner, repo },
      sha: env.GITHUB_SHA?.trim() ?? "",
      ref: env.GITHUB_REF?.trim() ?? "",
      apiUrl: (env.GITHUB_API_URL?.trim() || "https://api.github.com").replace(/\/+$/, ""),
      serverUrl: (env.GITHUB_SERVER_URL?.trim() || "https://github.com").replace(/\/+$/, ""),
      token,
      confirm: confirm || null,
      creator: input("issue-creator") || WORKFLOW_LOGIN,
      workflowFile: workflowFile ?? null,
    },
  };
}
