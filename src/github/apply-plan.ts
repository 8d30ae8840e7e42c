/**
 * A plan → GitHub, one write at a time.
 */
import { noteOf } from "../plan/comment-note.js";
import { rebaseChanges } from "../plan/rebase-changes.js";
import type { Action, IssueChanges, IssueSnapshot, Plan } from "../plan/types.js";
import { toIssueSnapshots } from "./to-issue-snapshot.js";
import type { Octokit, RepoRef } from "./octokit.js";
import { limitOf } from "./limit-of.js";
import { refusalOf } from "./refused-write.js";
import { requestFailure, type RequestFailure } from "./request-error.js";

/** What applying needs besides the plan. */
export interface ApplyOptions {
  /** API writes this run may still make; actions beyond it are deferred. */
  maxWrites: number;
  /** The longest wait for a secondary rate limit this run accepts, in seconds. */
  maxWaitSeconds: number;
  sleep: (milliseconds: number) => Promise<void>;
  /** Milliseconds to wait before each write but the first. */
  spacingMs?: number;
  /** One line per write. */
  log: (fields: Record<string, unknown>, message: string) => void;
}

/** An action that was written, with the issue it wrote. */
export interface Applied {
  action: Action;
  /** The issue's number (for a created issue, the one GitHub gave it). */
  number: number | null;
}

/** An action GitHub refused for good; the run went on without it. */
export interface Refused {
  action: Action;
  reason: string;
}

/** What a run wrote, left for later, and why it stopped. */
export interface ApplyResult {
  applied: Applied[];
  /** Actions GitHub refused for their issue alone: skipped, planned again next run. */
  refused: Refused[];
  /** Actions not written; the next run plans them again. */
  deferred: Action[];
  /** Why the rest was deferred: the write cap, a rate limit, or an error. */
  stop: {
    reason: "write-cap" | "rate-limit" | "error";
    message: string;
    /** For a rate limit: milliseconds until it lifts, by GitHub's clock, when known. */
    resumeAfterMs?: number;
  } | null;
  writes: number;
  /** Seconds spent waiting out secondary rate limits. */
  waited: number;
}

class Deferred extends Error {
  constructor(
    readonly reason: "rate-limit" | "error",
    message: string,
    readonly failure: RequestFailure | null = null,
    readonly resumeAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Applies the plan's actions in order, serially. Each write is logged.
 * A secondary rate limit is waited out per `retry-after` (at most three times
 * per write, never longer than `maxWaitSeconds`); past that, and after any
 * other failure, the rest is deferred: every action is safe to plan again, so
 * the next run finishes the job. Writes that create (issues, comments) are not
 * retried blindly: after a 5xx GitHub may have made them, and the next run's
 * listing sees that.
 * @param plan a plan whose guards passed, or that a maintainer confirmed
 */
export async function applyPlan(
  octokit: Octokit,
  repo: RepoRef,
  plan: Plan,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const result: ApplyResult = {
    applied: [],
    refused: [],
    deferred: [],
    stop: null,
    writes: 0,
    waited: 0,
  };
  const write = async <T>(request: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt += 1) {
      if (options.spacingMs && (result.writes > 0 || attempt > 0))
        await options.sleep(options.spacingMs);
      try {
        const response = await request();
        result.writes += 1;
        return response;
      } catch (error) {
        const failure = requestFailure(error);
        const limit = limitOf(error);
        if (limit?.kind === "rate-limit" && failure.headers["x-ratelimit-remaining"] === "0") {
          const reset = Number(failure.headers["x-ratelimit-reset"]);
          throw new Deferred(
            "rate-limit",
            `the API rate limit is used up${Number.isFinite(reset) ? ` until ${new Date(reset * 1000).toISOString()}` : ""}`,
            failure,
            limit.afterMs,
          );
        }
        const wait = secondaryLimitWait(failure);
        if (wait === null) throw new Deferred("error", describe(failure), failure);
        if (attempt >= 3 || result.waited + wait > options.maxWaitSeconds)
          throw new Deferred(
            "rate-limit",
            `${describe(failure)} (retry after ${wait} s)`,
            failure,
            wait * 1000,
          );
        options.log({ wait, attempt: attempt + 1 }, `secondary rate limit: waiting ${wait} s`);
        await options.sleep(wait * 1000);
        result.waited += wait;
      }
    }
  };

  let index = 0;
  for (; index < plan.actions.length; index += 1) {
    const action = plan.actions[index] as Action;
    if (result.writes + writesOf(action) > options.maxWrites) {
      result.stop = {
        reason: "write-cap",
        message: `the cap of ${options.maxWrites} writes per run was reached`,
      };
      break;
    }
    try {
      const number = await applyAction(octokit, repo, action, write);
      result.applied.push({ action, number });
      options.log(
        { action: action.type, ...(number === null ? {} : { issue: number }), key: keyOf(action) },
        `${action.type}${number === null ? "" : ` #${number}`}: ${action.why}`,
      );
    } catch (error) {
      if (!(error instanceof Deferred)) throw error;
      const refusal = error.reason === "error" ? refusalOf(error.failure, action) : null;
      if (refusal !== null) {
        // One issue GitHub will not take must not hold up every other idea.
        result.refused.push({ action, reason: refusal });
        options.log(
          { action: action.type, key: keyOf(action), refused: refusal },
          `${action.type}: skipped, ${refusal}`,
        );
        continue;
      }
      result.stop = {
        reason: error.reason,
        message: error.message,
        ...(error.resumeAfterMs === undefined ? {} : { resumeAfterMs: error.resumeAfterMs }),
      };
      break;
    }
  }
  result.deferred = plan.actions.slice(index);
  return result;
}

async function applyAction(
  octokit: Octokit,
  repo: RepoRef,
  action: Action,
  write: <T>(request: () => Promise<T>) => Promise<T>,
): Promise<number | null> {
  // Creating writes are not retried by the retry plugin: a 5xx may hide a success.
  const once = { request: { retries: 0 } };
  switch (action.type) {
    case "create-label":
      try {
        await write(() =>
          octokit.rest.issues.createLabel({
            ...repo,
            name: action.label,
            color: action.color,
            description: action.description,
          }),
        );
      } catch (error) {
        // Someone made it since the labels were listed: it is there, as wanted.
        const exists =
          error instanceof Deferred &&
          error.failure?.status === 422 &&
          error.failure.codes.includes("already_exists");
        if (!exists) throw error;
      }
      return null;
    case "create-issue": {
      const { data } = await write(() =>
        octokit.rest.issues.create({
          ...repo,
          title: action.title,
          body: action.body,
          labels: action.labels,
          ...once,
        }),
      );
      return data.number;
    }
    // Issues are read back just before they are written: people may have
    // edited them since the listing, and what they changed is kept.
    case "update-issue":
    case "close-issue":
    case "reopen-issue": {
      const fresh = await readIssue(octokit, repo, action.number);
      const changes = rebaseChanges(
        action.changes,
        action.type === "close-issue" ? undefined : action.current.labels,
        fresh,
      );
      // A person closed it meanwhile: it stays as they left it.
      if (changes === null) return action.number;
      // Comments go before the write they announce, and are written once per
      // event: an earlier run may have written one and failed after it.
      if (action.type !== "update-issue" && action.comment)
        await commentOnce(
          octokit,
          repo,
          action.number,
          action.comment,
          action.priorComments,
          write,
        );
      if (Object.keys(changes).length > 0)
        await write(() => patchIssue(octokit, repo, action.number, changes));
      return action.number;
    }
    case "comment":
      await commentOnce(octokit, repo, action.number, action.body, action.priorComments, write);
      return action.number;
  }
}

function patchIssue(octokit: Octokit, repo: RepoRef, number: number, changes: IssueChanges) {
  return octokit.rest.issues.update({
    ...repo,
    issue_number: number,
    ...(changes.title === undefined ? {} : { title: changes.title }),
    ...(changes.body === undefined ? {} : { body: changes.body }),
    ...(changes.labels === undefined ? {} : { labels: changes.labels }),
    ...(changes.state === undefined ? {} : { state: changes.state }),
    ...(changes.stateReason === undefined ? {} : { state_reason: changes.stateReason }),
  });
}

/** The issue as GitHub has it now; a failure defers the rest of the run. */
async function readIssue(octokit: Octokit, repo: RepoRef, number: number): Promise<IssueSnapshot> {
  try {
    const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number });
    const read = toIssueSnapshots([data]);
    const issue = read.ok ? read.issues[0] : undefined;
    if (!issue) throw new Error(`issue #${number} is not what GitHub sends`);
    return issue;
  } catch (error) {
    throw readFailure(error);
  }
}

