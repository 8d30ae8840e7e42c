/**
 * A document's history pushed, revision by revision, through the real app
 * to the emulator, confirming blocked plans as a maintainer would.
 */
import type { EmulatedIssue, EmulatedRepository } from "../emulator/emulator.js";
import type { RunningEmulator } from "../emulator/server.js";
import type { RunningApp } from "../emulator/start-app.js";
import { readDashboardBody } from "../src/plan/dashboard-body.js";
import { readIssueBody } from "../src/plan/issue-body.js";
import type { ReplayIssue, Revision } from "../src/replay/replay-history.js";

/** What one push did. */
export interface DemoStep {
  revision: string;
  sha: string;
  created: number;
  updated: number;
  closed: number;
  reopened: number;
  /** The check run's title, as maintainers read it. */
  outcome: string;
  /** Why the plan was blocked, when a maintainer had to confirm it. */
  confirmed: string | null;
  requests: number;
  writes: number;
  /** What the push did to the document's dashboard issue. */
  dashboard: "created" | "updated" | null;
}

/** The document's dashboard issue at the end. */
export interface DemoDashboard {
  number: number;
  title: string;
  body: string;
}

/**
 * Pushes `.github/ideas-sync.yml` with the first revision, then each later
 * revision, waiting for the app after each. A check run asking for
 * confirmation gets its Confirm button pressed; one that left work for
 * later, its Continue button.
 */
export async function replayThroughApp(
  github: RunningEmulator,
  app: RunningApp,
  repository: EmulatedRepository,
  revisions: readonly Revision[],
  settings: { path: string; config: string },
  onStep: (step: DemoStep, index: number) => void,
): Promise<{ steps: DemoStep[]; issues: ReplayIssue[]; dashboard: DemoDashboard | null }> {
  const steps: DemoStep[] = [];
  for (const [index, revision] of revisions.entries()) {
    const before = new Map(repository.issues.map((issue) => [issue.number, { ...issue }]));
    const boardBefore = dashboardOf(repository.issues);
    const logStart = github.emulator.log.length;
    const sha = await github.push(repository, {
      ...(index === 0 ? { ".github/ideas-sync.yml": settings.config } : {}),
      [settings.path]: revision.content,
    });
    await app.idle();
    let confirmed: string | null = null;
    for (let presses = 0; presses < 20; presses += 1) {
      const run = repository.checkRuns.filter((r) => r.head_sha === sha).at(-1);
      const button = run?.actions[0]?.identifier;
      if (!run || !button || (button !== "confirm" && button !== "continue")) break;
      if (button === "confirm") confirmed = run.output.title.replace(/^Blocked: /, "");
      await github.press(repository, run, button);
      await app.idle();
    }
    const requests = github.emulator.log.slice(logStart);
    const step: DemoStep = {
      revision: revision.name,
      sha,
      ...compare(before, ideaIssues(repository.issues)),
      outcome:
        repository.checkRuns.filter((r) => r.head_sha === sha).at(-1)?.output.title ??
        "nothing to sync",
      confirmed,
      requests: requests.length,
      writes: requests.filter((r) => r.method !== "GET").length,
      dashboard: dashboardChange(boardBefore, dashboardOf(repository.issues)),
    };
    steps.push(step);
    onStep(step, index);
  }
  const board = dashboardOf(repository.issues);
  return {
    steps,
    dashboard: board ? { number: board.number, title: board.title, body: board.body } : null,
    issues: ideaIssues(repository.issues).map((issue) => {
      const marker = readIssueBody(issue.body).marker;
      return {
        number: issue.number,
        title: issue.title,
        state: issue.state,
        key: marker?.key ?? null,
        section: marker?.section ?? null,
        labels: [...issue.labels],
      };
    }),
  };
}

function compare(before: Map<number, EmulatedIssue>, after: readonly EmulatedIssue[]) {
  const counts = { created: 0, updated: 0, closed: 0, reopened: 0 };
  for (const issue of after) {
    const old = before.get(issue.number);
    if (!old) counts.created += 1;
    else if (old.state === "open" && issue.state === "closed") counts.closed += 1;
    else if (old.state === "closed" && issue.state === "open") counts.reopened += 1;
    else if (
      old.title !== issue.title ||
      old.body !== issue.body ||
      old.labels.join() !== issue.labels.join()
    )
      counts.updated += 1;
  }
  return counts;
}

// The dashboard is no idea's issue: the steps and the list leave it out.
function ideaIssues(issues: readonly EmulatedIssue[]): EmulatedIssue[] {
  return issues.filter((issue) => !readDashboardBody(issue.body));
}

function dashboardOf(issues: readonly EmulatedIssue[]): EmulatedIssue | null {
  const found = issues.find((issue) => readDashboardBody(issue.body));
  return found ? { ...found } : null;
}

function dashboardChange(
  before: EmulatedIssue | null,
  after: EmulatedIssue | null,
): "created" | "updated" | null {
  if (!after) return null;
  if (!before) return "created";
  return before.body !== after.body || before.title !== after.title ? "updated" : null;
}
