/**
 * The app as a process of its own, started the way `npm start` starts it,
 * against the emulator: driven only by signed deliveries, checked by what
 * the emulator holds afterwards. Every request and answer is checked against
 * GitHub's API description; a mismatch fails the test that caused it.
 */
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CREATION_LIMITS } from "../../src/github/pace-creations.js";
import { fewestMinutes } from "../../bench/fewest-minutes.js";
import { generateGoshDocument } from "../../bench/generate-gosh-document.js";
import type { EmulatedRepository } from "../../emulator/emulator.js";
import { pushPayload } from "../../emulator/payloads.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { startApp, type RunningApp } from "../../emulator/start-app.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { readIssueBody } from "../../src/plan/issue-body.js";
import { sectionLabel } from "../../src/plan/section-label.js";
import { HISTORY } from "../support/app-harness.js";
import { genodeIdeaRows, genodeRevisions, genodeTransitions } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";

let github: RunningEmulator;
let app: RunningApp;

beforeAll(async () => {
  github = await startEmulator();
  app = await startApp(github);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await github?.close();
});

afterEach(() => {
  // GitHub's API description holds for every request and answer of the test.
  expect(github.emulator.violations).toEqual([]);
  github.emulator.violations.length = 0;
});

const CONFIG = ".github/ideas-sync.yml";
const config = (path: string, extra = "") =>
  `${extra}documents:\n  - path: ${path}\n    dashboard: false\n`;

/** Pushes and waits until the app is done. */
async function push(repo: EmulatedRepository, changes: Record<string, string | Uint8Array | null>) {
  const sha = await github.push(repo, changes);
  await app.idle();
  return sha;
}

/** Presses a check run's button and waits until the app is done. */
async function press(repo: EmulatedRepository, identifier: string) {
  const run = repo.checkRuns.at(-1);
  if (!run) throw new Error("no check run to press a button of");
  await github.press(repo, run, identifier);
  await app.idle();
}

const openTitles = (repo: EmulatedRepository) =>
  repo.issues
    .filter((i) => i.state === "open")
    .map((i) => i.title)
    .sort();
// The ideas of the example's fourth revision.
const R4_TITLES = [
  "Assignees named in the document",
  "Ideas in tables",
  "Milestones per section",
  "Settings in front matter",
  "reStructuredText input",
].sort();
const writes = () => github.emulator.log.filter((r) => r.method !== "GET").length;

withCorpus("genode").describe("Genode's history as pushes", () => {
  it("keeps one issue per idea through all 14 revisions, as transitions.json says", async () => {
    const repo = github.emulator.repository("genodelabs", "genode");
    const revisions = genodeRevisions().filter((r) => /^\d/.test(r.seq));
    const rows = genodeIdeaRows();
    const steps = genodeTransitions();
    const settings = parseConfig(config("doc/challenges.txt"));
    if (!settings.ok) throw new Error("bad config");
    const documentConfig = settings.config.documents[0] as (typeof settings.config.documents)[0];
    let confirmed = 0;
    for (const [index, revision] of revisions.entries()) {
      const before = {
        issues: repo.issues.length,
        closed: repo.issues.filter((i) => i.state === "closed").length,
      };
      const sha = await push(repo, {
        ...(index === 0 ? { [CONFIG]: config("doc/challenges.txt") } : {}),
        "doc/challenges.txt": readFileSync(revision.path, "utf8"),
      });
      const run = repo.checkRuns.filter((r) => r.head_sha === sha).at(-1);
      if (run?.conclusion === "action_required") {
        confirmed += 1;
        await press(repo, "confirm");
      }
      expect(
        repo.checkRuns.filter((r) => r.head_sha === sha).at(-1)?.conclusion,
        revision.seq,
      ).toBe("success");
      const ideas = rows.filter((row) => row.seq === revision.seq);
      expect(openTitles(repo), revision.seq).toEqual(ideas.map((row) => row.title).sort());
      for (const row of ideas) {
        const issue = repo.issues.find((i) => i.state === "open" && i.title === row.title);
        expect(issue?.labels.sort(), `${revision.seq} ${row.title}`).toEqual(
          ["idea", sectionLabel(row.section, documentConfig) as string].sort(),
        );
        expect(readIssueBody(issue?.body ?? "").marker?.path).toBe("doc/challenges.txt");
      }
      const step = steps[index - 1];
      if (step) {
        expect(repo.issues.length - before.issues, `${step.to}: created`).toBe(step.added.length);
        const closed = repo.issues.filter((i) => i.state === "closed").length - before.closed;
        expect(closed, `${step.to}: closed`).toBe(step.removed.length);
      }
    }
    expect(confirmed).toBe(3);
    expect(repo.issues).toHaveLength(61);
    expect(new Set(repo.issues.map((i) => readIssueBody(i.body).marker?.key)).size).toBe(61);
  }, 240_000);

  it("previews the off-mainline revision on a pull request and writes no issue", async () => {
    const repo = github.emulator.repository("genodelabs", "genode");
    const offMainline = genodeRevisions().find((r) => !/^\d/.test(r.seq));
    if (!offMainline) throw new Error("no off-mainline revision");
    const issues = JSON.stringify(repo.issues);
    const before = writes();
    const head = await github.openPullRequest(
      repo,
      { "doc/challenges.txt": readFileSync(offMainline.path, "utf8") },
      1,
    );
    await app.idle();
    const run = repo.checkRuns.at(-1);
    expect(run?.head_sha).toBe(head);
    expect(run?.output.title).toMatch(/^Preview: /);
    expect(writes() - before).toBe(1);
    expect(JSON.stringify(repo.issues)).toBe(issues);
  }, 60_000);
});

