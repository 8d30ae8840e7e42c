/**
 * The committed Action bundle run as GitHub's runner runs it: a process of
 * its own, with the environment a job step gets, against the emulator.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import type { EmulatedRepository } from "../../emulator/emulator.js";
import {
  pullRequestPayload,
  pushPayload,
  workflowDispatchPayload,
  type Delivery,
} from "../../emulator/payloads.js";
import type { RunningEmulator } from "../../emulator/server.js";
import { root } from "./cli.js";
import { scratchDir } from "./scratch-dir.js";

/** How a step ended, and what it left for the job. */
export interface StepResult {
  /** The process's exit status: non-zero fails the job. */
  status: number;
  /** The step's log. */
  stdout: string;
  stderr: string;
  /** What the step wrote to GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What the step wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
}

const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
};

// The runner checks the Action out with nothing installed: the bundle runs
// from a folder of its own, so that a package it failed to include fails here.
const checkout = scratchDir("action");
const bundle = join(checkout, "index.mjs");
copyFileSync(join(root, action.runs.main), bundle);

/** The workflow file the tests pretend to run. */
export const WORKFLOW = ".github/workflows/ideas.yml";

/**
 * Runs the bundle for one event. Inputs not given get action.yml's
 * defaults, as the runner sets them; the token goes in `INPUT_TOKEN` (the
 * default `${{ github.token }}`), or only in `GITHUB_TOKEN` with `tokenVia: "env"`.
 */
export function runActionStep(
  github: RunningEmulator,
  repository: EmulatedRepository,
  event: Delivery & { sha: string; ref: string },
  options: { token: string; inputs?: Record<string, string>; tokenVia?: "input" | "env" },
): Promise<StepResult> {
  const work = mkdtempSync(join(tmpdir(), "ideas-sync-step-"));
  const eventPath = join(work, "event.json");
  const outputPath = join(work, "output");
  const summaryPath = join(work, "summary.md");
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs))
    inputs[`INPUT_${name.toUpperCase()}`] = input.default ?? "";
  inputs.INPUT_TOKEN = options.tokenVia === "env" ? "" : options.token;
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    inputs[`INPUT_${name.toUpperCase()}`] = value;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository.fullName,
    GITHUB_SHA: event.sha,
    GITHUB_REF: event.ref,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_WORKFLOW_REF: `${repository.fullName}/${WORKFLOW}@refs/heads/${repository.defaultBranch}`,
    GITHUB_RUN_ID: "1",
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    ...(options.tokenVia === "env" ? { GITHUB_TOKEN: options.token } : {}),
    // Waits go by the emulator's clock, as for the app in the end-to-end tests.
    IDEAS_SYNC_CLOCK_URL: `${github.url}/_emulator/sleep`,
    IDEAS_SYNC_MAX_WAIT: "7200",
    ...inputs,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bundle],
      { cwd: work, env, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        const result = {
          status: error ? Number(error.code ?? -1) : 0,
          stdout,
          stderr,
          outputs: readOutputs(readFileSync(outputPath, "utf8")),
          summary: readFileSync(summaryPath, "utf8"),
        };
        rmSync(work, { recursive: true, force: true });
        resolve(result);
      },
    );
  });
}

// GITHUB_OUTPUT holds `name<<DELIMITER`, the value's lines, then `DELIMITER`.
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const start = /^([^<]+)<<(.+)$/.exec(lines[i] as string);
    if (!start) continue;
    const [, name, delimiter] = start as unknown as [string, string, string];
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== delimiter; i += 1) value.push(lines[i] as string);
    outputs[name] = value.join("\n");
  }
  return outputs;
}

/** Commits changes on a branch, and the `push` event a workflow gets for it. */
export function pushEvent(
  repository: EmulatedRepository,
  changes: Record<string, string | Uint8Array | null>,
  branch = repository.defaultBranch,
): Delivery & { sha: string; ref: string } {
  const before = repository.branches.get(branch) ?? null;
  const after = repository.commit(changes, branch);
  const delivery = pushPayload(repository, {
    before,
    after,
    branch,
    commits: [{ sha: after, parent: before }],
  });
  return { ...delivery, sha: after, ref: `refs/heads/${branch}` };
}

/** The `workflow_dispatch` event of running the workflow by hand on the default branch. */
export function dispatchEvent(
  repository: EmulatedRepository,
  inputs: Record<string, string>,
): Delivery & { sha: string; ref: string } {
  const delivery = workflowDispatchPayload(repository, { inputs, workflow: WORKFLOW });
  return {
    ...delivery,
    sha: repository.branches.get(repository.defaultBranch) as string,
    ref: `refs/heads/${repository.defaultBranch}`,
  };
}

/** The `schedule` event: its payload names only the schedule. */
export function scheduleEvent(
  repository: EmulatedRepository,
): Delivery & { sha: string; ref: string } {
  return {
    name: "schedule",
    payload: { schedule: "17 6 * * *" },
    sha: repository.branches.get(repository.defaultBranch) as string,
    ref: `refs/heads/${repository.defaultBranch}`,
  };
}

/** A pull request opened from a branch of changes, and its `pull_request` event. */
export function pullRequestEvent(
  repository: EmulatedRepository,
  changes: Record<string, string | Uint8Array | null>,
  number: number,
): Delivery & { sha: string; ref: string } {
  const head = repository.commit(changes, `pull-${number}`);
  const base = repository.branches.get(repository.defaultBranch) ?? null;
  const diff = repository.diff(base, head);
  repository.pullFiles.set(number, [...diff.added, ...diff.modified, ...diff.removed]);
  const delivery = pullRequestPayload(repository, { number, head });
  // A pull request's workflow runs on the merge commit's ref; the Action reads the head from the payload.
  return { ...delivery, sha: head, ref: `refs/pull/${number}/merge` };
}
