/**
 * The app as a process of its own against the emulator, on what GitHub pages
 * and what it limits: more than 100 issues among people's issues, more
 * labels than a page holds, check runs past 65,535 bytes or 50 annotations,
 * long document paths, long titles, and ideas that name people.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateGoshDocument } from "../../bench/generate-gosh-document.js";
import { APP_SLUG, type EmulatedIssue, type EmulatedRepository } from "../../emulator/emulator.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { startApp, type RunningApp } from "../../emulator/start-app.js";
import { readIssueBody } from "../../src/plan/issue-body.js";
import { HISTORY } from "../support/app-harness.js";

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

const BOT = `${APP_SLUG}[bot]`;
const CONFIG = ".github/ideas-sync.yml";
const config = (path: string, extra = "") =>
  `${extra}documents:\n  - path: ${path}\n    dashboard: false\n`;

/** Pushes and waits until the app is done. */
async function push(repo: EmulatedRepository, changes: Record<string, string | null>) {
  const sha = await github.push(repo, changes);
  await app.idle();
  return sha;
}

const runOf = (repo: EmulatedRepository, sha: string) =>
  repo.checkRuns.filter((r) => r.head_sha === sha).at(-1);
const requests = (repo: EmulatedRepository, from = 0) =>
  github.emulator.log.slice(from).filter((r) => r.path.startsWith(`/repos/${repo.fullName}/`));
const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const characters = (text: string) => Array.from(text).length;

/** Issues people opened, with labels and a copy of an idea's marker in some. */
function addPeoplesIssues(repo: EmulatedRepository, count: number): void {
  const ideaBodies = repo.issues.filter((i) => i.creator === BOT).map((i) => i.body);
  for (let n = 0; n < count; n += 1) {
    const number = repo.issues.length + 1;
    repo.issues.push({
      number,
      title: `A person's issue #${number}`,
      // A person who copied an idea's issue, marker and all.
      body:
        n % 10 === 0 && ideaBodies.length > 0 ? (ideaBodies[n % ideaBodies.length] as string) : "",
      state: n % 7 === 0 ? "closed" : "open",
      state_reason: n % 7 === 0 ? "completed" : null,
      labels: n % 3 === 0 ? ["idea"] : ["area 7"],
      creator: n % 2 === 0 ? "octocat" : "hubot",
      comments: [],
    });
  }
}

