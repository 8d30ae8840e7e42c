/**
 * Field labels and the dashboard, end to end: the app process against the
 * emulator, with the writes each change costs.
 */
import { describe, expect, it } from "vitest";
import type { EmulatedIssue, EmulatedRepository } from "../../emulator/emulator.js";
import { useEmulatedGitHub } from "../support/e2e.js";

const e2e = useEmulatedGitHub();

const CONFIG = ".github/ideas-sync.yml";
const DOC = "doc/ideas.md";
const FIELD_LABELS = `documents:
  - path: ${DOC}
    field-labels:
      - field: Difficulty
        label: "difficulty: {value}"
        values: [easy, medium, hard]
`;

interface Idea {
  title: string;
  difficulty: string;
  section: string;
}

function markdown(ideas: readonly Idea[]): string {
  const out = ["# Station ideas", ""];
  let section: string | null = null;
  for (const idea of ideas) {
    if (idea.section !== section) {
      section = idea.section;
      out.push(`## ${section}`, "");
    }
    out.push(
      `### ${idea.title}`,
      "",
      `What ${idea.title.toLowerCase()} is about, in a few words of its own.`,
      "",
      `**Difficulty:** ${idea.difficulty}`,
      "",
    );
  }
  return out.join("\n");
}

const BASE: Idea[] = [
  { title: "Wind gauge", difficulty: "Easy", section: "Sensors" },
  { title: "Rain gauge", difficulty: "Medium", section: "Sensors" },
  { title: "Web dashboard", difficulty: "Hard", section: "Software" },
];

async function push(repo: EmulatedRepository, changes: Record<string, string | null>) {
  await e2e.github.push(repo, changes);
  await e2e.app.idle();
}

/** The writes to the repository since `from` in the emulator's log, by kind. */
function writesSince(repo: EmulatedRepository, from: number) {
  const base = `/repos/${repo.fullName}`;
  const log = e2e.github.emulator.log
    .slice(from)
    .filter((r) => r.method !== "GET" && r.path.startsWith(base));
  return {
    total: log.length,
    checkRuns: log.filter((r) => r.path.includes("/check-runs")).length,
    log,
  };
}

const dashboardOf = (repo: EmulatedRepository): EmulatedIssue => {
  const found = repo.issues.filter((issue) => issue.body.includes("ideas-sync:dashboard-end"));
  expect(found).toHaveLength(1);
  return found[0] as EmulatedIssue;
};
const ideaIssue = (repo: EmulatedRepository, title: string) =>
  repo.issues.find((issue) => issue.title === title) as EmulatedIssue;

describe("field labels", () => {
  it("moves an issue's label when the field's value is edited in the document", async () => {
    const repo = e2e.github.emulator.repository("fields", "moved");
    await push(repo, {
      [CONFIG]: FIELD_LABELS.replace(`path: ${DOC}`, `path: ${DOC}\n    dashboard: false`),
      [DOC]: markdown(BASE),
    });
    expect(ideaIssue(repo, "Wind gauge").labels.sort()).toEqual(
      ["Sensors", "difficulty: easy", "idea"].sort(),
    );
    const created = repo.labels.find((label) => label.name === "difficulty: easy");
    expect(created).toMatchObject({ color: "fbca04" });
    ideaIssue(repo, "Wind gauge").labels.push("good first issue");
    const from = e2e.github.emulator.log.length;
    await push(repo, {
      [DOC]: markdown([{ ...(BASE[0] as Idea), difficulty: "Hard" }, ...BASE.slice(1)]),
    });
    // "difficulty: hard" exists already: one update, and the check run.
    expect(writesSince(repo, from).total).toBe(2);
    expect(ideaIssue(repo, "Wind gauge").labels.sort()).toEqual(
      ["Sensors", "difficulty: hard", "good first issue", "idea"].sort(),
    );
  }, 60_000);
});

