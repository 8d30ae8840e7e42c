/**
 * The ideas-sync GitHub App: which events it handles, and with what.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunction, ApplicationFunctionOptions, Context, Probot } from "probot";
import { createAppState, type AppOptions, type AppState } from "./app/app-state.js";
import { handleCheckRunAction } from "./app/handle-check-run-action.js";
import { handleInstallation } from "./app/handle-installation.js";
import { handleIssueComment } from "./app/handle-issue-comment.js";
import { handlePullRequest } from "./app/handle-pull-request.js";
import { handlePush } from "./app/handle-push.js";
import { InFlight } from "./app/in-flight.js";
import { reportFailure } from "./app/report-failure.js";
import { runDelivery } from "./app/run-delivery.js";
import { countRequests } from "./github/count-requests.js";
import type { Octokit } from "./github/octokit.js";

/**
 * Makes the app with its options (tests pass a clock that takes no time).
 * Every handler runs once per delivery (a redelivery is ignored), after the
 * delivery was answered. `inFlight` keeps the deliveries being worked on;
 * once it drains, new deliveries are answered 503 (see src/server.ts).
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
    const once =
      <C extends Context>(handler: (context: C) => Promise<void>) =>
      async (context: C): Promise<void> => {
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
    response.writeHead(200, { "content-type": "application/json" }).end('{"running":0}');
    return true;
  };
}

/** The app as Probot loads it. */
export default createApp();
