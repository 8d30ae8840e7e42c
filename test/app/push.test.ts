/**
 * The push handler against a fake GitHub: what it reads, writes and reports.
 */
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import {
  expectCleanRun,
  HISTORY,
  push,
  startApp,
  press,
  synced,
  type Harness,
} from "../support/app-harness.js";
import { BOT } from "../support/fake-github.js";
import { pushPayload } from "../support/webhooks.js";

const { DOC, CONFIG, R1, R2, R3, R4, R6 } = HISTORY;

/**
 * Commits `count` changes to notes on main, or the given changes at some
 * positions, and returns the commits with their parents, oldest first.
 */
function commitNotes(
  h: Harness,
  count: number,
  at: Record<number, Record<string, string>> = {},
): Array<{ sha: string; parent: string }> {
  const commits = [];
  for (let i = 0; i < count; i += 1) {
    const parent = h.github.branches.get("main") as string;
    commits.push({ sha: h.github.commit(at[i] ?? { [`notes/${i}.txt`]: `note ${i}` }), parent });
  }
  return commits;
}

const open = (h: Harness) => h.github.issues.filter((i) => i.state === "open").map((i) => i.title);

afterEach(() => {
  expectCleanRun();
  nock.cleanAll();
});

describe("push", () => {
  it("ignores a push to another branch, reading at most the default branch's configuration", async () => {
    const h = await synced();
    await push(h, { [DOC]: R2 }, { branch: "feature" });
    // The default branch's configuration is known from the last sync.
    expect(h.github.requests).toEqual([]);
    expect(h.github.writes()).toEqual([]);
  });

  it("ignores tags and branch deletions without any request", async () => {
    const h = await synced();
    const sha = h.github.branches.get("main") as string;
    await h.receive(
      pushPayload(h.github, { before: sha, after: sha, commits: [], ref: "refs/tags/v1" }),
    );
    await h.receive(
      pushPayload(h.github, { before: sha, after: sha, commits: [], branch: "old", deleted: true }),
    );
    expect(h.github.requests).toEqual([]);
  });

  it("makes no request for a push that touches no document, once the configuration is known", async () => {
    const h = await synced();
    await push(h, { "README.md": "hello" });
    // The configuration is known: the push continues from where it was read.
    expect(h.github.requests).toEqual([]);
    // A new process knows nothing yet, and reads the configuration once.
    const fresh = await startApp(h.github);
    h.github.clearLog();
    await push(fresh, { "README.md": "again" });
    expect(h.github.calls()).toEqual([`GET ${h.github.base}/contents/${CONFIG}`]);
    await push(fresh, { "README.md": "and again" });
    expect(h.github.calls()).toHaveLength(1);
    await push(fresh, { [DOC]: R1 + "\n" }, { branch: "feature" });
    expect(h.github.calls()).toHaveLength(1);
    expect(h.github.writes()).toEqual([]);
  });

  it("does nothing in a repository without a configuration", async () => {
    const h = await startApp();
    await push(h, { [DOC]: R1 });
    expect(h.github.calls()).toEqual([`GET ${h.github.base}/contents/${CONFIG}`]);
  });

  it("opens one issue per idea on the first sync, with labels made first, and reports it", async () => {
    const h = await startApp();
    const sha = await push(h, { [CONFIG]: HISTORY.config, [DOC]: R1 });
    expect(h.github.refused).toEqual([]);
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/contents/${CONFIG}`,
      `GET ${h.github.base}/branches/main`,
      "GET /app",
      `GET ${h.github.base}/contents/${DOC}`,
      `GET ${h.github.base}/issues`,
      `GET ${h.github.base}/labels`,
      `POST ${h.github.base}/labels`,
      `POST ${h.github.base}/labels`,
      `POST ${h.github.base}/labels`,
      ...Array(4).fill(`POST ${h.github.base}/issues`),
      `POST ${h.github.base}/check-runs`,
    ]);
    expect(h.github.labels.map((l) => l.name).sort()).toEqual([
      "Reading documents",
      "Working with issues",
      "idea",
    ]);
    expect(h.github.issues.map((i) => [i.title, i.labels])).toEqual([
      ["reStructuredText input", ["idea", "Reading documents"]],
      ["Ideas in tables", ["idea", "Reading documents"]],
      ["Assignees from the document", ["idea", "Working with issues"]],
      ["Weekly digest", ["idea", "Working with issues"]],
    ]);
    expect(h.github.issues[0]?.body).toMatch(/A reader\s+for section titles/);
    const run = h.github.checkRuns[0];
    expect(run).toMatchObject({ name: "ideas-sync", head_sha: sha, conclusion: "success" });
    expect(run?.output.title).toBe("4 created, 3 labels created");
    expect(run?.output.summary).toContain(`[#1](${h.github.htmlUrl}/issues/1)`);
    // With a fixed token, Probot's app-level Octokit is the event's, so GET /app counts too.
    expect(run?.output.summary).toContain("API requests: 13 (6 reads, 7 writes)");
  });

  it("reads no issue when the document changed but no idea did", async () => {
    const h = await synced();
    await push(h, { [DOC]: R1 + "\n\n; a comment line changes no idea\n" });
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/branches/main`,
      `GET ${h.github.base}/contents/${DOC}`,
      `POST ${h.github.base}/check-runs`,
    ]);
    expect(h.github.checkRuns.at(-1)?.output.title).toBe("In sync: no idea changed");
    expect(h.github.checkRuns.at(-1)?.conclusion).toBe("success");
  });

  it("writes exactly the changed ideas: two added, then one edited and one retitled", async () => {
    const h = await synced();
    await push(h, { [DOC]: R2 });
    expect(h.github.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST ${h.github.base}/issues`,
      `POST ${h.github.base}/issues`,
      `POST ${h.github.base}/check-runs`,
    ]);
    h.github.clearLog();
    await push(h, { [DOC]: R3 });
    // 03 edits one idea and retitles another: 2 updates and the rename comment.
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/branches/main`,
      `GET ${h.github.base}/contents/${DOC}`,
      `GET ${h.github.base}/issues`,
      `POST ${h.github.base}/issues/N/comments`,
      `GET ${h.github.base}/issues/N`,
      `PATCH ${h.github.base}/issues/N`,
      `GET ${h.github.base}/issues/N`,
      `PATCH ${h.github.base}/issues/N`,
      `POST ${h.github.base}/check-runs`,
    ]);
    expect(h.github.issues).toHaveLength(6);
    expect(open(h)).toContain("Assignees named in the document");
    expect(open(h)).not.toContain("Assignees from the document");
    expect(h.github.comments.at(-1)?.body).toMatch(/Assignees from the document/);
  });

  it("closes the issue of a removed idea with a comment, and keeps the moved one's issue", async () => {
    const h = await synced();
    await push(h, { [DOC]: R2 });
    await push(h, { [DOC]: R3 });
    h.github.clearLog();
    const before = h.github.issues.length;
    await push(h, { [DOC]: R4 });
    expect(h.github.issues).toHaveLength(before);
    const closed = h.github.issues.filter((i) => i.state === "closed");
    expect(closed).toHaveLength(1);
    expect(closed[0]?.state_reason).toBe("not_planned");
    expect(h.github.comments.some((c) => c.issue === closed[0]?.number)).toBe(true);
    expect(h.github.checkRuns.at(-1)?.output.title).toMatch(/1 closed/);
  });

  it("reports a deleted document as blocked and closes nothing", async () => {
    const h = await synced();
    await push(h, { [DOC]: null });
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/branches/main`,
      `GET ${h.github.base}/contents/${DOC}`,
      `POST ${h.github.base}/check-runs`,
    ]);
    expect(h.github.checkRuns.at(-1)).toMatchObject({ conclusion: "failure" });
    expect(h.github.checkRuns.at(-1)?.output.summary).toMatch(
      /removed or renamed\. Nothing is closed/,
    );
    expect(open(h)).toHaveLength(4);
  });

  it("fails the check run on a bad configuration with key and line, and writes nothing else", async () => {
    const h = await synced();
    await push(h, { [CONFIG]: `documents:\n  - path: ${DOC}\n    tracking-label: 7\n` });
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/contents/${CONFIG}`,
      `POST ${h.github.base}/check-runs`,
    ]);
    const run = h.github.checkRuns.at(-1);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output.summary).toContain(
      ".github/ideas-sync.yml:3: `documents[0].tracking-label`",
    );
    expect(run?.output.annotations).toEqual([
      expect.objectContaining({ path: CONFIG, start_line: 3, annotation_level: "failure" }),
    ]);
  });

  it("fails the check run on a document with errors, annotated on their lines, and writes no issue", async () => {
    const h = await synced();
    const lines = R2.split("\n");
    const at = lines.indexOf(":Weekly digest:") + 2;
    lines.splice(at, 0, "  ; an indented comment, which gosh refuses");
    await push(h, { [DOC]: lines.join("\n") });
    expect(h.github.writes().map((w) => w.path)).toEqual([`${h.github.base}/check-runs`]);
    const run = h.github.checkRuns.at(-1);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output.title).toMatch(/^Blocked: the document has 1 error \(first: line \d+/);
    expect(run?.output.annotations).toContainEqual(
      expect.objectContaining({
        path: DOC,
        start_line: at + 1,
        annotation_level: "failure",
        title: "indented-comment",
      }),
    );
    expect(run?.actions).toEqual([]);
    expect(h.github.issues).toHaveLength(4);
  });

  it("syncs what a forced push left, deciding with the compare API", async () => {
    const h = await synced();
    const base = h.github.branches.get("main") as string;
    const abandoned = h.github.commit({ [DOC]: R2 });
    h.github.reset("main", base);
    const after = h.github.commit({ [DOC]: R3 });
    await h.receive(
      pushPayload(h.github, {
        before: abandoned,
        after,
        forced: true,
        commits: [{ sha: after, parent: base }],
      }),
    );
    expect(h.github.calls().slice(0, 2)).toEqual([
      `GET ${h.github.base}/contents/${CONFIG}`,
      `GET ${h.github.base}/compare/${abandoned}...${after}`,
    ]);
    expect(h.github.issues.map((i) => i.title)).toContain("Settings in front matter");
  });

  it("uses the compare API for a push of more than 20 commits, and skips one that touched nothing", async () => {
    const h = await synced();
    const before = h.github.branches.get("main") as string;
    const commits = commitNotes(h, 25);
    const after = commits.at(-1)?.sha as string;
    await h.receive(pushPayload(h.github, { before, after, commits }));
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/contents/${CONFIG}`,
      `GET ${h.github.base}/compare/${before}...${after}`,
    ]);
  });

  it("finds a document change among more than 20 commits, which the payload may leave out", async () => {
    const h = await synced();
    const before = h.github.branches.get("main") as string;
    const commits = commitNotes(h, 25, { 2: { [DOC]: R2 } });
    // The payload lists the last 20 commits: the document's change is not among them.
    await h.receive(
      pushPayload(h.github, { before, after: commits.at(-1)?.sha as string, commits }),
    );
    expect(h.github.issues).toHaveLength(6);
  });

  it("syncs the configured branch instead of the default branch", async () => {
    const h = await startApp();
    await push(h, { [CONFIG]: `branch: develop\n${HISTORY.config}`, [DOC]: R1 });
    expect(h.github.issues).toHaveLength(0);
    h.github.clearLog();
    await push(h, { [DOC]: R2 }, { branch: "develop" });
    expect(h.github.issues).toHaveLength(6);
    expect(h.github.calls()).not.toContain(`GET ${h.github.base}/contents/${CONFIG}`);
  });

  it("blocks a mass removal with a Confirm button, and pressing it applies that plan", async () => {
    const h = await synced();
    await push(h, { [DOC]: R2 });
    h.github.clearLog();
    const sha = await push(h, { [DOC]: R6 });
    const blocked = h.github.checkRuns.at(-1);
    expect(blocked?.conclusion).toBe("action_required");
    expect(blocked?.output.title).toMatch(
      /^Blocked: this sync would close 4 of 6 open idea issues/,
    );
    expect(blocked?.actions).toEqual([expect.objectContaining({ identifier: "confirm" })]);
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/branches/main`,
      `GET ${h.github.base}/contents/${DOC}`,
      `GET ${h.github.base}/issues`,
      `POST ${h.github.base}/check-runs`,
    ]);
    expect(open(h)).toHaveLength(6);
    h.github.clearLog();
    await press(h, blocked, "confirm");
    expect(h.github.refused).toEqual([]);
    expect(open(h)).toHaveLength(2);
    // The presser's access, then (the head has not moved) the document is
    // not read twice. Four closes, each reading its issue back and
    // commenting first, then the report.
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/collaborators/${h.github.owner}/permission`,
      `GET ${h.github.base}`,
      `GET ${h.github.base}/contents/${CONFIG}`,
      `GET ${h.github.base}/branches/main`,
      `GET ${h.github.base}/contents/${DOC}`,
      `GET ${h.github.base}/issues`,
      ...Array(4)
        .fill([
          `GET ${h.github.base}/issues/N`,
          `POST ${h.github.base}/issues/N/comments`,
          `PATCH ${h.github.base}/issues/N`,
        ])
        .flat(),
      `POST ${h.github.base}/check-runs`,
    ]);
    const done = h.github.checkRuns.at(-1);
    expect(done).toMatchObject({ head_sha: sha, conclusion: "success" });
    expect(done?.output.summary).toMatch(/Applied as confirmed/);
  });

  it("does not apply a confirmed plan once the document changed on the branch", async () => {
    const h = await synced();
    await push(h, { [DOC]: R2 });
    await push(h, { [DOC]: R6 });
    const blocked = h.github.checkRuns.at(-1);
    await push(h, { [DOC]: R2 });
    h.github.clearLog();
    await press(h, blocked, "confirm");
    expect(h.github.writes().map((w) => w.path)).toEqual([`${h.github.base}/check-runs`]);
    expect(h.github.checkRuns.at(-1)?.output.title).toMatch(/^Not applied: the document changed/);
    expect(open(h)).toHaveLength(6);
  });

  it("changes nothing on a redelivery of the same delivery id", async () => {
    const h = await synced();
    await push(h, { [DOC]: R2 }, { id: "same" });
    const requests = h.github.requests.length;
    const before = h.github.branches.get("main") as string;
    await h.receive(
      pushPayload(h.github, { before, after: before, commits: [{ sha: before, parent: null }] }),
      "same",
    );
    expect(h.github.requests).toHaveLength(requests);
  });

  it("never opens a twin for an issue whose tracking label a person removed", async () => {
    const h = await synced();
    const issue = h.github.issues[0];
    if (issue) issue.labels = [];
    await push(h, { [DOC]: R2 });
    expect(h.github.issues.filter((i) => i.title === "reStructuredText input")).toHaveLength(1);
    expect(h.github.issues.every((i) => i.creator === BOT)).toBe(true);
  });
});
