/**
 * The app's own count of GitHub's secondary limits on creating content.
 */
import type { Octokit } from "./octokit.js";

/** GitHub's documented limits on content-creating requests. */
export const CREATION_LIMITS = { perMinute: 80, perHour: 500 } as const;

/** Content created through one installation: when, by GitHub's clock (ms). */
export interface CreationBudget {
  times: number[];
  /** GitHub's clock as its last answer gave it, and the ms the app slept since. */
  clock: { date: number; slept: number } | null;
}

// Issues, comments, labels and reactions: what GitHub counts as creating
// content ("/ideas-sync" commands are answered with a reaction).
const CREATES =
  /^\/repos\/[^/]+\/[^/]+\/(?:issues|issues\/[^/]+\/comments|labels|issues\/(?:comments\/)?[^/]+\/reactions)$/;

const paced = new WeakSet<object>();

/**
 * Keeps an installation's content-creating requests within GitHub's
 * secondary limits (80 a minute, 500 an hour), so that GitHub never has to
 * refuse one: before each, waits until the count allows it, by GitHub's
 * clock (each answer's `date`, and the time slept since). A wait longer
 * than `maxWaitMs` is not waited: the request fails as GitHub would fail it,
 * a 403 with `retry-after`, and the run leaves the rest for later. The
 * count errs on the safe side: a creation counts from the second after its
 * answer's date, and the clock only moves by what was slept.
 * @param octokit the Octokit of a run; hooked once
 * @param budget the installation's count, shared by all its runs
 */
export function paceCreations(
  octokit: Octokit,
  budget: CreationBudget,
  options: { sleep: (ms: number) => Promise<void>; maxWaitMs: number },
): void {
  if (paced.has(octokit)) return;
  paced.add(octokit);
  octokit.hook.wrap("request", async (request, endpoint) => {
    const creates =
      String(endpoint.method).toUpperCase() === "POST" &&
      CREATES.test(String(endpoint.url).split("?")[0] as string);
    let reserved: number | null = null;
    // Another run of the installation may take the room while this one
    // waits: the count is looked at again after each wait.
    for (let wait = creates ? waitMs(budget) : 0; wait > 0; wait = waitMs(budget)) {
      if (wait > options.maxWaitMs)
        throw Object.assign(
          new Error(
            `secondary rate limit: ideas-sync holds back content creation to GitHub's ${CREATION_LIMITS.perMinute} a minute and ${CREATION_LIMITS.perHour} an hour`,
          ),
          { status: 403, response: { headers: { "retry-after": String(Math.ceil(wait / 1000)) } } },
        );
      // Runs of one installation wait side by side: the clock moves to the
      // latest time any of them waited for, never by the sum of their waits.
      const until = now(budget) + wait;
      await options.sleep(wait);
      if (budget.clock)
        budget.clock.slept = Math.max(budget.clock.slept, until - budget.clock.date);
    }
    if (creates) {
      // Counted before it is sent, so that a run beside this one sees it.
      reserved = now(budget) + 1000;
      insert(budget.times, reserved);
    }
    try {
      const response = await request(endpoint);
      const date = tick(budget, response.headers.date);
      if (reserved !== null) settle(budget, reserved, date + 1000);
      return response;
    } catch (error) {
      const headers = (error as { response?: { headers?: Record<string, string> } }).response
        ?.headers;
      tick(budget, headers?.date);
      // Not created (or, after a 5xx, perhaps created: counting it errs on the safe side).
      if (reserved !== null) {
        const status = (error as { status?: number }).status ?? 0;
        if (status > 0 && status < 500) settle(budget, reserved, null);
      }
      throw error;
    }
  });
}

// Moves the clock to an answer's date; returns the time of that answer.
function tick(budget: CreationBudget, header: string | undefined): number {
  const date = Date.parse(header ?? "");
  if (Number.isFinite(date) && (!budget.clock || date >= now(budget)))
    budget.clock = { date, slept: 0 };
  return budget.clock ? now(budget) : Date.now();
}

function now(budget: CreationBudget): number {
  return budget.clock ? budget.clock.date + budget.clock.slept : Date.now();
}

// Replaces a creation counted before it was sent by its time as GitHub
// answered it (`date` has whole seconds: up to a second later), or drops
// it when GitHub did not make it; forgets creations over an hour old.
function settle(budget: CreationBudget, reserved: number, at: number | null): void {
  const index = budget.times.indexOf(reserved);
  if (index !== -1) budget.times.splice(index, 1);
  if (at !== null) insert(budget.times, Math.max(at, reserved));
  const hourAgo = now(budget) - 3_600_000;
  while ((budget.times[0] ?? Infinity) <= hourAgo) budget.times.shift();
}

// Keeps the times in order, as the count reads them.
function insert(times: number[], time: number): void {
  let i = times.length;
  while (i > 0 && (times[i - 1] as number) > time) i -= 1;
  times.splice(i, 0, time);
}

// How long until one more creation stays within both limits.
function waitMs(budget: CreationBudget): number {
  const at = now(budget);
  const times = budget.times.filter((t) => t > at - 3_600_000);
  const minute = times.filter((t) => t > at - 60_000);
  const perMinute =
    minute.length >= CREATION_LIMITS.perMinute
      ? (minute[minute.length - CREATION_LIMITS.perMinute] as number) + 60_000 - at
      : 0;
  const perHour =
    times.length >= CREATION_LIMITS.perHour
      ? (times[times.length - CREATION_LIMITS.perHour] as number) + 3_600_000 - at
      : 0;
  return Math.max(0, perMinute, perHour);
}
