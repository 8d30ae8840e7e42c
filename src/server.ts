/**
 * `npm start`: the app behind Probot's web server, configured from the
 * environment (see docs/deployment.md).
 */
import { run, type Logger } from "probot";
import type { AppOptions } from "./app/app-state.js";
import { InFlight } from "./app/in-flight.js";
import { appOctokit } from "./github/app-octokit.js";
import { createApp } from "./index.js";
import { startJobQueue } from "./queue/start-job-queue.js";
import { checkCredentials } from "./startup/check-credentials.js";
import { stopJobsOnSignals } from "./startup/stop-jobs-on-signals.js";
import { stopOnSignals } from "./startup/stop-on-signals.js";

// A deployment that cannot work says so in one line and stops, before it
// listens: a health check must not find it healthy.
function refuse(message: string): never {
  process.stderr.write(`ideas-sync cannot start: ${message}\n`);
  process.exit(1);
}

const credentials = checkCredentials(process.env);
if (credentials.kind === "error") refuse(credentials.message);
const grace = process.env.IDEAS_SYNC_GRACE_SECONDS ?? "25";
const graceSeconds = Number(grace);
if (grace.trim() === "" || !Number.isFinite(graceSeconds) || graceSeconds < 0)
  refuse(`IDEAS_SYNC_GRACE_SECONDS is "${grace}", not a number of seconds`);
// Probot's setup page would open a smee.io channel with smee-client, which it
// loads only under npx; under `npm start` it cannot, and warns "SmeeClient is
// not available". The page works without one (see docs/deployment.md).
if (credentials.kind === "setup" && !process.env.WEBHOOK_PROXY_URL)
  process.env.NO_SMEE_SETUP ??= "true";

const options: AppOptions = {};
// Against the emulator, waits go by its clock: an hour-long rate-limit wait
// takes no time. Probot's throttling waits real time, so the app then spaces
// its writes itself, by that clock.
const clock = process.env.IDEAS_SYNC_CLOCK_URL;
if (clock) {
  options.sleep = async (ms) => {
    await fetch(clock, { method: "POST", body: JSON.stringify({ ms }) });
  };
  options.writeSpacingMs = 1000;
}
if (process.env.IDEAS_SYNC_MAX_WAIT)
  options.maxWaitSeconds = Number(process.env.IDEAS_SYNC_MAX_WAIT);

let log: Logger | undefined;
// With a database, deliveries, their dedupe, the configuration cache and
// continuations are shared by every replica (docs/deployment.md).
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  const concurrency = Number(process.env.IDEAS_SYNC_JOB_CONCURRENCY ?? "4");
  if (!Number.isInteger(concurrency) || concurrency < 1)
    refuse(
      `IDEAS_SYNC_JOB_CONCURRENCY is "${process.env.IDEAS_SYNC_JOB_CONCURRENCY}", not a whole number of jobs`,
    );
  const sweepSeconds = Number(process.env.IDEAS_SYNC_SWEEP_SECONDS ?? "5");
  if (!(sweepSeconds > 0))
    refuse(
      `IDEAS_SYNC_SWEEP_SECONDS is "${process.env.IDEAS_SYNC_SWEEP_SECONDS}", not a number of seconds`,
    );
  const write = (level: "warn" | "error") => (fields: Record<string, unknown>, message: string) => {
    if (log) log[level](fields, message);
    else process.stderr.write(`${message} ${JSON.stringify(fields)}\n`);
  };
  try {
    options.jobs = await startJobQueue({
      connectionString: databaseUrl,
      concurrency,
      sweepMs: sweepSeconds * 1000,
      log: { warn: write("warn"), error: write("error") },
    });
  } catch (error) {
    refuse(`DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const inFlight = new InFlight();
const app = createApp(options, inFlight);
// Probot's own SIGINT handler exits at once, cutting every running sync: it
// is replaced by ours once `run` has added it.
const probotListeners = new Set(process.listeners("SIGINT"));
await run(
  (probot, probotOptions) => {
    log = probot.log;
    return app(probot, probotOptions);
  },
  {
    // One policy on limits and retries in both cases (src/github/app-octokit.ts).
    Octokit: appOctokit(!clock),
    // The key as checked, so that Probot uses exactly that one.
    ...(credentials.kind === "app"
      ? { env: { ...process.env, PRIVATE_KEY: credentials.privateKey } }
      : {}),
  },
);
for (const listener of process.listeners("SIGINT"))
  if (!probotListeners.has(listener)) process.off("SIGINT", listener);
if (log && options.jobs) stopJobsOnSignals(options.jobs, log, graceSeconds * 1000);
else if (log) stopOnSignals(inFlight, log, graceSeconds * 1000);
