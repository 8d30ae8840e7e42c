/**
 * The committed Action bundle as the steps of a workflow run it, against
 * the emulator: the confirm round trip, previews, configuration problems,
 * scheduled runs, and what GitHub's token changes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { WORKFLOW_BOT, type EmulatedRepository } from "../../emulator/emulator.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { readIssueBody } from "../../src/plan/issue-body.js";
import {
  dispatchEvent,
  pullRequestEvent,
  pushEvent,
  runActionStep,
  scheduleEvent,
  type StepResult,
} from "../support/action-run.js";
import { HISTORY } from "../support/app-harness.js";
import { root } from "../support/cli.js";

let github: RunningEmulator;
let token: string;
let repositories = 0;

beforeAll(async () => {
  github = await startEmulator();
  token = github.emulator.workflowToken();
});
afterAll(() => github?.close());
afterEach(() => {
  // GitHub's API description holds for every request and answer of the test.
  expect(github.emulator.violations).toEqual([]);
  github.emulator.violations.length = 0;
  github.emulator.faults.length = 0;
});

/** A repository of its own for each test. */
function repository(): EmulatedRepository {
  repositories += 1;
  return github.emulator.repository("octo", `ideas-${repositories}`);
}

/** Pushes changes and runs the workflow's step for the push. */
async function pushStep(
  repo: EmulatedRepository,
  changes: Record<string, string | null>,
  options: { inputs?: Record<string, string>; tokenVia?: "input" | "env" } = {},
): Promise<StepResult & { sha: string }> {
  const event = pushEvent(repo, changes);
  return { ...(await runActionStep(github, repo, event, { token, ...options })), sha: event.sha };
}

/** Runs the workflow by hand with a confirm input. */
function confirmStep(repo: EmulatedRepository, digest: string): Promise<StepResult> {
  return runActionStep(github, repo, dispatchEvent(repo, { confirm: digest }), {
    token,
    inputs: { confirm: digest },
  });
}

const openTitles = (repo: EmulatedRepository) =>
  repo.issues
    .filter((i) => i.state === "open")
    .map((i) => i.title)
    .sort();
const writesSince = (from: number) =>
  github.emulator.log.slice(from).filter((r) => r.method !== "GET");

/** A repository synced at the example's fourth revision: five ideas, five open issues. */
async function atFourthRevision(): Promise<EmulatedRepository> {
  const repo = repository();
  const first = await pushStep(repo, {
    [HISTORY.CONFIG]: HISTORY.config,
    [HISTORY.DOC]: HISTORY.R1,
  });
  expect(first.status, first.stdout).toBe(0);
  const fourth = await pushStep(repo, { [HISTORY.DOC]: HISTORY.R4 });
  expect(fourth.status, fourth.stdout).toBe(0);
  expect(openTitles(repo)).toHaveLength(5);
  return repo;
}