/** A failed read of the run: a rate limit defers the rest until it resets. */
function readFailure(error: unknown): Deferred {
  const failure = requestFailure(error);
  const limit = limitOf(error);
  return limit?.kind === "rate-limit"
    ? new Deferred("rate-limit", describe(failure), failure, limit.afterMs)
    : new Deferred("error", describe(failure), failure);
}

/**
 * Writes a comment unless the issue has one with the same note already. The
 * issue's comments are read only when it had some when listed.
 */
async function commentOnce(
  octokit: Octokit,
  repo: RepoRef,
  number: number,
  body: string,
  priorComments: number,
  write: <T>(request: () => Promise<T>) => Promise<T>,
): Promise<void> {
  const event = noteOf(body);
  if (event !== null && priorComments > 0) {
    let comments: Array<{ body?: string | null }>;
    try {
      comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...repo,
        issue_number: number,
        per_page: 100,
      });
    } catch (error) {
      throw readFailure(error);
    }
    if (comments.some((c) => noteOf(c.body ?? "") === event)) return;
  }
  await write(() => comment(octokit, repo, number, body));
}

function comment(octokit: Octokit, repo: RepoRef, number: number, body: string) {
  return octokit.rest.issues.createComment({
    ...repo,
    issue_number: number,
    body,
    request: { retries: 0 },
  });
}

/** Writes an action takes: its own, and its comment. */
function writesOf(action: Action): number {
  return (action.type === "close-issue" || action.type === "reopen-issue") && action.comment
    ? 2
    : 1;
}

function keyOf(action: Action): string | undefined {
  return action.type === "create-label" ? undefined : action.key;
}

/**
 * Seconds to wait when the failure is a secondary rate limit (403 or 429
 * with `retry-after`, or a message saying so), else null. Without a
 * `retry-after`, GitHub asks for at least a minute.
 */
function secondaryLimitWait(failure: RequestFailure): number | null {
  if (failure.status !== 403 && failure.status !== 429) return null;
  const retryAfter = Number(failure.headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.max(1, Math.ceil(retryAfter));
  if (/secondary rate limit|abuse/i.test(failure.message)) return 60;
  return null;
}

function describe(failure: RequestFailure): string {
  return failure.status === null ? failure.message : `${failure.status}: ${failure.message}`;
}
