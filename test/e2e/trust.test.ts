/**
 * What GitHub refuses, limits and revokes, against the app as a process of
 * its own and the emulator: the app run as in production (a run waits at
 * most two minutes for a secondary limit), its waits on the emulated clock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateGoshDocument } from "../../bench/generate-gosh-document.js";
import type { EmulatedRepository } from "../../emulator/emulator.js";
import { commentPayload } from "../../emulator/payloads.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { startApp, type RunningApp } from "../../emulator/start-app.js";
import { readIssueBody } from "../../src/plan/issue-body.js";
import { HISTORY } from "../support/app-harness.js";

let github: RunningEmulator;
let app: RunningApp;

beforeAll(async () => {
  github = await startEmulator();
  app = await startApp(github, { maxWaitSeconds: 120 });
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await github?.close();
});

afterEach(() => {
  expect(github.emulator.violations).toEqual([]);
  github.emulator.violations.length = 0;
  github.emulator.faults.length = 0;
  github.emulator.primaryLimit = 5000;
});

const CONFIG = ".github/ideas-sync.yml";
const DOC = "doc/ideas.txt";
const config = (extra = "") => `${extra}documents:\n  - path: ${DOC}\n    dashboard: false\n`;

async function push(repo: EmulatedRepository, changes: Record<string, string | null>) {
  const sha = await github.push(repo, changes);
  await app.idle();
  return sha;
}

async function press(repo: EmulatedRepository, identifier: string, user?: string) {
  const run = repo.checkRuns.at(-1);
  if (!run) throw new Error("no check run to press a button of");
  await github.press(repo, run, identifier, user);
  await app.idle();
}

/** Requests since a point of the emulator's log, as "METHOD /path". */
const since = (from: number) =>
  github.emulator.log.slice(from).map((r) => `${r.method} ${r.path.split("?")[0]}`);
const openTitles = (repo: EmulatedRepository) =>
  repo.issues
    .filter((i) => i.state === "open")
    .map((i) => i.title)
    .sort();
const logged = (from: number) => app.output().slice(from);
/** The app's log since a point, once it holds a line (its output may come after `idle`). */
async function loggedOnce(from: number, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 100 && !pattern.test(logged(from)); i += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return logged(from);
}

describe("an issue GitHub refuses for good", () => {
  it("is skipped and named in the check run, every other idea syncs, and the next run tries it once again", async () => {
    const repo = github.emulator.repository("refusals", "ideas");
    const text = generateGoshDocument(5);
    await push(repo, { [CONFIG]: config(), [DOC]: text });
    expect(repo.issues).toHaveLength(5);
    const number = (title: RegExp) =>
      (repo.issues.find((i) => title.test(i.title)) as { number: number }).number;
    const [full, locked, deleted] = [number(/^Idea 1:/), number(/^Idea 2:/), number(/^Idea 3:/)];
    // GitHub refuses three issues for good, as it does: a body it will not
    // take (people's notes filled it), a locked issue, a deleted one.
    const faults = () => {
      github.emulator.inject({
        method: "PATCH",
        path: new RegExp(`/issues/${full}$`),
        kind: {
          status: 422,
          message: "Validation Failed: body is too long (maximum is 65536 characters)",
        },
        times: 1,
      });
      github.emulator.inject({
        method: "PATCH",
        path: new RegExp(`/issues/${locked}$`),
        kind: { status: 403, message: "Unable to update a locked issue" },
        times: 1,
      });
      github.emulator.inject({
        method: "PATCH",
        path: new RegExp(`/issues/${deleted}$`),
        kind: { status: 410, message: "This issue was deleted" },
        times: 1,
      });
    };
    faults();
    // Every idea's text grows.
    const edited = text.replaceAll("would benefit from", "would benefit a great deal from");
    let from = github.emulator.log.length;
    await push(repo, { [DOC]: edited });
    const run = repo.checkRuns.at(-1);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output.title).toBe("2 updated; 3 refused by GitHub");
    expect(run?.output.title).not.toMatch(/in sync/);
    const summary = run?.output.summary ?? "";
    expect(summary).toMatch(new RegExp(`#${full}\\]\\([^)]*\\) Idea 1:.*422.*too long`));
    expect(summary).toMatch(new RegExp(`#${locked}\\]\\([^)]*\\) Idea 2:.*403.*locked`));
    expect(summary).toMatch(new RegExp(`#${deleted}\\]\\([^)]*\\) Idea 3:.*gone \\(410\\)`));
    expect(run?.actions[0]?.identifier).toBe("continue");
    // The other two are written, and each refused issue was tried once.
    for (const idea of [/^Idea 4:/, /^Idea 5:/])
      expect(repo.issues[number(idea) - 1]?.body).toMatch(/would benefit a great deal from/);
    const patches = (n: number) =>
      since(from).filter((r) => r === `PATCH /repos/refusals/ideas/issues/${n}`);
    for (const n of [full, locked, deleted]) expect(patches(n)).toHaveLength(1);

    // The next run tries each once again; still refused, still named.
    faults();
    from = github.emulator.log.length;
    await press(repo, "continue");
    for (const n of [full, locked, deleted]) expect(patches(n)).toHaveLength(1);
    expect(repo.checkRuns.at(-1)?.output.title).toBe("3 refused by GitHub");

    // Once GitHub takes the writes again, all is in sync.
    await press(repo, "continue");
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("success");
    for (const issue of repo.issues) expect(issue.body).toMatch(/would benefit a great deal from/);
    expect(repo.issues).toHaveLength(5);
  }, 120_000);
});