describe("the dashboard", () => {
  it("follows adds, removals, retitles and comments, one write each, and keeps people's text", async () => {
    const repo = e2e.github.emulator.repository("dashboard", "follows");
    let from = e2e.github.emulator.log.length;
    await push(repo, { [CONFIG]: FIELD_LABELS, [DOC]: markdown(BASE) });
    // 6 labels (idea, 2 sections, 3 difficulties), 3 issues, the dashboard, the check run.
    expect(writesSince(repo, from).total).toBe(6 + 3 + 1 + 1);
    let board = dashboardOf(repo);
    expect(board.title).toBe("Station ideas");
    expect(repo.checkRuns.at(-1)?.output.summary).toMatch(
      new RegExp(`\\*\\*Dashboard:\\*\\* created \\[#${board.number}\\]\\(`),
    );
    expect(board.labels).toEqual([]);
    const wind = ideaIssue(repo, "Wind gauge");
    expect(board.body).toContain(
      `| Wind gauge | #${wind.number} | open | \`difficulty: easy\` | 0 |`,
    );
    expect(board.body).toMatch(/### Sensors[^]*### Software/);
    expect(board.body).toContain("How to take part");

    // The document changes, its ideas do not: nothing but the check run.
    from = e2e.github.emulator.log.length;
    await push(repo, {
      [DOC]: markdown(BASE).replace("# Station ideas\n", "# Station ideas\n\nAn introduction.\n"),
    });
    expect(writesSince(repo, from).total).toBe(1);

    // A person writes above the list: kept by every later write.
    board.body = `Mentors meet on Fridays.\n\n${board.body}`;

    // An idea added: its issue, one dashboard update, the check run.
    const added = [...BASE, { title: "Data export", difficulty: "Easy", section: "Software" }];
    from = e2e.github.emulator.log.length;
    await push(repo, { [DOC]: markdown(added) });
    expect(writesSince(repo, from).total).toBe(1 + 1 + 1);
    board = dashboardOf(repo);
    expect(board.body).toContain(
      `| Data export | #${ideaIssue(repo, "Data export").number} | open |`,
    );
    expect(board.body.startsWith("Mentors meet on Fridays.")).toBe(true);

    // An idea retitled: the rename comment and the issue's update, one dashboard update, the check run.
    const retitled = added.map((idea) =>
      idea.title === "Rain gauge" ? { ...idea, title: "Rain gauge with heater" } : idea,
    );
    from = e2e.github.emulator.log.length;
    await push(repo, { [DOC]: markdown(retitled) });
    expect(writesSince(repo, from).total).toBe(2 + 1 + 1);
    expect(dashboardOf(repo).body).toContain("| Rain gauge with heater |");
    expect(dashboardOf(repo).body).not.toContain("| Rain gauge |");

    // An idea removed: its closing comment and the close, one dashboard update, the check run.
    from = e2e.github.emulator.log.length;
    await push(repo, { [DOC]: markdown(retitled.filter((idea) => idea.title !== "Data export")) });
    expect(writesSince(repo, from).total).toBe(2 + 1 + 1);
    expect(dashboardOf(repo).body).not.toContain("Data export");
    // The dashboard is no idea's issue: never closed, labelled or counted.
    expect(dashboardOf(repo).state).toBe("open");
    expect(repo.checkRuns.at(-1)?.output.summary).toMatch(/3 ideas/);

    // A person comments on an idea's issue: the counts are refreshed at once, in one write.
    const number = wind.number;
    from = e2e.github.emulator.log.length;
    const first = e2e.github.emulator.now();
    expect(await e2e.github.comment(repo, number, "I would like to try this.", "ada")).toBe(200);
    await e2e.app.idle();
    expect(writesSince(repo, from).total).toBe(1);
    expect(dashboardOf(repo).body).toContain(
      `| Wind gauge | #${number} | open | \`difficulty: easy\` | 1 |`,
    );

    // Two more comments within ten minutes: no refresh at once; one at the
    // end of the window picks both up (a second could only come ten
    // minutes after that one).
    from = e2e.github.emulator.log.length;
    await e2e.github.comment(repo, number, "Me too.", "grace");
    await e2e.github.comment(repo, number, "And me.", "linus");
    await e2e.app.idle();
    const refreshes = writesSince(repo, from).log;
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    expect(refreshes.length).toBeLessThanOrEqual(2);
    const times = [first, ...refreshes.map((write) => write.at)];
    for (let i = 1; i < times.length; i += 1)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(
        10 * 60 * 1000,
      );
    for (const write of refreshes)
      expect(write.path).toMatch(new RegExp(`/issues/${board.number}$`));
    expect(dashboardOf(repo).body).toContain(
      `| Wind gauge | #${number} | open | \`difficulty: easy\` | 3 |`,
    );
    expect(dashboardOf(repo).body.startsWith("Mentors meet on Fridays.")).toBe(true);
  }, 120_000);

  it("refused by a rate limit, is written by the run that starts by itself when it lifts", async () => {
    const repo = e2e.github.emulator.repository("dashboard", "refused");
    // The three idea issues go through; the dashboard, created next, is refused.
    e2e.github.emulator.inject({
      method: "POST",
      path: /\/repos\/dashboard\/refused\/issues$/,
      kind: { status: 403, retryAfter: 120, message: "You have exceeded a secondary rate limit" },
      times: 1,
      after: 3,
    });
    await push(repo, { [CONFIG]: `documents:\n  - path: ${DOC}\n`, [DOC]: markdown(BASE) });
    const first = repo.checkRuns.find((run) => run.output.summary.includes("not written"));
    expect(first?.output.summary).toMatch(
      /\*\*Dashboard:\*\* not written \(GitHub answered 403: You have exceeded a secondary rate limit\b.*\)\. The issues above are written/,
    );
    expect(first?.output.summary).toMatch(
      /The dashboard is written by a run that starts by itself in about 3 min, when GitHub.s limit resets\.$/,
    );
    // The continuation ran (by the emulator's clock) and wrote it, once.
    const dashboard = dashboardOf(repo);
    for (const idea of BASE) expect(dashboard.body).toContain(idea.title);
    expect(repo.issues.filter((issue) => issue.title === "Wind gauge")).toHaveLength(1);
    expect(repo.checkRuns.at(-1)?.conclusion).toBe("success");
    expect(e2e.github.emulator.violations).toEqual([]);
  }, 60_000);

  it("refused again and again, stops starting runs by itself after 50 in a row, and says so", async () => {
    const repo = e2e.github.emulator.repository("dashboard", "always-refused");
    const fault = {
      method: "POST",
      path: /\/repos\/dashboard\/always-refused\/issues$/,
      kind: { status: 403, retryAfter: 60, message: "You have exceeded a secondary rate limit" },
      times: 1000,
      after: 3,
    };
    e2e.github.emulator.inject(fault);
    await push(repo, { [CONFIG]: `documents:\n  - path: ${DOC}\n`, [DOC]: markdown(BASE) });
    const summaries = repo.checkRuns.map((run) => run.output.summary);
    const refused = summaries.filter((summary) => summary.includes("**Dashboard:** not written"));
    // The push's run, then 50 continuations; the last says none follows.
    expect(refused).toHaveLength(51);
    expect(refused.at(-1)).toMatch(
      /Too many runs in a row left work for later, so none starts by itself: the next push writes the dashboard\.$/,
    );
    expect(
      refused.slice(0, -1).every((summary) => /starts by itself in about 2 min/.test(summary)),
    ).toBe(true);
    expect(repo.issues).toHaveLength(3);
    // GitHub takes it again: the next push writes the dashboard.
    fault.times = 0;
    await push(repo, { [DOC]: markdown(BASE) + "\nA closing remark.\n" });
    expect(dashboardOf(repo).body).toContain("Wind gauge");
    expect(e2e.github.emulator.violations).toEqual([]);
  }, 120_000);

  it("is not written when turned off, and shown by a pull request's preview", async () => {
    const repo = e2e.github.emulator.repository("dashboard", "off");
    await push(repo, {
      [CONFIG]: `documents:\n  - path: ${DOC}\n    dashboard: false\n`,
      [DOC]: markdown(BASE),
    });
    expect(repo.issues.filter((issue) => issue.body.includes("dashboard-end"))).toEqual([]);
    await e2e.github.openPullRequest(
      repo,
      { [CONFIG]: `documents:\n  - path: ${DOC}\n`, [DOC]: markdown(BASE) },
      7,
    );
    await e2e.app.idle();
    expect(repo.checkRuns.at(-1)?.output.summary).toMatch(
      /\*\*Dashboard:\*\* create the issue "Station ideas", 1 write/,
    );
    expect(repo.issues.filter((issue) => issue.body.includes("dashboard-end"))).toEqual([]);
  }, 60_000);
});
