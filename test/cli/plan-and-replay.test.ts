/**
 * `ideas-sync plan` and `ideas-sync replay`.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, file, run } from "../support/cli.js";
import { genodeRevisions } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";
import { scratchDir } from "../support/scratch-dir.js";

const restIssue = (number: number, title: string, extra: object = {}) => ({
  number,
  title,
  body: "",
  state: "open",
  state_reason: null,
  labels: [{ name: "bug" }],
  html_url: `https://github.com/acme/station/issues/${number}`,
  ...extra,
});

describe("ideas-sync plan", () => {
  it("summarises what a first sync would write, with links to the repository", async () => {
    const issues = file(
      "issues.json",
      JSON.stringify([restIssue(1, "A bug"), restIssue(2, "A pull request", { pull_request: {} })]),
    );
    const { status, stdout } = await run(
      "plan",
      "--doc",
      example,
      "--issues",
      issues,
      "--path",
      "doc/ideas.txt",
    );
    expect(status).toBe(0);
    expect(stdout).toContain(
      "**doc/ideas.txt** at HEAD: 6 ideas, 0 idea issues (0 open); 9 writes planned.",
    );
    expect(stdout).toMatch(/\| create label \|\s+\| idea\s+\|/);
    expect(stdout).toMatch(/\| create\s+\| new\s+\| Weekly digest\s+\|/);
  });

  it("prints the plan as JSON, and plans nothing against the issues it would create", async () => {
    const empty = file("empty.json", "[]");
    const first = JSON.parse(
      (
        await run(
          "plan",
          "--doc",
          example,
          "--issues",
          empty,
          "--json",
          "--repository",
          "acme/station",
        )
      ).stdout,
    ) as {
      blocked: boolean;
      writes: number;
      actions: Array<{ type: string; title?: string; body?: string; labels?: string[] }>;
    };
    expect(first).toMatchObject({ blocked: false, writes: 9 });
    const created = first.actions
      .filter((a) => a.type === "create-issue")
      .map((a, i) =>
        restIssue(i + 1, a.title as string, {
          body: a.body,
          labels: (a.labels as string[]).map((name) => ({ name })),
        }),
      );
    const issues = file("created.json", JSON.stringify(created));
    const second = JSON.parse(
      (await run("plan", "--doc", example, "--issues", issues, "--json")).stdout,
    ) as { actions: unknown[]; writes: number };
    expect(second).toMatchObject({ actions: [], writes: 0 });
  });

  it("shows the dashboard's write apart from the idea issues', and none once it is up to date", async () => {
    const empty = file("none.json", "[]");
    const text = await run("plan", "--doc", example, "--issues", empty, "--path", "doc/ideas.txt");
    expect(text.stdout).toMatch(
      /^\*\*Dashboard:\*\* create the issue "Ideas for the future of ideas-sync", 1 write: /m,
    );
    const json = JSON.parse(
      (
        await run(
          "plan",
          "--doc",
          example,
          "--issues",
          empty,
          "--path",
          "doc/ideas.txt",
          "--repository",
          "acme/station",
          "--json",
        )
      ).stdout,
    ) as { writes: number; dashboard: { type: string; title: string; body: string } };
    expect(json.writes).toBe(9);
    expect(json.dashboard).toMatchObject({ type: "create-dashboard" });
    const board = restIssue(50, json.dashboard.title, { body: json.dashboard.body });
    const again = JSON.parse(
      (
        await run(
          "plan",
          "--doc",
          example,
          "--issues",
          file("board.json", JSON.stringify([board])),
          "--path",
          "doc/ideas.txt",
          "--repository",
          "acme/station",
          "--json",
        )
      ).stdout,
    ) as { writes: number; dashboard: unknown; summary: { managedIssues: number } };
    expect(again).toMatchObject({ writes: 9, dashboard: null, summary: { managedIssues: 0 } });
  });

  it("takes the document's settings from --config, and reports a bad config by key and line", async () => {
    const config = file(
      "ideas-sync.yml",
      "documents:\n  - path: examples/ideas.txt\n    tracking-label: proposal\n",
    );
    const { stdout } = await run(
      "plan",
      "--doc",
      example,
      "--issues",
      file("e.json", "[]"),
      "--config",
      config,
      "--path",
      "examples/ideas.txt",
      "--json",
    );
    expect(stdout).toContain('"label": "proposal"');
    const bad = file(
      "bad.yml",
      "documents:\n  - path: examples/ideas.txt\n    tracking-label: 7\n",
    );
    const result = await run(
      "plan",
      "--doc",
      example,
      "--issues",
      file("e2.json", "[]"),
      "--config",
      bad,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${bad}:3: documents[0].tracking-label:`);
  });

  it("exits 1 for a blocked plan and says how to confirm it", async () => {
    const { status, stdout } = await run(
      "plan",
      "--doc",
      file("none.txt", "No ideas here.\n"),
      "--issues",
      file("e3.json", "[]"),
    );
    expect(status).toBe(1);
    expect(stdout).toContain("**Blocked:** the document yields no ideas");
  });

  it.each([
    [["plan", "--doc", example], /needs --doc FILE and --issues/],
    [
      ["plan", "--doc", example, "--issues", "/nonexistent.json"],
      /cannot read \/nonexistent\.json/,
    ],
    [["plan", "--doc", example, "--issues", "NOTJSON"], /not\.json is not JSON/],
    [["plan", "--doc", example, "--issues", "OBJECT"], /expected a JSON array of issues/],
    [["plan", "--doc", example, "--issues", "BADITEM"], /item 0: number/],
  ])("exits 2 for %j", async (argv, message) => {
    const files: Record<string, string> = {
      NOTJSON: file("not.json", "{"),
      OBJECT: file("object.json", "{}"),
      BADITEM: file("baditem.json", '[{"title": "x"}]'),
    };
    const { status, stderr } = await run(...argv.map((a) => files[a] ?? a));
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });
});

withCorpus("genode").describe("ideas-sync replay", () => {
  const files = genodeRevisions()
    .filter((r) => /^\d/.test(r.seq))
    .map((r) => r.path);

  it("replays the Genode history with --force into the issues of revision 014", async () => {
    const { status, stdout } = await run(
      "replay",
      ...files,
      "--path",
      "doc/challenges.txt",
      "--force",
      "--json",
    );
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      steps: Array<Record<string, unknown>>;
      issues: Array<Record<string, unknown>>;
    };
    expect(Object.keys(result)).toEqual(["steps", "issues"]);
    expect(Object.keys(result.steps[0] as object)).toEqual([
      "revision",
      "created",
      "updated",
      "closed",
      "reopened",
      "renamed",
      "blocked",
      "writes",
    ]);
    expect(Object.keys(result.issues[0] as object)).toEqual([
      "number",
      "title",
      "state",
      "key",
      "section",
      "labels",
    ]);
    expect(result.steps.map((s) => s.created)).toEqual([
      34, 0, 0, 0, 0, 0, 0, 15, 5, 1, 0, 6, 0, 0,
    ]);
    expect(result.steps.map((s) => s.closed)).toEqual([0, 0, 1, 0, 0, 0, 4, 15, 8, 0, 0, 15, 1, 0]);
    expect(result.steps.map((s) => s.blocked)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(result.issues.filter((i) => i.state === "open")).toHaveLength(17);
    expect(result.issues).toHaveLength(61);
  });

  it("stops at a blocked step without --force, says so, and exits 1", async () => {
    const { status, stdout } = await run(
      "replay",
      ...files.slice(6, 8),
      "--path",
      "doc/challenges.txt",
    );
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /^008_\S+: would make 15 created, .* BLOCKED: this sync would close 15 of 29 open idea issues/m,
    );
    expect(stdout).toContain("29 issues: 29 open, 0 closed");
  });

  it("replays a file's history from git", async () => {
    const repo = scratchDir("git");
    const git = (...args: string[]) =>
      execFileSync("git", [
        "-C",
        repo,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.org",
        ...args,
      ]);
    git("init", "-q");
    for (const path of files.slice(0, 3)) {
      writeFileSync(join(repo, "challenges.txt"), execFileSync("cat", [path]));
      git("add", "challenges.txt");
      git("commit", "-qm", "revision");
    }
    const { status, stdout } = await run(
      "replay",
      "--git",
      repo,
      "--path",
      "challenges.txt",
      "--json",
    );
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      steps: Array<{ created: number; updated: number; closed: number; renamed: number }>;
    };
    expect(result.steps.map((s) => [s.created, s.updated, s.closed, s.renamed])).toEqual([
      [34, 0, 0, 0],
      [0, 1, 0, 1],
      [0, 0, 1, 0],
    ]);
  });

  it("writes nothing when a revision is replayed onto itself", async () => {
    const { stdout } = await run(
      "replay",
      files[13] as string,
      files[13] as string,
      "--path",
      "doc/challenges.txt",
      "--json",
    );
    const result = JSON.parse(stdout) as { steps: Array<{ writes: number }> };
    expect(result.steps.map((s) => s.writes)).toEqual([expect.any(Number), 0]);
  });
});

describe("ideas-sync replay: identity", () => {
  it("keeps the issue when a key is pinned on an existing idea, and when one of two same-titled ideas goes", async () => {
    const idea = (title: string, body: string, pin?: string) =>
      `${pin ? `; ideas-sync: key=${pin}\n` : ""}:${title}:\n\n  ${body}\n`;
    const browser = "A browser ported from another system, with its engine and user interface.";
    const first = "Port the serial driver of the first board we support, with its tests.";
    const second = "Port the network driver that the second board needs for its console.";
    const one = file(
      "one.txt",
      [
        idea("Web browser port", browser),
        idea("Port a driver", first),
        idea("Port a driver", second),
      ].join("\n"),
    );
    const two = file(
      "two.txt",
      [idea("Web browser port", browser, "web-browser"), idea("Port a driver", second)].join("\n"),
    );
    const { status, stdout } = await run("replay", one, two, "--json");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      steps: Array<{ created: number; closed: number; updated: number }>;
      issues: Array<{ number: number; key: string | null; state: string }>;
    };
    expect(result.steps[1]).toMatchObject({ created: 0, closed: 1 });
    expect(result.issues.map((i) => [i.number, i.key, i.state])).toEqual([
      [1, "web-browser", "open"],
      [2, "port-a-driver", "closed"],
      [3, "port-a-driver", "open"],
    ]);
  });
});