describe("limits and revoked access", () => {
  it("reports a run the primary rate limit stopped, and finishes it by itself when the limit resets", async () => {
    const repo = github.emulator.repository("limited", "ideas");
    const start = github.emulator.now();
    const out = app.output().length;
    // Eight requests an hour: the first run stops mid-way, and so do the next.
    github.emulator.primaryLimit = github.emulator.primaryUsed + 8;
    await push(repo, { [CONFIG]: config(), [DOC]: HISTORY.R1 });
    expect(openTitles(repo)).toHaveLength(4);
    expect(new Set(repo.issues.map((i) => readIssueBody(i.body).marker?.key)).size).toBe(4);
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("success");
    // Refused by the limit, then continued once it reset: emulated time passed.
    expect(github.emulator.log.some((r) => r.status === 403)).toBe(true);
    expect(github.emulator.now() - start).toBeGreaterThan(60_000);
    // Said at error level: the run could not be reported when it stopped.
    const lines = (await loggedOnce(out, /rate limit stopped the run/))
      .split("\n")
      .filter((line) => line.includes("rate limit stopped the run"));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ level: 50 });
  }, 120_000);

  it("answers a comment command the used-up limit refused, once the limit resets", async () => {
    const repo = github.emulator.repository("limited-comment", "ideas");
    await push(repo, { [CONFIG]: config(), [DOC]: HISTORY.R1 });
    const start = github.emulator.now();
    github.emulator.primaryLimit = github.emulator.primaryUsed;
    const comment = commentPayload(repo, { issue: 1, body: "/ideas-sync sync", user: repo.owner });
    expect(await github.deliver(comment.name, comment.payload)).toBe(200);
    await app.idle();
    expect(repo.reactions).toEqual([{ comment: 555, content: "eyes" }]);
    const reply = repo.issues[0]?.comments.at(-1)?.body ?? "";
    expect(reply).toMatch(/^`\/ideas-sync sync` at [0-9a-f]{7}:/);
    expect(github.emulator.now()).toBeGreaterThan(start);
  }, 60_000);

  it("gets a new token when the installation's was revoked mid-run, reports and finishes the run", async () => {
    const repo = github.emulator.repository("revoked", "ideas");
    const out = app.output().length;
    const from = github.emulator.log.length;
    github.emulator.inject({
      method: "POST",
      path: /\/issues$/,
      kind: "revoke",
      times: 1,
      after: 1,
    });
    await push(repo, { [CONFIG]: config(), [DOC]: HISTORY.R1 });
    // After the 401, one new token, and no request with the revoked one succeeds.
    const log = github.emulator.log.slice(from);
    const revoked = log.findIndex((r) => r.status === 401);
    expect(revoked).toBeGreaterThan(0);
    const renewed = log.filter((r, i) => i > revoked && r.path.endsWith("/access_tokens"));
    expect(renewed).toHaveLength(1);
    expect(openTitles(repo)).toHaveLength(4);
    expect(new Set(repo.issues.map((i) => i.title)).size).toBe(4);
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("success");
    expect(await loggedOnce(out, /401/)).toMatch(/refused the app's token \(401\)/);
    // Later deliveries use the new token, not the revoked one Probot's cache still holds.
    const later = github.emulator.log.length;
    await push(repo, { [DOC]: HISTORY.R2 });
    expect(github.emulator.log.slice(later).filter((r) => r.status === 401)).toEqual([]);
    expect(openTitles(repo)).toHaveLength(6);
  }, 60_000);
});

