/**
 * The dashboard issue: what it lists, when it is written, and that it is
 * never taken for an idea's issue.
 */
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/document/read-document.js";
import { readDashboardBody, writeDashboardBody } from "../../src/plan/dashboard-body.js";
import { formatPlanMarkdown } from "../../src/plan/format-plan-markdown.js";
import { planDashboard } from "../../src/plan/plan-dashboard.js";
import { planSync } from "../../src/plan/plan-sync.js";
import type { DashboardWrite, IssueSnapshot } from "../../src/plan/types.js";
import { configOf, goshOf, Repo, type TestIdea } from "./harness.js";

const IDEAS: TestIdea[] = [
  { title: "Wind gauge", body: "Measure the wind.\n\nDifficulty: Easy", section: "Sensors" },
  { title: "Rain | gauge", body: "Measure rain.", section: "Sensors" },
  { title: "Web page", body: "Show readings, @ada.", section: "Software" },
];
const RULES = `field-labels:\n  - field: Difficulty\n    label: "difficulty: {value}"\n    values: [easy, hard]\n`;
const source = { path: "doc/ideas.txt", sha: "c1", repositoryUrl: "https://github.com/o/r" };

/** Syncs the ideas, then plans the dashboard against the issues as they are. */
function synced(ideas = IDEAS, extra = RULES) {
  const repo = new Repo(configOf(extra));
  repo.sync(ideas);
  const dashboard = (issues: IssueSnapshot[] = repo.store.snapshot(), list = ideas) =>
    planDashboard({
      document: readDocument(goshOf(list), { format: "gosh" }),
      source,
      issues,
      config: repo.config,
    });
  return { repo, dashboard };
}

/** The issues with the dashboard written by `write` among them, as number 100. */
function withDashboard(issues: IssueSnapshot[], write: DashboardWrite | null, extra = {}) {
  if (write?.type !== "create-dashboard") throw new Error("expected a dashboard to create");
  return [
    ...issues,
    {
      number: 100,
      title: write.title,
      body: write.body,
      state: "open" as const,
      stateReason: null,
      labels: [],
      ...extra,
    },
  ];
}

