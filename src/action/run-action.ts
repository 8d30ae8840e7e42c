/**
 * What the Action does for each event that starts it.
 */
import { reportConfigErrors } from "../app/report-outcome.js";
import type { ConfigError } from "../config/parse-config.js";
import { changedPaths } from "../github/changed-paths.js";
import { countRequests } from "../github/count-requests.js";
import { pullRequestPaths } from "../github/pull-request-paths.js";
import { CONFIG_PATH, loadConfig, type LoadedConfig } from "../github/load-config.js";
import type { PushFacts } from "../github/payload-paths.js";
import { postCheckRun } from "./post-check-run.js";
import { syncAndReport } from "./sync-and-report.js";
import type { ActionContext, ActionRun } from "./types.js";

/** The events the Action handles. */
export const ACTION_EVENTS = ["push", "pull_request", "workflow_dispatch", "schedule"];

/**
 * Runs the Action for the workflow's event, with the app's steps:
 * - push: as the app handles a push (src/app/handle-push.ts): the
 *   configuration at the pushed commit, the synced branch only, the changed
 *   documents only (all of them when the configuration changed), at the
 *   branch head when the push is no longer it;
 * - pull_request: the app's preview (src/app/handle-pull-request.ts),
 *   which writes no issue;
 * - workflow_dispatch and schedule: every document at the synced branch's
 *   head, as the app's Continue button does (src/app/sync-branch-head.ts);
 *   with the `confirm` input, the blocked plan of that digest is applied.
 */
export async function runAction(context: ActionContext): Promise<ActionRun> {
  countRequests(context.octokit);
  const { event } = context.environment;
  switch (event) {
    case "push":
      return runPush(context);
    case "pull_request":
      return runPullRequest(context);
    case "workflow_dispatch":
    case "schedule":
      return runBranchHead(context);
    default:
      return {
        kind: "refused",
        reason: `ideas-sync runs on ${ACTION_EVENTS.join(", ")}, not on ${event}: see "Use it as an Action" in the README for the workflow`,
      };
  }
}

interface PushPayload extends PushFacts {
  ref: string;
  deleted?: boolean;
  repository: { default_branch: string; html_url: string };
}

async function runPush(context: ActionContext): Promise<ActionRun> {
  const { octokit, environment } = context;
  const { repo } = environment;
  const payload = environment.payload as unknown as PushPayload;
  if (payload.deleted || !payload.ref?.startsWith("refs/heads/"))
    return { kind: "skipped", reason: `${payload.ref} is not a branch that was pushed to` };
  const branch = payload.ref.slice("refs/heads/".length);
  const onDefault = branch === payload.repository.default_branch;
  // A push to another branch is the synced one only if the default branch's configuration says so.
  const configSha = onDefault ? payload.after : payload.repository.default_branch;
  const loaded = await loadConfig(octokit, repo, configSha);
  const repositoryUrl = payload.repository.html_url;
  if (loaded.kind !== "config") return configProblem(context, loaded, payload.after, repositoryUrl);
  const synced = loaded.config.branch ?? payload.repository.default_branch;
  if (branch !== synced)
    return { kind: "skipped", reason: `${branch} is not the synced branch, ${synced}` };
  const changed = await changedPaths(octokit, repo, payload);
  const paths =
    changed === null || changed.has(CONFIG_PATH)
      ? null
      : new Set(loaded.config.documents.map((d) => d.path).filter((p) => changed.has(p)));
  if (paths?.size === 0) return { kind: "skipped", reason: "the push changes no document" };
  // Runs of a workflow may start late and out of order: the issues follow
  // the branch head, never an older commit.
  const { data: head } = await octokit.rest.repos.getBranch({ ...repo, branch });
  let config = loaded.config;
  const target = { sha: payload.after, branch, repositoryUrl };
  if (head.commit.sha !== payload.after) {
    context.log(
      { head: head.commit.sha },
      "the push is no longer the branch head: syncing the head",
    );
    const atHead = await loadConfig(octokit, repo, head.commit.sha);
    if (atHead.kind !== "config")
      return configProblem(context, atHead, head.commit.sha, repositoryUrl);
    config = atHead.config;
  }
  const documents = await syncAndReport(
    context,
    head.commit.sha === payload.after ? target : { ...target, documentSha: head.commit.sha },
    config,
    { paths, mode: "apply" },
  );
  return { kind: "ran", mode: "apply", ...target, documents };
}