describe("confirmations", () => {
  it("applies the rest of a confirmed plan after a fault without asking again", async () => {
    const repo = github.emulator.repository("confirmed", "ideas");
    await push(repo, { [CONFIG]: config(), [DOC]: HISTORY.R2 });
    await push(repo, { [DOC]: HISTORY.R6 });
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("action_required");
    // The second close's comment fails; GitHub made the first close.
    github.emulator.inject({
      method: "POST",
      path: /\/issues\/\d+\/comments$/,
      kind: { status: 502 },
      times: 1,
      after: 1,
    });
    await press(repo, "confirm");
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("failure");
    expect(openTitles(repo)).toHaveLength(5);
    const checks = repo.checkRuns.length;
    await press(repo, "continue");
    expect(repo.checkRuns.slice(checks).map((r) => r.conclusion)).toEqual(["success"]);
    expect(repo.checkRuns.at(-1)?.output.summary).toMatch(/Applied as confirmed/);
    expect(openTitles(repo)).toHaveLength(2);
  }, 60_000);

  it("applies Confirm only for someone with write access, and writes nothing otherwise", async () => {
    const repo = github.emulator.repository("confirm-access", "ideas");
    await push(repo, { [CONFIG]: config(), [DOC]: HISTORY.R2 });
    await push(repo, { [DOC]: HISTORY.R6 });
    const out = app.output().length;
    const from = github.emulator.log.length;
    repo.permissions.set("visitor", "read");
    await press(repo, "confirm", "visitor");
    expect(since(from).filter((r) => !r.startsWith("GET ") && !r.includes(" /app/"))).toEqual([]);
    expect(openTitles(repo)).toHaveLength(6);
    expect(await loggedOnce(out, /Confirm refused/)).toMatch(
      /Confirm refused: visitor has read access/,
    );
    repo.permissions.set("maintainer", "write");
    await press(repo, "confirm", "maintainer");
    expect(openTitles(repo)).toHaveLength(2);
  }, 60_000);
});

describe("retries", () => {
  it("does not retry creating a check run after a 5xx: one check run, not two", async () => {
    const repo = github.emulator.repository("no-duplicates", "ideas");
    github.emulator.inject({
      method: "POST",
      path: /\/check-runs$/,
      kind: { status: 502, applied: true },
      times: 1,
    });
    const from = github.emulator.log.length;
    const sha = await push(repo, { [CONFIG]: config(), [DOC]: HISTORY.R1 });
    expect(since(from).filter((r) => r.endsWith("/check-runs"))).toHaveLength(1);
    expect(repo.checkRuns.filter((r) => r.head_sha === sha)).toHaveLength(1);
    expect(repo.issues).toHaveLength(4);
  }, 60_000);
});

// Last: it uses up the hour's secondary limit on creating content.
describe("a large first sync", () => {
  it("finishes a first sync of 1,000 ideas by itself, with no one pressing Continue", async () => {
    const repo = github.emulator.repository("thousand", "ideas");
    const start = github.emulator.now();
    await push(repo, { [CONFIG]: config(), [DOC]: generateGoshDocument(1000) });
    expect(repo.issues).toHaveLength(1000);
    expect(new Set(repo.issues.map((i) => i.title)).size).toBe(1000);
    // One run per 100 writes (the default cap) and the hourly limit on creations.
    const runs = repo.checkRuns;
    expect(runs.length).toBeGreaterThanOrEqual(10);
    expect(runs.at(-1)?.conclusion).toBe("success");
    expect(runs.slice(0, -1).every((r) => r.conclusion === "neutral")).toBe(true);
    const minutes = (github.emulator.now() - start) / 60_000;
    // 500 creations an hour, labels included: 1,041 take three hours' windows.
    expect(minutes).toBeGreaterThan(120);
    expect(minutes).toBeLessThan(130);
    expect(runs.some((r) => /starts by itself in about \d+ min/.test(r.output.summary))).toBe(true);
  }, 300_000);
});
