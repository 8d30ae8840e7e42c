/**
 * The committed Action bundle over Genode's 14 revisions, as a workflow
 * runs it on each push, against the emulator: the issues it leaves are the
 * ones the app leaves for the same pushes.
 */
import { readFileSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { WORKFLOW_BOT, type EmulatedRepository } from "../../emulator/emulator.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { startApp } from "../../emulator/start-app.js";
import { replayThroughApp } from "../../demo/replay-through-app.js";
import { readIssueBody } from "../../src/plan/issue-body.js";
import { dispatchEvent, pushEvent, runActionStep } from "../support/action-run.js";
import { genodeRevisions } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";

const PATH = "doc/challenges.txt";
const CONFIG = `documents:\n  - path: ${PATH}\n`;

const running: RunningEmulator[] = [];
afterAll(async () => {
  for (const github of running) await github.close();
});

// What people see of the issues, whoever made them.
function issuesOf(repository: EmulatedRepository) {
  return repository.issues.map((issue) => ({
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels,
    comments: issue.comments.map((comment) => comment.body),
  }));
}

withCorpus("genode").describe("the Action over Genode's 14 revisions", () => {
  it("leaves the issues, labels and check runs the app leaves, each mass removal confirmed with the confirm input", async () => {
    const revisions = genodeRevisions()
      .filter((r) => /^\d/.test(r.seq))
      .map((r) => ({ name: r.file, content: readFileSync(r.path, "utf8") }));
    expect(revisions).toHaveLength(14);

    // The app, as the demo runs it: a push per revision, Confirm pressed when asked.
    const appGitHub = await startEmulator();
    running.push(appGitHub);
    const app = await startApp(appGitHub);
    const byApp = appGitHub.emulator.repository("genodelabs", "genode");
    let appSteps;
    try {
      appSteps = (
        await replayThroughApp(
          appGitHub,
          app,
          byApp,
          revisions,
          { path: PATH, config: CONFIG },
          () => {},
        )
      ).steps;
    } finally {
      await app.stop();
    }
    expect(appGitHub.emulator.violations).toEqual([]);

    // The Action: a workflow run per push, and one run by hand per blocked plan.
    const github = await startEmulator();
    running.push(github);
    const repo = github.emulator.repository("genodelabs", "genode");
    const token = github.emulator.workflowToken();
    let confirmed = 0;
    for (const [index, revision] of revisions.entries()) {
      const before = issuesOf(repo);
      const push = pushEvent(repo, {
        ...(index === 0 ? { ".github/ideas-sync.yml": CONFIG } : {}),
        [PATH]: revision.content,
      });
      const step = await runActionStep(github, repo, push, { token });
      const appStep = appSteps[index];
      if (appStep?.confirmed) {
        // Blocked: the job fails, printing the plan and the way to confirm it, and writes no issue.
        expect(step.status, revision.name).toBe(1);
        expect(step.outputs.result).toBe("blocked");
        const digest = step.outputs.digest as string;
        expect(digest).toMatch(/^[0-9a-f]{16}$/);
        const command = `gh workflow run ideas.yml --ref main -f confirm=${digest}`;
        expect(step.stdout).toContain(command);
        expect(step.summary).toContain(command);
        // The job's error line (workflow commands escape "%" as "%25").
        const error = step.stdout.split("\n").find((line) => line.startsWith("::error::")) ?? "";
        expect(error.replace(/%25/g, "%")).toBe(
          `::error::ideas-sync: ${PATH}: Blocked: ${appStep.confirmed} (to apply it as it is, run the workflow with confirm = ${digest})`,
        );
        expect(issuesOf(repo)).toEqual(before);
        const blocked = repo.checkRuns.at(-1);
        expect(blocked).toMatchObject({ head_sha: push.sha, conclusion: "action_required" });
        expect(blocked?.actions).toEqual([]);
        const dispatched = await runActionStep(
          github,
          repo,
          dispatchEvent(repo, { confirm: digest }),
          { token, inputs: { confirm: digest } },
        );
        expect(dispatched.status, dispatched.stdout).toBe(0);
        expect(dispatched.outputs.result).toBe("applied");
        expect(Number(dispatched.outputs.created)).toBe(appStep.created);
        expect(Number(dispatched.outputs.closed)).toBe(appStep.closed);
        confirmed += 1;
      } else {
        expect(step.status, step.stdout).toBe(0);
        expect(Number(step.outputs.created), revision.name).toBe(appStep?.created);
        expect(Number(step.outputs.closed), revision.name).toBe(appStep?.closed);
        expect(Number(step.outputs.reopened), revision.name).toBe(appStep?.reopened);
        // Idea issues: the first run also opens the document's dashboard, as the app's does.
        const ideaIssues = (issues: ReadonlyArray<{ body: string }>) =>
          issues.filter((issue) => readIssueBody(issue.body).marker?.key !== undefined).length;
        expect(ideaIssues(repo.issues) - ideaIssues(before)).toBe(appStep?.created);
      }
      // A workflow run starts afresh and lists the issues each time; the app
      // remembers its last full sync and skips the listing when no idea changed.
      const title = repo.checkRuns.filter((r) => r.head_sha === push.sha).at(-1)?.output.title;
      if (appStep?.outcome === "In sync: no idea changed") expect(title).toMatch(/^in sync: /);
      else expect(title).toBe(appStep?.outcome);
    }
    expect(confirmed).toBe(3);
    expect(github.emulator.violations).toEqual([]);

    // The same issues, in the same order, made by the workflow's bot instead of the app.
    expect(issuesOf(repo)).toEqual(issuesOf(byApp));
    // 61 ideas and the document's dashboard.
    expect(repo.issues).toHaveLength(62);
    expect(new Set(repo.issues.map((i) => i.creator))).toEqual(new Set([WORKFLOW_BOT]));
    const keys = repo.issues.flatMap((i) => readIssueBody(i.body).marker?.key ?? []);
    expect(new Set(keys).size).toBe(61);
    expect(keys).toHaveLength(61);
    expect(
      repo.labels.map(({ name, color, description }) => ({ name, color, description })),
    ).toEqual(byApp.labels.map(({ name, color, description }) => ({ name, color, description })));
    // Every check run the app made, with the same title and conclusion, on the
    // same commit (the app's skipped listing says so in its own words).
    const runs = (r: EmulatedRepository) =>
      r.checkRuns.map((run) => [
        run.head_sha,
        run.name,
        run.conclusion,
        run.output.title.replace(/^In sync: no idea changed$|^in sync: \d+ ideas$/, "in sync"),
      ]);
    expect(runs(repo)).toEqual(runs(byApp));
  }, 300_000);
});
