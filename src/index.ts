/**
 * The ideas-sync GitHub App: which events it handles, and with what.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunction, ApplicationFunctionOptions, Context, Probot } from "probot";
import { createAppState, type AppOptions, type AppState } from "./app/app-state.js";
import type { JobHandlers, StoredDelivery } from "./app/durable-jobs.js";
import { handleCheckRunAction } from "./app/handle-check-run-action.js";
import { handleInstallation } from "./app/handle-installation.js";
import { handleIssueChange } from "./app/handle-issue-change.js";
import { handleIssueComment } from "./app/handle-issue-comment.js";
import { handlePullRequest } from "./app/handle-pull-request.js";
import { handlePush } from "./app/handle-push.js";
import { InFlight } from "./app/in-flight.js";
import { reportFailure } from "./app/report-failure.js";
import { resumeRepository } from "./app/resume-repository.js";
import { runDelivery } from "./app/run-delivery.js";
import { runLog } from "./app/run-log.js";
import { countRequests } from "./github/count-requests.js";
import type { Octokit } from "./github/octokit.js";

/**
 * Makes the app with its options (tests pass a clock that takes no time).
 * Every handler runs once per delivery (a redelivery is ignored), after the
 * delivery was answered. `inFlight` keeps the deliveries being worked on;
 * once it drains, new deliveries are answered 503 (see src/server.ts).
 * With a job queue (`options.jobs`), a delivery is stored as a job before it
 * is answered, and run when a replica takes the job.
 */
export function createApp(
  options: AppOptions = {},
  inFlight: InFlight = new InFlight(),
): ApplicationFunction {
  return (app: Probot, probotOptions?: ApplicationFunctionOptions) => {
    const state = createAppState(app, options);
    // Probot's server takes handlers; a bare Probot (in tests) has none and throws.
    try {
      probotOptions?.addHandler?.(idleHandler(state));
    } catch {
      // no server: nothing to wait on over HTTP
    }
    // Deliveries this process received from the job queue, to run rather than store.
    const fromQueue = new Set<string>();
    const once =
      <C extends Context>(handler: (context: C) => Promise<void>) =>
      async (context: C): Promise<void> => {
        if (state.jobs) {
          if (!fromQueue.has(context.id)) {
            // Answered once stored: from then on a replica's death loses nothing.
            if (
              !(await state.jobs.store({
                id: context.id,
                name: context.name,
                payload: context.payload,
              }))
            )
              context.log.info({ delivery: context.id }, "delivery already handled");
            return;
          }
          countRequests(context.octokit as Octokit);
          await runDelivery(state, context, handler).catch((error: unknown) =>
            reportFailure(context, error),
          );
          return;
        }
        // Thrown before it is recorded as seen: GitHub may deliver it again, to the next process.
        if (inFlight.draining)
          throw Object.assign(new Error("ideas-sync is shutting down: deliver again later"), {
            status: 503,
          });
        if (!state.deliveries.add(context.id)) {
          context.log.info({ delivery: context.id }, "delivery already handled");
          return;
        }
        // Counted from here, so that reports include the reads that decided to run.
        countRequests(context.octokit as Octokit);
        // Answered at once: GitHub waits 10 s for an answer, a sync may take minutes.
        const run = runDelivery(state, context, handler).catch((error: unknown) =>
          reportFailure(context, error),
        );
        state.runs.track(run, (error) =>
          context.log.error({ err: error, delivery: context.id }, `${context.name} failed`),
        );
        const repository = (context.payload as { repository?: { full_name?: string } }).repository;
        inFlight.add(
          {
            delivery: context.id,
            event: context.name,
            repository: repository?.full_name ?? null,
            since: Date.now(),
          },
          run.catch(() => undefined),
        );
      };
    wire(app, state, once);
    if (state.jobs) return state.jobs.start(jobHandlers(app, state, fromQueue));
  };
}

/** What the job queue's jobs do: receive a stored delivery, or continue a repository's work. */
function jobHandlers(app: Probot, state: AppState, fromQueue: Set<string>): JobHandlers {
  const receive = async (delivery: StoredDelivery, coalesced: boolean): Promise<void> => {
    const payload = delivery.payload as { repository?: { full_name?: string }; ref?: string };
    // Pushes replaced in the queue by this one: its own files do not tell what changed.
    if (coalesced && payload.repository?.full_name && payload.ref?.startsWith("refs/heads/"))
      state.queue.skip(
        `${payload.repository.full_name}:${payload.ref.slice("refs/heads/".length)}`,
      );
    fromQueue.add(delivery.id);
    try {
      await app.receive(delivery as Parameters<Probot["receive"]>[0]);
    } finally {
      fromQueue.delete(delivery.id);
    }
  };
  return {
    async delivery(deliveries) {
      const newest = deliveries.at(-1);
      if (newest) await receive(newest, deliveries.length > 1);
    },
    async later(job) {
      state.installations.set(job.repository, job.installation);
      state.continuations.resume(job.repository, job.inARow);
      if (job.sleepMs > 0) await state.sleep(job.sleepMs);
      if (job.work.kind === "delivery") return receive(job.work.delivery, false);
      const renewed = state.tokens.get(job.installation);
      const octokit =
        renewed && renewed.expiresAt > Date.now()
          ? renewed.octokit()
          : ((await app.auth(job.installation)) as Octokit);
      countRequests(octokit);
      await resumeRepository(
        state,
        job.repository,
        octokit,
        runLog(app.log.child({ repository: job.repository })),
      );
    },
  };
}

function wire(
  app: Probot,
  state: AppState,
  once: <C extends Context>(
    handler: (context: C) => Promise<void>,
  ) => (context: C) => Promise<void>,
): void {
  app.on("push", once(handlePush(state)));
  app.on(
    ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
    once(handlePullRequest(state)),
  );
  app.on(
    ["installation.created", "installation_repositories.added"],
    once(handleInstallation(state)),
  );
  app.on("issue_comment.created", once(handleIssueComment(state)));
  app.on("check_run.requested_action", once(handleCheckRunAction(state)));
  // Not queued: forgetting must not wait behind the sync it may concern.
  app.on(["issues", "label"], handleIssueChange(state));
}

/**
 * `GET /ideas-sync/idle` answers once no sync is running: deliveries are
 * answered before their sync ends, and a deploy script or a test can wait
 * for the work to be done.
 */
function idleHandler(state: AppState) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== "GET" || request.url?.split("?")[0] !== "/ideas-sync/idle") return false;
    await state.runs.idle();
    await state.jobs?.idle();
    response.writeHead(200, { "content-type": "application/json" }).end('{"running":0}');
    return true;
  };
}

/** The app as Probot loads it. */
export default createApp();