interface PullRequestPayload {
  action: string;
  pull_request: { number: number; head: { sha: string }; base: { ref: string } };
  repository: { default_branch: string; html_url: string };
}

async function runPullRequest(context: ActionContext): Promise<ActionRun> {
  const { octokit, environment } = context;
  const { repo } = environment;
  const payload = environment.payload as unknown as PullRequestPayload;
  if (!["opened", "synchronize", "reopened"].includes(payload.action))
    return { kind: "skipped", reason: `a pull request ${payload.action} changes no document` };
  const { pull_request: pull, repository } = payload;
  const loaded = await loadConfig(octokit, repo, pull.head.sha);
  if (loaded.kind !== "config")
    return configProblem(context, loaded, pull.head.sha, repository.html_url);
  const synced = loaded.config.branch ?? repository.default_branch;
  if (pull.base.ref !== synced)
    return { kind: "skipped", reason: `the pull request is not for the synced branch, ${synced}` };
  const changed = await pullRequestPaths(octokit, repo, pull.number);
  const paths = changed.has(CONFIG_PATH)
    ? null
    : new Set(loaded.config.documents.map((d) => d.path).filter((p) => changed.has(p)));
  if (paths?.size === 0) return { kind: "skipped", reason: "the pull request changes no document" };
  const target = { sha: pull.head.sha, branch: pull.base.ref, repositoryUrl: repository.html_url };
  const documents = await syncAndReport(context, target, loaded.config, { paths, mode: "preview" });
  return { kind: "ran", mode: "preview", ...target, documents };
}

async function runBranchHead(context: ActionContext): Promise<ActionRun> {
  const { octokit, environment } = context;
  const { repo } = environment;
  const { data: repository } = await octokit.rest.repos.get({ ...repo });
  const loaded = await loadConfig(octokit, repo, repository.default_branch);
  if (loaded.kind !== "config")
    return configProblem(context, loaded, environment.sha, repository.html_url);
  const branch = loaded.config.branch ?? repository.default_branch;
  const { data: head } = await octokit.rest.repos.getBranch({ ...repo, branch });
  const target = { sha: head.commit.sha, branch, repositoryUrl: repository.html_url };
  const documents = await syncAndReport(context, target, loaded.config, {
    paths: null,
    mode: "apply",
  });
  return { kind: "ran", mode: "apply", ...target, documents };
}

// No configuration, or one that cannot be used: the job fails and says so;
// a configuration with errors also gets the app's check run, each error on its line.
async function configProblem(
  context: ActionContext,
  loaded: Exclude<LoadedConfig, { kind: "config" }>,
  sha: string,
  repositoryUrl: string,
): Promise<ActionRun> {
  if (loaded.kind === "none")
    return {
      kind: "refused",
      reason: `${CONFIG_PATH} is not in ${sha.slice(0, 7)}: it says which documents to sync (docs/configuration.md)`,
    };
  const errors: ConfigError[] = loaded.errors;
  const requests = countRequests(context.octokit);
  const report = reportConfigErrors(errors, {
    name: "ideas-sync",
    sha,
    repositoryUrl,
    requests: { reads: requests.reads, writes: requests.writes },
  });
  const checkRunUrl = await postCheckRun(
    context.octokit,
    context.environment.repo,
    report,
    context.log,
  );
  return { kind: "bad-config", sha, errors, report, checkRunUrl };
}
