/**
 * The GitHub Action's entry (action.yml runs its bundle, dist-action/index.mjs):
 * the environment in, the run, then the job summary, the outputs and the
 * exit status out. Wiring only.
 */
import { readFileSync } from "node:fs";
import * as core from "@actions/core";
import { requestFailure } from "../github/request-error.js";
import { actionOutputs } from "./action-outputs.js";
import { checkCreator } from "./check-creator.js";
import { createActionOctokit } from "./create-action-octokit.js";
import { formatJobSummary } from "./format-job-summary.js";
import { jobFailure } from "./job-failure.js";
import { readActionEnvironment } from "./read-action-environment.js";
import { runAction } from "./run-action.js";
import { workflowAnnotations } from "./workflow-annotations.js";
import type { ActionContext } from "./types.js";

const read = readActionEnvironment(process.env, (path) => readFileSync(path, "utf8"));
if (!read.ok) {
  core.setFailed(`ideas-sync: ${read.message}`);
} else {
  const { environment } = read;
  // Against the emulator (tests), waits go by its clock, as for the app
  // (src/server.ts): Probot's throttling waits real time, so the run then
  // spaces its writes itself, by that clock.
  const clock = process.env.IDEAS_SYNC_CLOCK_URL;
  const sleep = clock
    ? async (ms: number) => {
        await fetch(clock, { method: "POST", body: JSON.stringify({ ms }) });
      }
    : (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const log = (fields: Record<string, unknown>, message: string) => {
    const line = `${message}${Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ""}`;
    if (fields.err === undefined) core.info(line);
    else core.warning(line);
  };
  const context: ActionContext = {
    octokit: createActionOctokit(environment.token, environment.apiUrl, !clock, {
      debug: (...args) => core.debug(octokitLine(args)),
      info: (...args) => core.debug(octokitLine(args)),
      warn: (...args) => core.warning(octokitLine(args)),
      error: (...args) => core.error(octokitLine(args)),
    }),
    environment,
    sleep,
    writeSpacingMs: clock ? 1000 : 0,
    maxWaitSeconds: Number(process.env.IDEAS_SYNC_MAX_WAIT ?? 120),
    log,
  };
  try {
    const run = await runAction(context);
    const misnamed = await checkCreator(
      context.octokit,
      environment.repo,
      run,
      environment.creator,
    );
    const summary =
      (misnamed ? `**ideas-sync failed:** ${misnamed}.\n\n` : "") +
      formatJobSummary(run, environment.workflowFile);
    // The plan, and how to confirm it, in the job's log as well.
    core.info(summary);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write();
    for (const [name, value] of Object.entries(actionOutputs(run))) core.setOutput(name, value);
    for (const { level, message, file, line, title } of workflowAnnotations(run))
      core[level](message, { file, startLine: line, ...(title ? { title } : {}) });
    const failure = misnamed ?? jobFailure(run);
    if (failure) core.setFailed(`ideas-sync: ${failure}`);
  } catch (error) {
    // GitHub's answers outside a document's sync (reading the configuration,
    // the branch) end the job in one line; anything else is a bug, with its stack.
    const failure = requestFailure(error);
    if (failure.status === null) {
      core.setFailed(`ideas-sync failed unexpectedly: ${(error as Error)?.stack ?? String(error)}`);
    } else {
      const hint =
        failure.status === 401
          ? " (the token is not accepted)"
          : failure.status === 403 || failure.status === 404
            ? " (the token may lack permissions: issues: write, checks: write, contents: read)"
            : "";
      core.setFailed(`ideas-sync: GitHub answered ${failure.status}: ${failure.message}${hint}`);
    }
  }
}

// A line of Octokit's: its message, without the fields (a request's body) pino would add.
function octokitLine(args: unknown[]): string {
  const message = args.find((arg) => typeof arg === "string");
  return message === undefined ? JSON.stringify(args[0]) : (message as string);
}