describe("lists over more than one page", () => {
  it("keeps one issue per idea for 130 ideas among 250 people's issues, through an edit and a removal, and leaves people's issues alone", async () => {
    const repo = github.emulator.repository("paged", "ideas");
    const doc = "doc/ideas.txt";
    // 150 labels people made: the tracking label is on the second page.
    for (let i = 0; i < 150; i += 1)
      repo.labels.push({
        id: 5000 + i,
        name: i === 140 ? "idea" : `area ${i}`,
        color: "ededed",
        description: i === 140 ? "People's own description" : "",
      });
    const from = github.emulator.log.length;
    // Numbers interleave: people's 1–125, ideas' 126–190, people's 191–315, ideas' 316–380.
    addPeoplesIssues(repo, 125);
    let sha = await push(repo, {
      [CONFIG]: config(doc, "max-writes: 1000\n"),
      [doc]: generateGoshDocument(65),
    });
    expect(runOf(repo, sha)?.conclusion).toBe("success");
    addPeoplesIssues(repo, 125);
    const peoples = () => JSON.stringify(repo.issues.filter((i) => i.creator !== BOT));
    const theirs = peoples();
    const full = generateGoshDocument(130);
    sha = await push(repo, { [doc]: full });
    expect(runOf(repo, sha)?.conclusion).toBe("success");

    const ideaIssues = () => repo.issues.filter((i) => i.creator === BOT);
    const ideaNumber = (issue: EmulatedIssue) => Number(/^Idea (\d+):/.exec(issue.title)?.[1]);
    const expectOneIssuePerIdea = (ideas: number[]) => {
      const open = ideaIssues().filter((i) => i.state === "open");
      expect(open.map(ideaNumber).sort((a, b) => a - b)).toEqual(ideas);
      const keys = ideaIssues().map((i) => readIssueBody(i.body).marker?.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(peoples()).toBe(theirs);
    };
    const all = Array.from({ length: 130 }, (_, i) => i + 1);
    expect(ideaIssues()).toHaveLength(130);
    expect(ideaIssues().map((i) => i.number)).toEqual([
      ...Array.from({ length: 65 }, (_, i) => 126 + i),
      ...Array.from({ length: 65 }, (_, i) => 316 + i),
    ]);
    expectOneIssuePerIdea(all);

    // Idea 1's issue is the oldest: on the second page of the app's issues.
    const edited = full.replace("would benefit from a new", "would gain a great deal from a new");
    expect(edited).not.toBe(full);
    const before = github.emulator.log.length;
    sha = await push(repo, { [doc]: edited });
    expect(runOf(repo, sha)?.conclusion).toBe("success");
    expect(runOf(repo, sha)?.output.title).toBe("1 updated");
    expect(ideaIssues()).toHaveLength(130);
    expect(ideaIssues().find((i) => ideaNumber(i) === 1)?.body).toContain(
      "would gain a great deal",
    );
    expectOneIssuePerIdea(all);
    expect(requests(repo, before).some((r) => /\/issues\?.*page=2/.test(r.path))).toBe(true);

    const start = edited.indexOf(":Idea 2:");
    const removed = edited.slice(0, start) + edited.slice(edited.indexOf(":Idea 3:"));
    sha = await push(repo, { [doc]: removed });
    expect(runOf(repo, sha)?.conclusion).toBe("success");
    expect(ideaIssues()).toHaveLength(130);
    expect(ideaIssues().find((i) => ideaNumber(i) === 2)).toMatchObject({
      state: "closed",
      state_reason: "not_planned",
    });
    expectOneIssuePerIdea(all.filter((n) => n !== 2));

    // The labels were read to their last page: the tracking label, which
    // people made, was neither created again nor changed.
    const labelWrites = requests(repo, from).filter(
      (r) => r.method === "POST" && r.path.endsWith("/labels"),
    );
    expect(labelWrites.every((r) => r.status === 201)).toBe(true);
    expect(requests(repo, from).some((r) => /\/labels\?.*page=2/.test(r.path))).toBe(true);
    expect(repo.labels.find((l) => l.name === "idea")?.description).toBe(
      "People's own description",
    );
  }, 240_000);

  it("previews a pull request whose document is past the first page of its 150 changed files", async () => {
    const repo = github.emulator.repository("paged", "files");
    await push(repo, { [CONFIG]: config(HISTORY.DOC), [HISTORY.DOC]: HISTORY.R1 });
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i += 1) files[`assets/file-${String(i).padStart(3, "0")}.txt`] = "x";
    const text = HISTORY.R1 + "\n:Idea from a pull request:\n\n  New text.\n";
    const head = await github.openPullRequest(repo, { ...files, [HISTORY.DOC]: text }, 7);
    await app.idle();
    expect(repo.pullFiles.get(7)?.indexOf(HISTORY.DOC)).toBeGreaterThanOrEqual(100);
    expect(runOf(repo, head)?.output.title).toBe("Preview: 1 to create");
    expect(requests(repo).some((r) => /\/pulls\/7\/files\?.*page=2/.test(r.path))).toBe(true);
  }, 60_000);
});

describe("check runs within GitHub's limits", () => {
  it("cuts a summary of titles full of accents and emoji to 65,535 bytes, and the check run is made", async () => {
    const repo = github.emulator.repository("accents", "ideas");
    const lines = ["", "Idées", "#####", ""];
    for (let i = 1; i <= 300; i += 1)
      lines.push(
        `:Idée ${i} ${"é".repeat(60)} 🐢:`,
        "",
        `  Texte ${i} de l'idée, très détaillé.`,
        "",
      );
    const doc = lines.join("\n");
    await push(repo, { [CONFIG]: config("doc/ideas.txt") });
    const head = await github.openPullRequest(repo, { "doc/ideas.txt": doc }, 1);
    await app.idle();
    const run = runOf(repo, head);
    expect(run?.output.title).toBe("Preview: 300 to create, 2 labels to create");
    const summary = run?.output.summary ?? "";
    expect(bytes(summary)).toBeLessThanOrEqual(65_535);
    // Cut by bytes, not by characters: far fewer than 65,535 of them.
    expect(characters(summary)).toBeLessThan(50_000);
    expect(summary).toMatch(/\n\n… \(cut: the summary is longer than a check run can show\)$/);
    expect(summary).not.toContain("\uFFFD");
    expect(repo.issues).toEqual([]);
  }, 60_000);

  it("marks every one of 80 problems on its line: 50 with the check run, 30 in an update", async () => {
    const repo = github.emulator.repository("problems", "ideas");
    const lines = ["", "Ideas", "#####", ""];
    for (let i = 1; i <= 40; i += 1)
      lines.push(
        `:Idea number ${i}:`,
        "",
        `  See [nowhere ${i}] for more.`,
        `\tand a tab ${i}.`,
        "",
      );
    const before = github.emulator.log.length;
    const sha = await push(repo, {
      [CONFIG]: config("doc/ideas.txt"),
      "doc/ideas.txt": lines.join("\n"),
    });
    const run = runOf(repo, sha);
    expect(run?.conclusion).toBe("success");
    const annotations = (run?.output.annotations ?? []) as Array<{
      start_line: number;
      title: string;
    }>;
    expect(annotations).toHaveLength(80);
    const marked = (rule: string) =>
      annotations
        .filter((a) => a.title === rule)
        .map((a) => a.start_line)
        .sort((a, b) => a - b);
    expect(marked("unresolved-reference")).toEqual(Array.from({ length: 40 }, (_, i) => 7 + 5 * i));
    expect(marked("tab-indent")).toEqual(Array.from({ length: 40 }, (_, i) => 8 + 5 * i));
    expect(
      requests(repo, before)
        .filter((r) => r.path.includes("/check-runs"))
        .map((r) => `${r.method} ${r.status}`),
    ).toEqual(["POST 201", "PATCH 200"]);
    expect(run?.output.summary).not.toMatch(/problems; the first/);
  }, 60_000);
});