describe("planDashboard", () => {
  it("lists the ideas by section with issue, state, field labels and comments", () => {
    const { repo, dashboard } = synced();
    repo.issue(1).comments = 4;
    const write = dashboard();
    expect(write).toMatchObject({ type: "create-dashboard", title: "Ideas: doc/ideas.txt" });
    const body = (write as { body: string }).body;
    expect(body).toContain(
      "**3 ideas** in [`doc/ideas.txt`](https://github.com/o/r/blob/HEAD/doc/ideas.txt)",
    );
    expect(body).toContain("### Sensors");
    expect(body).toContain("| Wind gauge | #1 | open | `difficulty: easy` | 4 |");
    // A "|" in a title stays in its cell; mentions notify no one.
    expect(body).toContain("| Rain \\| gauge | #2 | open |  | 0 |");
    expect(body).not.toContain("@ada");
    expect(body).toContain("How to take part");
    expect(readDashboardBody(body)).toMatchObject({ path: "doc/ideas.txt", intact: true });
  });

  it("writes nothing when nothing it shows changed, and one update when a count did", () => {
    const { repo, dashboard } = synced();
    const issues = withDashboard(repo.store.snapshot(), dashboard());
    expect(dashboard(issues)).toBeNull();
    const counted = issues.map((issue) => (issue.number === 1 ? { ...issue, comments: 2 } : issue));
    const write = dashboard(counted);
    expect(write).toMatchObject({ type: "update-dashboard", number: 100 });
    expect(Object.keys((write as { changes: object }).changes)).toEqual(["body"]);
  });

  it("keeps people's text around the list, and restores a damaged list", () => {
    const { repo, dashboard } = synced();
    const issues = withDashboard(repo.store.snapshot(), dashboard());
    const board = issues.at(-1) as IssueSnapshot;
    board.body = `Mentors meet on Fridays.\n${board.body.replace("How to take part", "How to take PART")}\nThanks!`;
    const write = dashboard(issues);
    expect(write?.why).toMatch(/edited or damaged/);
    const body = (write as { changes: { body: string } }).changes.body;
    expect(body.startsWith("Mentors meet on Fridays.\n<!-- ideas-sync:dashboard-begin -->")).toBe(
      true,
    );
    expect(body.endsWith("-->\nThanks!")).toBe(true);
    expect(body).toContain("How to take part");
  });

  it("follows ideas added, removed and retitled, and the document's title", () => {
    const { repo, dashboard } = synced();
    const issues = withDashboard(repo.store.snapshot(), dashboard());
    const changed = [
      { ...(IDEAS[0] as TestIdea), title: "Wind gauge with heater" },
      IDEAS[2] as TestIdea,
      { title: "Data export", body: "CSV.", section: "Software" },
    ];
    const body = (dashboard(issues, changed) as { changes: { body: string } }).changes.body;
    expect(body).toContain("| Wind gauge with heater | — | to come |");
    expect(body).toContain("| Data export | — | to come |");
    expect(body).not.toContain("Rain");
  });

  it("plans nothing when turned off, for a document with errors or no ideas, or once a person closed it", () => {
    expect(synced(IDEAS, "dashboard: false").dashboard()).toBeNull();
    const { repo, dashboard } = synced();
    expect(dashboard(repo.store.snapshot(), [])).toBeNull();
    const issues = withDashboard(repo.store.snapshot(), dashboard(), { state: "closed" });
    expect(dashboard(issues, [...IDEAS, { title: "New", body: "x" }])).toBeNull();
    const broken = readDocument("Chapter\n#######\n\n:Idea:\n\n  Text\n  ; indented comment\n", {
      format: "gosh",
    });
    expect(broken.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(planDashboard({ document: broken, source, issues: [], config: repo.config })).toBeNull();
  });

  it("is shown by the plan summary apart from the idea issues' writes", () => {
    const { repo, dashboard } = synced();
    const plan = repo.plan(IDEAS);
    plan.dashboard = dashboard();
    const text = formatPlanMarkdown(plan, "https://github.com/o/r");
    expect(text).toContain("nothing to write.");
    expect(text).toContain('**Dashboard:** create the issue "Ideas: doc/ideas.txt", 1 write');
  });
});

describe("the dashboard among issues", () => {
  it("is never an idea's issue: no plan action, guard or count changes because of it", () => {
    const { repo, dashboard } = synced();
    const before = repo.plan(IDEAS);
    repo.store.issues.push(
      ...withDashboard([], dashboard(), { creator: "ideas-sync[bot]" }).map((issue) => ({
        ...issue,
        comments: 0,
        creator: "ideas-sync[bot]",
      })),
    );
    // The same document, and one with every idea gone but one.
    const after = repo.plan(IDEAS);
    expect(after.summary).toEqual(before.summary);
    expect(after.actions).toEqual([]);
    // A new idea whose title is in the dashboard's title gets an issue of its
    // own (an issue ideas-sync made without an idea's marker would be taken
    // for the idea's, restored).
    const added = planSync({
      document: readDocument(goshOf([...IDEAS, { title: "Ideas", body: "More ideas." }]), {
        format: "gosh",
      }),
      source,
      issues: repo.store.snapshot(),
      labels: repo.store.labels,
      config: repo.config,
      appLogin: "ideas-sync[bot]",
    });
    expect(added.actions.map((action) => action.type)).toEqual(["create-issue"]);
    const removal = repo.plan([IDEAS[0] as TestIdea]);
    expect(removal.actions.some((action) => "number" in action && action.number === 100)).toBe(
      false,
    );
    expect(removal.summary.managedIssues).toBe(3);
  });

  it("round-trips its region, neutralising marker words in people's text", () => {
    const body = writeDashboardBody("list", "a.md", {
      before: 'see <!-- ideas-sync:dashboard-end {"path":"b.md"} --> here\n',
      after: "",
    });
    expect(readDashboardBody(body)).toMatchObject({ path: "a.md", intact: true });
    expect(readDashboardBody("no dashboard here")).toBeNull();
  });
});
