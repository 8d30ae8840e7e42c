/**
 * Webhook payloads as GitHub sends them, for the emulator and the app's
 * tests: built from GitHub's published examples and checked against GitHub's
 * published schemas.
 */
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";

/** What a payload needs to know of a repository. */
export interface PayloadRepository {
  owner: string;
  repo: string;
  defaultBranch: string;
  htmlUrl: string;
  branches: ReadonlyMap<string, string>;
  /** The paths a commit added, removed and modified against another. */
  diff(
    before: string | null,
    after: string,
  ): { added: string[]; removed: string[]; modified: string[] };
}

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples") as Array<{
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}>;
const schema = require("@octokit/webhooks-schemas") as Record<string, unknown>;

const ajv = new Ajv({ strict: false, allErrors: true });
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
ajv.addSchema(schema, "webhooks");

/** A webhook delivery: event name and payload. */
export interface Delivery {
  name: string;
  payload: Record<string, unknown>;
}

function example(
  name: string,
  test: (example: Record<string, unknown>) => boolean,
): Record<string, unknown> {
  const found = examples.find((e) => e.name === name)?.examples.find(test);
  if (!found) throw new Error(`no ${name} example`);
  return structuredClone(found);
}

/**
 * Checks a payload against GitHub's schema for its event and action.
 * @throws Error listing what does not match
 */
export function validatePayload(name: string, payload: Record<string, unknown>): void {
  const definition = payload.action ? `${name}$${String(payload.action)}` : `${name}$event`;
  const validate = ajv.getSchema(`webhooks#/definitions/${definition}`);
  if (!validate) throw new Error(`no schema for ${definition}`);
  if (!validate(payload))
    throw new Error(
      `${definition} payload does not match GitHub's schema: ${ajv.errorsText(validate.errors)}`,
    );
}

function repository(
  github: PayloadRepository,
  base: Record<string, unknown>,
): Record<string, unknown> {
  const owner = { ...(base.owner as Record<string, unknown>), login: github.owner };
  return {
    ...base,
    name: github.repo,
    full_name: `${github.owner}/${github.repo}`,
    owner,
    html_url: github.htmlUrl,
    default_branch: github.defaultBranch,
    ...("master_branch" in base ? { master_branch: github.defaultBranch } : {}),
  };
}