describe("labels, titles and bodies within GitHub's limits", () => {
  it("creates labels with descriptions of at most 100 characters for a document with a long path", async () => {
    const repo = github.emulator.repository("deep", "ideas");
    const doc = `docs/${"a-rather-long-folder-name-for-planning/".repeat(3)}ideas.txt`;
    expect(doc.length).toBeGreaterThan(100);
    const sha = await push(repo, { [CONFIG]: config(doc), [doc]: HISTORY.R1 });
    expect(runOf(repo, sha)?.conclusion).toBe("success");
    expect(repo.issues.filter((i) => i.state === "open")).toHaveLength(4);
    const tracking = repo.labels.find((l) => l.name === "idea");
    expect(tracking?.description).toMatch(/^An idea from ….*\/ideas\.txt$/);
    expect(repo.labels.length).toBeGreaterThan(1);
    for (const label of repo.labels) expect(characters(label.description)).toBeLessThanOrEqual(100);
    expect(requests(repo).filter((r) => r.status === 422)).toEqual([]);
  }, 60_000);

  it("cuts a long title of accents and emoji to 256 characters and a long body to 65,536", async () => {
    const repo = github.emulator.repository("long", "ideas");
    const title = `Turtles 🐢 ${"é".repeat(150)} ${"🐢".repeat(150)}`;
    const paragraph = `  ${"🐢é".repeat(200)}`;
    const body = Array.from({ length: 120 }, () => paragraph).join("\n\n");
    const doc = ["", "Ideas", "#####", "", `:${title}:`, "", body, ""].join("\n");
    const sha = await push(repo, { [CONFIG]: config("doc/ideas.txt"), "doc/ideas.txt": doc });
    expect(runOf(repo, sha)?.conclusion).toBe("success");
    const issue = repo.issues[0];
    expect(characters(issue?.title ?? "")).toBeLessThanOrEqual(256);
    expect(issue?.title).toMatch(/^Turtles 🐢 é+ (🐢)+…$/u);
    expect(characters(issue?.body ?? "")).toBeLessThanOrEqual(65_536);
    expect(issue?.body).toContain("The rest of this idea is too long for an issue");
    expect(issue?.title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  }, 60_000);
});

describe("mentions", () => {
  it("creates and renames the issue of an idea naming @octocat without a mention in its title, body or comments", async () => {
    const repo = github.emulator.repository("mentions", "ideas");
    const doc = (title: string) =>
      [
        "",
        "Ideas",
        "#####",
        "",
        `:${title}:`,
        "",
        "  The anemometer needs calibrating; @hubot and @github/hardware know how.",
        "  Mail ops@example.org, and read [https://medium.com/@writer/wind - the post].",
        "",
        ":Rain gauge:",
        "",
        "  Measure rain with a tipping bucket.",
        "",
      ].join("\n");
    let sha = await push(repo, {
      [CONFIG]: config("doc/ideas.txt"),
      "doc/ideas.txt": doc("Ask @octocat about wind gauges"),
    });
    expect(runOf(repo, sha)?.conclusion).toBe("success");
    sha = await push(repo, { "doc/ideas.txt": doc("Ask @octocat about wind speed gauges") });
    expect(runOf(repo, sha)?.conclusion).toBe("success");
    expect(repo.issues).toHaveLength(2);
    const issue = repo.issues[0] as EmulatedIssue;
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]?.body).toMatch(/renamed/);
    // Read as GitHub reads them: "@" and a name, not after a word character.
    const mention = /(^|[^\p{L}\p{N}_.+-])@[A-Za-z0-9]/u;
    const withoutUrls = (text: string) => text.replace(/https?:\/\/[^\s)>\]]+/g, "");
    for (const text of [issue.title, issue.body, ...issue.comments.map((c) => c.body)])
      expect(withoutUrls(text)).not.toMatch(mention);
    // Still readable, and links and addresses still work.
    expect(issue.title.replaceAll("\u200B", "")).toBe("Ask @octocat about wind speed gauges");
    expect(issue.body.replaceAll("\u200B", "")).toContain("@hubot and @github/hardware");
    expect(issue.body).toContain("(https://medium.com/@writer/wind)");
    expect(issue.body).toContain("ops@example.org");
  }, 60_000);
});
