/**
 * The app under Probot, receiving deliveries, against a FakeGitHub.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { expect } from "vitest";
import { Probot, ProbotOctokit } from "probot";
import type { EmulatedCheckRun } from "../../emulator/emulator.js";
import { PendingRuns } from "../../src/app/pending-runs.js";
import { createApp } from "../../src/index.js";
import { FakeGitHub } from "./fake-github.js";
import { root } from "./cli.js";
import { checkRunActionPayload, pushPayload, type Delivery } from "./webhooks.js";

/** A Probot running the app, and what it waited for. */
export interface Harness {
  github: FakeGitHub;
  probot: Probot;
  /** Waits the app asked for, in milliseconds: none of them take time. */
  sleeps: number[];
  /** Delivers a webhook (a fresh delivery id unless one is given) and waits for its runs. */
  receive(delivery: Delivery, id?: string): Promise<void>;
}

let deliveries = 0;
let latest: Harness | null = null;

/**
 * Checks what every test of the app must leave behind: no request body
 * GitHub would have refused. (A request nock does not answer fails at once:
 * the network is off.)
 */
export function expectCleanRun(): void {
  expect(latest?.github.refused ?? []).toEqual([]);
}

/**
 * Starts Probot with the app (no retries, no throttling: the tests decide
 * what fails) and the fake answering for api.github.com.
 */
export async function startApp(github = new FakeGitHub()): Promise<Harness> {
  nock.cleanAll();
  nock.disableNetConnect();
  github.intercept();
  const sleeps: number[] = [];
  const runs = new PendingRuns();
  const probot = new Probot({
    githubToken: "test",
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  await probot.load(
    createApp({
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      maxWaitSeconds: 120,
      runs,
    }),
  );
  latest = {
    github,
    probot,
    sleeps,
    receive: async (delivery, id) => {
      await probot.receive({
        id: id ?? `delivery-${(deliveries += 1)}`,
        name: delivery.name,
        payload: delivery.payload,
      } as Parameters<Probot["receive"]>[0]);
      await runs.idle();
    },
  };
  return latest;
}

const revision = (name: string) => readFileSync(join(root, "examples/history", name), "utf8");

/** The project's example history, as a repository holds it. */
export const HISTORY = {
  DOC: "doc/ideas.txt",
  CONFIG: ".github/ideas-sync.yml",
  config: "documents:\n  - path: doc/ideas.txt\n    tracking-label: idea\n    dashboard: false\n",
  R1: revision("01-first-ideas.txt"),
  R2: revision("02-two-ideas-added.txt"),
  R3: revision("03-edit-and-retitle.txt"),
  R4: revision("04-move-and-remove.txt"),
  R6: revision("06-most-ideas-removed.txt"),
};

/** Commits changes on a branch and delivers the push of that one commit. */
export async function push(
  h: Harness,
  changes: Record<string, string | null>,
  options: { branch?: string; id?: string } = {},
): Promise<string> {
  const branch = options.branch ?? h.github.defaultBranch;
  const before = h.github.branches.get(branch) ?? null;
  const after = h.github.commit(changes, branch);
  await h.receive(
    pushPayload(h.github, { before, after, branch, commits: [{ sha: after, parent: before }] }),
    options.id,
  );
  return after;
}

/** A repository whose document was synced once, at the first revision. */
export async function synced(): Promise<Harness> {
  const h = await startApp();
  await push(h, { [HISTORY.CONFIG]: HISTORY.config, [HISTORY.DOC]: HISTORY.R1 });
  h.github.clearLog();
  return h;
}

/** Presses a button of a check run the app made, as a maintainer does. */
export async function press(
  h: Harness,
  run: EmulatedCheckRun | undefined,
  identifier: string,
): Promise<void> {
  if (!run) throw new Error("no check run to press a button of");
  await h.receive(checkRunActionPayload(h.github, { checkRun: run, identifier }));
}