/** The installation every payload names. */
export const INSTALLATION = { id: 42, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=" };

/**
 * A push of commits (oldest first) to a branch, listing each commit's files
 * as GitHub does, at most 20.
 */
export function pushPayload(
  github: PayloadRepository,
  options: {
    before: string | null;
    after: string;
    branch?: string;
    /** Each pushed commit with its parent, oldest first. */
    commits: Array<{ sha: string; parent: string | null }>;
    forced?: boolean;
    deleted?: boolean;
    ref?: string;
  },
): Delivery {
  const base = example(
    "push",
    (e) => Array.isArray(e.commits) && (e.commits as unknown[]).length > 0,
  );
  const template = (base.commits as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
  const commits = options.commits.map(({ sha, parent }) => ({
    ...template,
    id: sha,
    tree_id: sha,
    url: `${github.htmlUrl}/commit/${sha}`,
    ...github.diff(parent, sha),
  }));
  const zero = "0".repeat(40);
  const payload = {
    ...base,
    ref: options.ref ?? `refs/heads/${options.branch ?? github.defaultBranch}`,
    before: options.before ?? zero,
    after: options.deleted ? zero : options.after,
    created: options.before === null,
    deleted: options.deleted ?? false,
    forced: options.forced ?? false,
    compare: `${github.htmlUrl}/compare/${options.before ?? zero}...${options.after}`,
    commits: commits.slice(-20),
    head_commit: options.deleted ? null : (commits.at(-1) ?? null),
    repository: repository(github, base.repository as Record<string, unknown>),
    installation: INSTALLATION,
  };
  validatePayload("push", payload);
  return { name: "push", payload };
}

/** A pull request opened (or synchronized) from a branch onto the default branch. */
export function pullRequestPayload(
  github: PayloadRepository,
  options: { number: number; head: string; action?: "opened" | "synchronize" | "reopened" },
): Delivery {
  const action = options.action ?? "opened";
  const base = example("pull_request", (e) => e.action === action);
  const pull = base.pull_request as Record<string, unknown>;
  // The published example predates fields the schema now requires.
  const repo = {
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: "public",
    custom_properties: {},
    ...repository(github, base.repository as Record<string, unknown>),
  };
  const payload = {
    ...base,
    number: options.number,
    pull_request: {
      auto_merge: null,
      active_lock_reason: null,
      ...pull,
      number: options.number,
      head: { ...(pull.head as object), sha: options.head, ref: "feature", repo },
      base: {
        ...(pull.base as object),
        sha: github.branches.get(github.defaultBranch),
        ref: github.defaultBranch,
        repo,
      },
    },
    repository: repo,
    installation: INSTALLATION,
  };
  validatePayload("pull_request", payload);
  return { name: "pull_request", payload };
}

/** A new comment on an issue by a user. */
export function commentPayload(
  github: PayloadRepository,
  options: {
    issue: number;
    body: string;
    user: string;
    id?: number;
    /** The issue as it is, when the payload should carry it (body, comment count, state). */
    current?: { body: string; comments: number; state: "open" | "closed" };
    /** When the comment was made (ISO 8601), by the emulated clock. */
    createdAt?: string;
  },
): Delivery {
  const base = example("issue_comment", (e) => e.action === "created" && "installation" in e);
  const comment = base.comment as Record<string, unknown>;
  const sender = { ...(base.sender as object), login: options.user, type: "User" };
  const payload = {
    ...base,
    issue: { ...(base.issue as object), number: options.issue, ...(options.current ?? {}) },
    comment: {
      ...comment,
      id: options.id ?? 555,
      body: options.body,
      user: sender,
      ...(options.createdAt
        ? { created_at: options.createdAt, updated_at: options.createdAt }
        : {}),
    },
    sender,
    repository: repository(github, base.repository as Record<string, unknown>),
    installation: INSTALLATION,
  };
  validatePayload("issue_comment", payload);
  return { name: "issue_comment", payload };
}

/** A button pressed on a check run the app made. */
export function checkRunActionPayload(
  github: PayloadRepository,
  options: {
    checkRun: { id: number; head_sha: string; name: string; external_id?: string };
    identifier: string;
    /** Who pressed it; by default the repository's owner. */
    user?: string;
  },
): Delivery {
  const base = example("check_run", (e) => e.action === "requested_action");
  const run = base.check_run as Record<string, unknown>;
  const payload = {
    ...base,
    sender: { ...(base.sender as object), login: options.user ?? github.owner, type: "User" },
    check_run: {
      ...run,
      id: options.checkRun.id,
      head_sha: options.checkRun.head_sha,
      name: options.checkRun.name,
      external_id: options.checkRun.external_id ?? "",
    },
    requested_action: { identifier: options.identifier },
    repository: repository(github, base.repository as Record<string, unknown>),
    installation: INSTALLATION,
  };
  validatePayload("check_run", payload);
  return { name: "check_run", payload };
}

/** The app installed on the fake's repository. */
export function installationPayload(github: PayloadRepository): Delivery {
  const base = example("installation", (e) => e.action === "created");
  const repos = base.repositories as Array<Record<string, unknown>>;
  const payload = {
    ...base,
    installation: { ...(base.installation as object), id: INSTALLATION.id },
    repositories: [{ ...repos[0], name: github.repo, full_name: `${github.owner}/${github.repo}` }],
  };
  validatePayload("installation", payload);
  return { name: "installation", payload };
}

/** An issue opened, edited, closed or reopened, by a person or by the app. */
export function issuePayload(
  github: PayloadRepository,
  options: {
    action: "opened" | "edited" | "closed" | "reopened";
    issue: { number: number; title: string; body: string; state: string };
    user: string;
  },
): Delivery {
  // The one example of GitHub's that meets the current schema, made into each action.
  const base = example("issues", (e) => e.action === "opened");
  const sender = {
    ...(base.sender as object),
    login: options.user,
    type: options.user.endsWith("[bot]") ? "Bot" : "User",
  };
  const payload = {
    ...base,
    issue: {
      ...(base.issue as object),
      number: options.issue.number,
      title: options.issue.title,
      body: options.issue.body,
      state: options.issue.state,
      ...(options.issue.state === "open"
        ? { closed_at: null, state_reason: options.action === "reopened" ? "reopened" : null }
        : { closed_at: "2026-01-01T00:00:00Z", state_reason: "completed" }),
    },
    action: options.action,
    ...(options.action === "edited" ? { changes: {} } : {}),
    sender,
    repository: repository(github, base.repository as Record<string, unknown>),
    installation: INSTALLATION,
  };
  validatePayload("issues", payload);
  return { name: "issues", payload };
}

/**
 * A workflow run by hand (`workflow_dispatch`), as a workflow's
 * GITHUB_EVENT_PATH holds it: its branch and inputs.
 */
export function workflowDispatchPayload(
  github: PayloadRepository,
  options: { inputs: Record<string, string>; workflow: string; branch?: string },
): Delivery {
  const base = example("workflow_dispatch", () => true);
  const payload = {
    ...base,
    inputs: options.inputs,
    ref: `refs/heads/${options.branch ?? github.defaultBranch}`,
    workflow: options.workflow,
    // The published example predates fields the schema now requires.
    repository: {
      web_commit_signoff_required: false,
      custom_properties: {},
      ...repository(github, base.repository as Record<string, unknown>),
    },
  };
  validatePayload("workflow_dispatch", payload);
  return { name: "workflow_dispatch", payload };
}
