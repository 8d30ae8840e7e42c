/**
 * The app with a database (`DATABASE_URL`, a real Postgres the test starts)
 * killed with SIGKILL during a first sync of 600 ideas, and started again:
 * the sync finishes by itself, with no one pushing or pressing anything,
 * and no issue made twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateGoshDocument } from "../../bench/generate-gosh-document.js";
import { pushPayload } from "../../emulator/payloads.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { startApp, type RunningApp } from "../../emulator/start-app.js";
import { startPostgres, type RunningPostgres } from "../support/postgres.js";

const CONFIG = ".github/ideas-sync.yml";
const DOC = "doc/ideas.txt";
const IDEAS = 600;

let postgres: RunningPostgres;
let github: RunningEmulator;
let databaseUrl: string;
const apps: RunningApp[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.database("restart");
  github = await startEmulator();
}, 60_000);

afterAll(async () => {
  for (const app of apps) await app.stop();
  await github?.close();
  await postgres?.stop();
});

const start = async (env: Record<string, string> = {}) => {
  const app = await startApp(github, {
    secret: "restart-secret",
    env: { DATABASE_URL: databaseUrl, IDEAS_SYNC_SWEEP_SECONDS: "1", ...env },
  });
  apps.push(app);
  return app;
};

// A first sync of `ideas` ideas in a repository of its own, delivered and
// stored; resolves once at least `made` issues exist.
async function firstSyncUnderWay(name: string, ideas: number, made: number) {
  const repo = github.emulator.repository("restart", name);
  const sha = repo.commit({
    // Idea issues only: the dashboard has tests of its own.
    [CONFIG]: `documents:\n  - path: ${DOC}\n    tracking-label: idea\n    dashboard: false\nmax-writes: 1000\n`,
    [DOC]: generateGoshDocument(ideas),
  });
  const delivery = pushPayload(repo, {
    before: null,
    after: sha,
    branch: "main",
    commits: [{ sha, parent: null }],
  });
  // Answered once stored: from then on the delivery survives the process.
  expect(await github.deliver(delivery.name, delivery.payload)).toBe(200);
  const deadline = Date.now() + 60_000;
  while (repo.issues.length < made && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(repo.issues.length).toBeGreaterThanOrEqual(made);
  expect(repo.issues.length).toBeLessThan(ideas);
  return repo;
}

const exited = (app: RunningApp) =>
  new Promise<number | null>((resolve) =>
    app.process.exitCode !== null
      ? resolve(app.process.exitCode)
      : app.process.once("exit", (code) => resolve(code)),
  );

describe("a restart in the middle of a first sync", () => {
  it(`finishes the ${IDEAS}-idea sync by itself after SIGKILL, with every issue made once`, async () => {
    const first = await start();
    const repo = await firstSyncUnderWay("ideas", IDEAS, 100);
    first.process.kill("SIGKILL");
    await new Promise((resolve) => first.process.once("exit", resolve));
    const killedAt = repo.issues.length;

    const second = await start();
    await second.idle();
    expect(repo.issues.length).toBe(IDEAS);
    expect(new Set(repo.issues.map((issue) => issue.title)).size).toBe(IDEAS);
    expect(repo.issues.every((issue) => issue.state === "open")).toBe(true);
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("success");
    // The second process made the rest: the sync did not end with the first.
    expect(killedAt).toBeLessThan(IDEAS);
    expect(github.emulator.violations).toEqual([]);
  }, 240_000);
});

describe("a replica stopped with SIGTERM (docker stop, Kubernetes)", () => {
  // The only replica running: the one that took the job is the one stopped.
  beforeEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
  });

  it("finishes its running sync within the grace period, then exits 0", async () => {
    const app = await start({ LOG_LEVEL: "info", IDEAS_SYNC_GRACE_SECONDS: "120" });
    const repo = await firstSyncUnderWay("graceful", 300, 50);
    app.process.kill("SIGTERM");
    expect(await exited(app)).toBe(0);
    // It was running the sync when told to stop, and went on with it.
    expect(app.output()).toMatch(/waiting up to 120 s for the running ones/);
    expect(app.output()).toContain("no new job is taken");
    expect(app.output()).toContain("stopped: every job finished");
    expect(repo.issues.length).toBe(300);
    expect(new Set(repo.issues.map((issue) => issue.title)).size).toBe(300);
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("success");
  }, 240_000);

  it("exits 1 at a second signal, and another replica finishes the sync", async () => {
    const app = await start({ LOG_LEVEL: "info", IDEAS_SYNC_GRACE_SECONDS: "120" });
    const repo = await firstSyncUnderWay("impatient", 600, 50);
    app.process.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    app.process.kill("SIGTERM");
    expect(await exited(app)).toBe(1);
    expect(app.output()).toContain("stopped by a second signal with jobs running");
    expect(repo.issues.length).toBeLessThan(600);
    const other = await start();
    await other.idle();
    expect(repo.issues.length).toBe(600);
    expect(new Set(repo.issues.map((issue) => issue.title)).size).toBe(600);
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("success");
    expect(github.emulator.violations).toEqual([]);
  }, 240_000);
});