describe("a blocked plan and the confirm input", () => {
  it("fails the job with the plan and the command; a confirm after the document changed is refused; the new digest applies", async () => {
    const repo = await atFourthRevision();
    const issues = JSON.stringify(repo.issues);
    const blocked = await pushStep(repo, { [HISTORY.DOC]: HISTORY.R6 });
    expect(blocked.status).toBe(1);
    expect(blocked.outputs.result).toBe("blocked");
    const digest = blocked.outputs.digest as string;
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    // The plan, in the log and the job summary: the three issues it would close.
    for (const text of [blocked.stdout, blocked.summary]) {
      expect(text).toContain("this sync would close 3 of 5 open idea issues");
      expect(text).toContain(`gh workflow run ideas.yml --ref main -f confirm=${digest}`);
      for (const title of [
        "Ideas in tables",
        "Assignees named in the document",
        "Milestones per section",
      ])
        expect(text).toMatch(
          new RegExp(`\\| close +\\| \\[#\\d+\\]\\([^)]+\\) +\\| ${title} +\\|`),
        );
    }
    expect(blocked.summary.match(/\| close +\|/g)).toHaveLength(3);
    expect(blocked.summary).not.toContain("Confirm button");
    expect(JSON.stringify(repo.issues)).toBe(issues);
    const run = repo.checkRuns.at(-1);
    expect(run).toMatchObject({
      head_sha: blocked.sha,
      conclusion: "action_required",
      actions: [],
    });
    expect(run?.external_id).toBe("");

    // The document changes again before anyone confirms: the old digest names another plan.
    const edited = HISTORY.R6.replace(
      "reStructuredText input",
      "reStructuredText and AsciiDoc input",
    );
    const again = await pushStep(repo, { [HISTORY.DOC]: edited });
    expect(again.status).toBe(1);
    const newer = again.outputs.digest as string;
    expect(newer).toMatch(/^[0-9a-f]{16}$/);
    expect(newer).not.toBe(digest);
    const stale = await confirmStep(repo, digest);
    expect(stale.status).toBe(1);
    expect(stale.outputs.result).toBe("blocked");
    expect(stale.outputs.digest).toBe(newer);
    expect(stale.summary).toContain(
      `Not applied: the confirm input ${digest} is not this plan's digest (${newer})`,
    );
    expect(JSON.stringify(repo.issues)).toBe(issues);

    const applied = await confirmStep(repo, newer);
    expect(applied.status, applied.stdout).toBe(0);
    expect(applied.outputs).toMatchObject({
      result: "applied",
      closed: "3",
      updated: "1",
      digest: "",
    });
    expect(openTitles(repo)).toEqual([
      "Settings in front matter",
      "reStructuredText and AsciiDoc input",
    ]);
    expect(repo.checkRuns.at(-1)).toMatchObject({ head_sha: again.sha, conclusion: "success" });
    expect(repo.checkRuns.at(-1)?.output.summary).toContain(
      "Applied as confirmed, although: this sync would close 3 of 5",
    );
  }, 120_000);

  it("refuses a confirm after a person changed the issues, and applies the plan made since", async () => {
    const repo = await atFourthRevision();
    const blocked = await pushStep(repo, { [HISTORY.DOC]: HISTORY.R6 });
    expect(blocked.status).toBe(1);
    const digest = blocked.outputs.digest as string;
    // A person writes in one of the issues the plan would close: closing it
    // keeps their text, so the plan is no longer the one shown.
    const closing = repo.issues.find((i) => i.state === "open" && i.title === "Ideas in tables");
    if (!closing) throw new Error("no issue for Ideas in tables");
    closing.body = `A note from a person.\n\n${closing.body}`;
    const from = github.emulator.log.length;
    const refused = await confirmStep(repo, digest);
    expect(refused.status).toBe(1);
    expect(refused.outputs.result).toBe("blocked");
    expect(refused.outputs.digest).not.toBe(digest);
    expect(refused.stdout).toContain(`the confirm input ${digest} is not this plan's digest`);
    // The only write is the check run that says so.
    expect(writesSince(from).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${repo.fullName}/check-runs`,
    ]);
    const applied = await confirmStep(repo, refused.outputs.digest as string);
    expect(applied.status, applied.stdout).toBe(0);
    expect(applied.outputs).toMatchObject({ result: "applied", closed: "3" });
    expect(openTitles(repo)).toEqual(["Settings in front matter", "reStructuredText input"]);
    expect(closing.state).toBe("closed");
    expect(closing.body.startsWith("A note from a person.\n\n")).toBe(true);
  }, 120_000);

  it("refuses a confirm input that is not a digest, in one line", async () => {
    const repo = await atFourthRevision();
    const step = await confirmStep(repo, "yes please");
    expect(step.status).toBe(1);
    expect(step.stdout.trim().split("\n")).toEqual([
      '::error::ideas-sync: the confirm input is "yes please", not a plan\'s digest (16 hexadecimal digits, as a blocked run prints it)',
    ]);
  }, 60_000);
});

describe("pull requests", () => {
  it("previews what merging would sync, as a check run and a job summary, and writes no issue", async () => {
    const repo = await atFourthRevision();
    const issues = JSON.stringify(repo.issues);
    const labels = JSON.stringify(repo.labels);
    const from = github.emulator.log.length;
    const event = pullRequestEvent(repo, { [HISTORY.DOC]: HISTORY.R6 }, 7);
    const step = await runActionStep(github, repo, event, { token });
    expect(step.status, step.stdout).toBe(0);
    expect(step.outputs).toMatchObject({ result: "preview", created: "0", closed: "0" });
    expect(step.summary).toContain("Preview: 3 to close");
    expect(step.summary).toContain("Nothing is written from a pull request.");
    expect(writesSince(from).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${repo.fullName}/check-runs`,
    ]);
    expect(JSON.stringify(repo.issues)).toBe(issues);
    expect(JSON.stringify(repo.labels)).toBe(labels);
    expect(repo.checkRuns.at(-1)).toMatchObject({ head_sha: event.sha, conclusion: "neutral" });
  }, 60_000);

  it("fails the job for a document with errors, marking them on their lines", async () => {
    const repo = await atFourthRevision();
    const broken = `${HISTORY.R4}\n:Broken idea:\n\n  ; an indented comment\n`;
    const line = broken.split("\n").indexOf("  ; an indented comment") + 1;
    const from = github.emulator.log.length;
    const event = pullRequestEvent(repo, { [HISTORY.DOC]: broken }, 8);
    const step = await runActionStep(github, repo, event, { token });
    expect(step.status).toBe(1);
    expect(step.outputs.result).toBe("preview");
    expect(step.stdout).toMatch(/::error::ideas-sync: doc\/ideas.txt: Preview: /);
    const run = repo.checkRuns.at(-1);
    expect(run).toMatchObject({ head_sha: event.sha, conclusion: "failure" });
    expect(run?.output.annotations).toContainEqual(
      expect.objectContaining({ path: HISTORY.DOC, start_line: line, annotation_level: "failure" }),
    );
    expect(writesSince(from).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${repo.fullName}/check-runs`,
    ]);
  }, 60_000);

  it("reports in the job summary and the step's annotations when the token may not make check runs (a fork's pull request)", async () => {
    const repo = await atFourthRevision();
    github.emulator.inject({
      method: "POST",
      path: /\/check-runs$/,
      kind: { status: 403, message: "Resource not accessible by integration" },
      times: 1,
    });
    const broken = `${HISTORY.R6}\n:Broken idea:\n\n  ; an indented comment\n`;
    const line = broken.split("\n").indexOf("  ; an indented comment") + 1;
    const runs = repo.checkRuns.length;
    const event = pullRequestEvent(repo, { [HISTORY.DOC]: broken }, 9);
    const step = await runActionStep(github, repo, event, { token });
    expect(step.status).toBe(1);
    expect(repo.checkRuns).toHaveLength(runs);
    expect(step.outputs["check-run-url"]).toBe("");
    expect(step.summary).toContain("Preview: 1 to create, 3 to close");
    expect(step.stdout).toContain("::warning::no check run: the token may not create one");
    // The problem on its line, as the workflow's own annotation.
    expect(step.stdout).toMatch(
      new RegExp(
        `^::error title=indented-comment,file=doc/ideas.txt,line=${line}::an indented comment`,
        "m",
      ),
    );
  }, 60_000);

  it("fails the job when the document is gone, closing nothing", async () => {
    const repo = await atFourthRevision();
    const issues = JSON.stringify(repo.issues);
    const step = await pushStep(repo, { [HISTORY.DOC]: null, "doc/other.txt": HISTORY.R4 });
    expect(step.status).toBe(1);
    expect(step.outputs.result).toBe("failed");
    expect(step.stdout).toContain(
      "::error::ideas-sync: doc/ideas.txt: doc/ideas.txt cannot be read",
    );
    expect(step.summary).toContain(
      "doc/ideas.txt is not in this commit: it was removed or renamed. Nothing is closed.",
    );
    expect(JSON.stringify(repo.issues)).toBe(issues);
  }, 60_000);
});

describe("configuration, events and tokens", () => {
  it("fails the job on a configuration with errors, with a check run marking each", async () => {
    const repo = repository();
    const step = await pushStep(repo, {
      [HISTORY.CONFIG]: "documents:\n  - path: doc/ideas.txt\n    max-closes: 3\n",
      [HISTORY.DOC]: HISTORY.R1,
    });
    expect(step.status).toBe(1);
    expect(step.outputs.result).toBe("bad-config");
    expect(step.stdout).toMatch(
      /::error::ideas-sync: \.github\/ideas-sync\.yml has 1 error; first: documents\[0\]\.max-closes: unknown key "max-closes"/,
    );
    expect(step.summary).toContain(".github/ideas-sync.yml has 1 error");
    expect(repo.checkRuns.at(-1)).toMatchObject({ head_sha: step.sha, conclusion: "failure" });
    expect(repo.issues).toEqual([]);
  }, 60_000);

  it("fails the job, in one line, without a configuration or on an event it does not handle", async () => {
    const repo = repository();
    const none = await pushStep(repo, { [HISTORY.DOC]: HISTORY.R1 });
    expect(none.status).toBe(1);
    expect(none.stdout).toContain(
      `::error::ideas-sync: .github/ideas-sync.yml is not in ${none.sha.slice(0, 7)}: it says which documents to sync`,
    );
    const other = await runActionStep(
      github,
      repo,
      { name: "issues", payload: { action: "opened" }, sha: none.sha, ref: "refs/heads/main" },
      { token },
    );
    expect(other.status).toBe(1);
    expect(other.stdout).toContain(
      "::error::ideas-sync: ideas-sync runs on push, pull_request, workflow_dispatch, schedule, not on issues",
    );
    expect(repo.issues).toEqual([]);
  }, 60_000);

  it("sets every output action.yml declares", async () => {
    const declared = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
      outputs: Record<string, unknown>;
    };
    const repo = repository();
    const step = await pushStep(repo, {
      [HISTORY.CONFIG]: HISTORY.config,
      [HISTORY.DOC]: HISTORY.R1,
    });
    expect(step.status, step.stdout).toBe(0);
    expect(Object.keys(step.outputs).sort()).toEqual(Object.keys(declared.outputs).sort());
    expect(step.outputs).toMatchObject({ result: "applied", created: "4", left: "0" });
    expect(step.outputs["check-run-url"]).toBe(`${repo.htmlUrl}/runs/${repo.checkRuns.at(-1)?.id}`);
  }, 60_000);

  it("leaves what the write cap stops for later, and a scheduled run (with GITHUB_TOKEN alone) writes it", async () => {
    const repo = repository();
    const capped = `${HISTORY.config}max-writes: 3\n`;
    const first = await pushStep(repo, { [HISTORY.CONFIG]: capped, [HISTORY.DOC]: HISTORY.R1 });
    expect(first.status, first.stdout).toBe(0);
    // Three labels, then the cap: the four issues wait.
    expect(first.outputs).toMatchObject({ result: "applied", created: "0", left: "4" });
    expect(first.summary).toContain(
      "left for the next run (the next push, the next scheduled run, or running the workflow by hand)",
    );
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("neutral");
    const scheduled = await runActionStep(github, repo, scheduleEvent(repo), {
      token,
      tokenVia: "env",
    });
    expect(scheduled.status, scheduled.stdout).toBe(0);
    expect(scheduled.outputs).toMatchObject({ result: "applied", created: "3", left: "1" });
    const last = await runActionStep(github, repo, scheduleEvent(repo), { token, tokenVia: "env" });
    expect(last.outputs).toMatchObject({ result: "applied", created: "1", left: "0" });
    expect(repo.issues.filter((i) => i.state === "open")).toHaveLength(4);
    const again = await runActionStep(github, repo, scheduleEvent(repo), {
      token,
      tokenVia: "env",
    });
    expect(again.outputs).toMatchObject({ result: "in-sync", created: "0" });
  }, 60_000);

  it("takes an issue of github-actions[bot] as its own only by its marker: another workflow's issue of the same title is left alone", async () => {
    const repo = repository();
    repo.issues.push({
      number: 1,
      title: "Ideas in tables",
      body: "Opened by another workflow.",
      state: "open",
      state_reason: null,
      labels: [],
      creator: WORKFLOW_BOT,
      comments: [],
    });
    const step = await pushStep(repo, {
      [HISTORY.CONFIG]: HISTORY.config,
      [HISTORY.DOC]: HISTORY.R1,
    });
    expect(step.status, step.stdout).toBe(0);
    expect(step.outputs.created).toBe("4");
    expect(repo.issues[0]).toMatchObject({
      title: "Ideas in tables",
      body: "Opened by another workflow.",
      labels: [],
    });
    const ours = repo.issues.filter((i) => readIssueBody(i.body).marker);
    expect(ours.map((i) => i.title)).toContain("Ideas in tables");
    expect(ours.every((i) => i.creator === WORKFLOW_BOT)).toBe(true);
  }, 60_000);

  it("fails the job when the token makes issues under another login than issue-creator, and finds them once told", async () => {
    const repo = repository();
    // A token that is not the workflow's: its issues are the app's login, ideas-sync[bot].
    const other = "ghs_an_app_token";
    const first = await runActionStep(
      github,
      repo,
      pushEvent(repo, { [HISTORY.CONFIG]: HISTORY.config, [HISTORY.DOC]: HISTORY.R1 }),
      { token: other },
    );
    expect(first.status).toBe(1);
    expect(first.outputs.created).toBe("4");
    const message =
      "the token creates issues as ideas-sync[bot], but the Action finds its issues by issue-creator, github-actions[bot]: set the input issue-creator to ideas-sync[bot], or the next run creates every issue again";
    expect(first.stdout).toContain(`::error::ideas-sync: ${message}`);
    expect(first.summary).toContain(`**ideas-sync failed:** ${message}.`);
    const told = await runActionStep(github, repo, scheduleEvent(repo), {
      token: other,
      inputs: { "issue-creator": "ideas-sync[bot]" },
    });
    expect(told.status, told.stdout).toBe(0);
    expect(told.outputs.result).toBe("in-sync");
    expect(repo.issues).toHaveLength(4);
  }, 60_000);

  it("costs one read for a push that changes no document, four and the check run for one that changes no idea", async () => {
    const repo = repository();
    const first = await pushStep(repo, {
      [HISTORY.CONFIG]: HISTORY.config,
      [HISTORY.DOC]: HISTORY.R1,
    });
    expect(first.status).toBe(0);
    let from = github.emulator.log.length;
    const other = await pushStep(repo, { "README.md": "# ideas\n" });
    expect(other.status).toBe(0);
    expect(other.outputs.result).toBe("skipped");
    expect(other.summary).toContain("Nothing to sync: the push changes no document.");
    expect(github.emulator.log.slice(from).map((r) => r.method)).toEqual(["GET"]);
    from = github.emulator.log.length;
    const same = await pushStep(repo, { [HISTORY.DOC]: `${HISTORY.R1}\n\n` });
    expect(same.status).toBe(0);
    expect(same.outputs.result).toBe("in-sync");
    expect(
      github.emulator.log.slice(from).map((r) => `${r.method} ${r.path.split("?")[0]}`),
    ).toEqual([
      `GET /repos/${repo.fullName}/contents/.github%2Fideas-sync.yml`,
      `GET /repos/${repo.fullName}/branches/main`,
      `GET /repos/${repo.fullName}/contents/doc%2Fideas.txt`,
      `GET /repos/${repo.fullName}/issues`,
      `POST /repos/${repo.fullName}/check-runs`,
    ]);
  }, 60_000);

  it("syncs the branch head when a run starts after a newer push", async () => {
    const repo = repository();
    const first = await pushStep(repo, {
      [HISTORY.CONFIG]: HISTORY.config,
      [HISTORY.DOC]: HISTORY.R1,
    });
    expect(first.status).toBe(0);
    const late = pushEvent(repo, { [HISTORY.DOC]: HISTORY.R2 });
    const head = pushEvent(repo, { [HISTORY.DOC]: HISTORY.R3 });
    const step = await runActionStep(github, repo, late, { token });
    expect(step.status, step.stdout).toBe(0);
    expect(step.outputs.result).toBe("applied");
    const run = repo.checkRuns.find((r) => r.head_sha === late.sha);
    expect(run?.output.summary).toContain(
      `This push is no longer the head of main, so the document was synced as it is at the head, ${head.sha.slice(0, 7)}.`,
    );
    // The head's own run, when it comes, finds the issues as its document says.
    const headStep = await runActionStep(github, repo, head, { token });
    expect(headStep.status, headStep.stdout).toBe(0);
    expect(headStep.outputs.result).toBe("in-sync");
  }, 60_000);
});