describe("API economy", () => {
  it("costs nothing for a push that touches no document, and at most five requests for one that changes no idea", async () => {
    const repo = github.emulator.repository("economy", "ideas");
    await push(repo, { [CONFIG]: config(HISTORY.DOC), [HISTORY.DOC]: HISTORY.R1 });
    let from = github.emulator.log.length;
    await push(repo, { "README.md": "news" });
    expect(github.emulator.log.slice(from)).toEqual([]);
    from = github.emulator.log.length;
    await push(repo, { [HISTORY.DOC]: HISTORY.R1 + "\n; a comment changes no idea\n" });
    const requests = github.emulator.log
      .slice(from)
      .map((r) => `${r.method} ${r.path.split("?")[0]}`);
    expect(requests.length).toBeLessThanOrEqual(5);
    expect(requests.filter((r) => !r.startsWith("GET "))).toEqual([
      "POST /repos/economy/ideas/check-runs",
    ]);
  }, 60_000);
});

describe("hostile and broken input", () => {
  it("rejects a wrong signature and a malformed payload, and writes nothing", async () => {
    const repo = github.emulator.repository("hostile", "ideas");
    const before = repo.commit({ [CONFIG]: config(HISTORY.DOC), [HISTORY.DOC]: HISTORY.R1 });
    const delivery = pushPayload(repo, {
      before: null,
      after: before,
      commits: [{ sha: before, parent: null }],
    });
    const requests = github.emulator.log.length;
    expect(
      await github.deliver("push", delivery.payload, { signature: "sha256=" + "0".repeat(64) }),
    ).toBe(400);
    expect(await github.deliver("push", null, { body: '{"ref": "refs/heads/main", ' })).toBe(400);
    await app.idle();
    expect(github.emulator.log.length).toBe(requests);
    expect(repo.issues).toEqual([]);
  }, 60_000);

  it("blocks a huge document and one replaced by binary garbage, writing only the check run", async () => {
    const repo = github.emulator.repository("broken", "ideas");
    await push(repo, { [CONFIG]: config(HISTORY.DOC), [HISTORY.DOC]: HISTORY.R1 });
    expect(repo.issues).toHaveLength(4);
    const huge = HISTORY.R1 + "\n" + "  padding text of no idea at all\n".repeat(40_000);
    let before = writes();
    await push(repo, { [HISTORY.DOC]: huge });
    expect(writes() - before).toBe(1);
    expect(repo.checkRuns.at(-1)).toMatchObject({ conclusion: "failure" });
    expect(repo.checkRuns.at(-1)?.output.summary).toMatch(/more than the 1000000 ideas-sync reads/);
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    before = writes();
    await push(repo, { [HISTORY.DOC]: garbage });
    expect(writes() - before).toBe(1);
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("failure");
    expect(repo.checkRuns.at(-1)?.output.title).toMatch(/^Blocked: /);
    expect(repo.issues.filter((i) => i.state === "open")).toHaveLength(4);
  }, 60_000);
});

