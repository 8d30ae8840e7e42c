/**
 * The Octokit class the app runs with: Probot's, held to one policy on
 * limits and retries (docs/deployment.md, "Rate limits and retries").
 */
import { ProbotOctokit } from "probot";

/**
 * A request whose repetition could make a second copy of what it wrote:
 * POST creates (issues, comments, labels, check runs, reactions). PATCH,
 * PUT and DELETE set a state, and GET reads: those may be retried.
 */
function createsSomething(method: string): boolean {
  return method.toUpperCase() === "POST";
}

/**
 * Probot's Octokit with the app's policy:
 * - no request waits for a rate limit inside Octokit: Probot's handlers
 *   would wait up to an hour and retry; the app instead waits out short
 *   secondary limits per write and leaves the rest for a continuation it
 *   schedules at the limit's reset (src/app/continuations.ts);
 * - the retry plugin retries reads and idempotent writes after a 5xx or a
 *   reset connection, never a POST: GitHub may have made it before failing,
 *   and the next run's listing tells whether it did.
 * @param throttle false turns Probot's spacing of writes off (the app then
 *   spaces them itself, by an emulated clock)
 */
export function appOctokit(throttle: boolean): typeof ProbotOctokit {
  const policy = (octokit: Pick<InstanceType<typeof ProbotOctokit>, "hook">) => {
    // Registered after the retry plugin, so it runs first and the plugin
    // reads the request's own count.
    octokit.hook.before("request", (options) => {
      if (createsSomething(String(options.method)))
        options.request = { ...options.request, retries: 0 };
    });
  };
  return ProbotOctokit.plugin(policy).defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: {
      ...(options.throttle as object | undefined),
      enabled: throttle,
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false,
    },
  })) as typeof ProbotOctokit;
}
