/**
 * `npm start`: the app behind Probot's web server, configured from the
 * environment (see docs/deployment.md).
 */
import { run } from "probot";
import type { AppOptions } from "./app/app-state.js";
import { appOctokit } from "./github/app-octokit.js";
import { createApp } from "./index.js";

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

// One policy on limits and retries in both cases (src/github/app-octokit.ts).
await run(createApp(options), { Octokit: appOctokit(!clock) });