describe("faults and concurrency", () => {
  it("converges after faults at random points of each sync (one after GitHub made the write), with no duplicate and no lost issue", async () => {
    const repo = github.emulator.repository("faulty", "ideas");
    // A fixed seed: the same faults on every run, at different points per step.
    let seed = 1; // one that brings each kind of fault at least once
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const kinds = [{ status: 500 }, { status: 502, applied: true }, "reset" as const];
    const revisions = [HISTORY.R1, HISTORY.R2, HISTORY.R3, HISTORY.R4];
    // Writes that create (issues, comments) each step makes; the app does
    // not retry those, so a fault there breaks the run at that point.
    const creations = [4, 2, 1, 1];
    const logStart = github.emulator.log.length;
    let disrupted = 0;
    for (const [index, text] of revisions.entries()) {
      github.emulator.inject({
        method: "POST",
        path: /\/issues(\/\d+\/comments)?$/,
        kind: kinds[Math.floor(random() * kinds.length)] as (typeof kinds)[number],
        times: 1,
        after: Math.floor(random() * (creations[index] as number)),
      });
      // And a read the app retries on its own.
      github.emulator.inject({ method: "GET", path: /\/issues$/, kind: { status: 502 }, times: 1 });
      await push(repo, {
        ...(index === 0 ? { [CONFIG]: config(HISTORY.DOC) } : {}),
        [HISTORY.DOC]: text,
      });
      // Faults stop; the maintainer presses the button the check run offers.
      github.emulator.faults.length = 0;
      const last = repo.checkRuns.at(-1);
      if (last?.conclusion !== "success") {
        disrupted += 1;
        expect(last?.actions[0]?.identifier).toBe("continue");
        await press(repo, "continue");
      }
      expect(repo.checkRuns.at(-1)?.conclusion, `revision ${index + 1}`).toBe("success");
    }
    expect(openTitles(repo)).toEqual(R4_TITLES);
    const keys = repo.issues.map((i) => readIssueBody(i.body).marker?.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(repo.issues).toHaveLength(6);
    // The faults did strike, and not only where a retry hid them.
    const struck = github.emulator.log
      .slice(logStart)
      .filter((r) => r.status === 0 || r.status >= 500);
    expect(struck.length).toBeGreaterThanOrEqual(8);
    expect(disrupted).toBe(4);
  }, 120_000);

  it("gives one consistent result for ten deliveries for the same repository at once", async () => {
    const repo = github.emulator.repository("crowd", "ideas");
    const texts = [HISTORY.R1, HISTORY.R2, HISTORY.R3, HISTORY.R4];
    const deliveries = [];
    for (let i = 0; i < 10; i += 1) {
      const before = repo.branches.get("main") ?? null;
      const after = repo.commit({
        ...(i === 0 ? { [CONFIG]: config(HISTORY.DOC) } : {}),
        [HISTORY.DOC]: texts[Math.min(i, texts.length - 1)] as string,
        "notes.txt": `push ${i}`,
      });
      deliveries.push(
        pushPayload(repo, { before, after, commits: [{ sha: after, parent: before }] }),
      );
    }
    const statuses = await Promise.all(deliveries.map((d) => github.deliver(d.name, d.payload)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await app.idle();
    expect(openTitles(repo)).toEqual(R4_TITLES);
    const keys = repo.issues.map((i) => readIssueBody(i.body).marker?.key);
    expect(new Set(keys).size).toBe(keys.length);
  }, 120_000);
});

describe("GitHub's limits", () => {
  it("syncs 600 new ideas never refused by the secondary limit, within 1.02 times the time it allows", async () => {
    const repo = github.emulator.repository("large", "ideas");
    const start = github.emulator.now();
    const from = github.emulator.log.length;
    await push(repo, {
      [CONFIG]: config("doc/ideas.txt", "max-writes: 1000\n"),
      "doc/ideas.txt": generateGoshDocument(600),
    });
    expect(repo.issues).toHaveLength(600);
    expect(new Set(repo.issues.map((i) => i.title)).size).toBe(600);
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("success");
    // The app counts its own creations: GitHub refuses none.
    expect([...github.emulator.refusals.values()]).toEqual([]);
    const creations = github.emulator.log
      .slice(from)
      .filter(
        (r) => r.method === "POST" && /\/(issues|comments|labels)$/.test(r.path.split("?")[0]!),
      ).length;
    expect(creations).toBe(600 + 600 / 25 + 1);
    const minutes = (github.emulator.now() - start) / 60_000;
    const floor = fewestMinutes(creations, CREATION_LIMITS);
    console.log(`600 ideas: ${minutes.toFixed(2)} emulated min, floor ${floor.toFixed(2)} min`);
    expect(floor).toBeGreaterThan(60);
    expect(minutes).toBeLessThanOrEqual(floor * 1.02);
  }, 240_000);
});
