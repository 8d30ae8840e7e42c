/**
 * What `ideas-sync plan` tells on stderr before a plan goes wrong: issues of
 * another path, the document's problems, a document without ideas.
 */
import { describe, expect, it } from "vitest";
import { example, file, run } from "../support/cli.js";

// Issues as GitHub would list them after a sync of examples/ideas.txt at `path`.
async function syncedIssues(path: string): Promise<string> {
  const plan = JSON.parse(
    (
      await run(
        "plan",
        "--doc",
        example,
        "--issues",
        file("none.json", "[]"),
        "--path",
        path,
        "--json",
        "--repository",
        "acme/station",
      )
    ).stdout,
  ) as { actions: Array<{ type: string; title?: string; body?: string; labels?: string[] }> };
  const issues = plan.actions
    .filter((a) => a.type === "create-issue")
    .map((a, i) => ({
      number: i + 1,
      title: a.title,
      body: a.body,
      state: "open",
      state_reason: null,
      labels: (a.labels ?? []).map((name) => ({ name })),
      html_url: `https://github.com/acme/station/issues/${i + 1}`,
    }));
  expect(issues).toHaveLength(6);
  return file(`synced-${path.replace(/\W/g, "-")}.json`, JSON.stringify(issues));
}

describe("ideas-sync plan on stderr", () => {
  it("says when the issues belong to another path, and which --path to give", async () => {
    const issues = await syncedIssues("doc/ideas.txt");
    const without = await run("plan", "--doc", example, "--issues", issues, "--json");
    expect(without.stderr).toBe(
      `ideas-sync plan: the issues belong to doc/ideas.txt (6), none to ${example}, so this plan creates them again: if the document is doc/ideas.txt, give --path doc/ideas.txt\n`,
    );
    const withPath = await run(
      "plan",
      "--doc",
      example,
      "--issues",
      issues,
      "--path",
      "doc/ideas.txt",
      "--json",
    );
    expect(withPath.stderr).toBe("");
    expect(JSON.parse(withPath.stdout)).toMatchObject({ actions: [], writes: 0 });
  });

  it("says nothing about paths when no issue has a marker", async () => {
    const { stderr } = await run("plan", "--doc", example, "--issues", file("e.json", "[]"));
    expect(stderr).toBe("");
  });

  it("prints the document's diagnostics as FILE:LINE:COL: severity: message [rule]", async () => {
    const doc = file("broken.txt", ":Idea:\n\n  ; bad\n");
    const { status, stderr } = await run("plan", "--doc", doc, "--issues", file("e.json", "[]"));
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`^${doc}:3:\\d+: error: .+ \\[[a-z-]+\\]$`, "m"));
  });

  it("explains a Markdown document without ideas by its heading depths", async () => {
    const doc = file("flat.md", "# Ideas\n\n## First\n\nText.\n\n## Second\n\nMore.\n");
    const { status, stderr } = await run("plan", "--doc", doc, "--issues", file("e.json", "[]"));
    expect(status).toBe(1);
    expect(stderr.trimEnd().split("\n").at(-1)).toBe(
      `${doc}: no ideas: read as Markdown with ideas at heading depth 3 and sections at depth 2; its headings are #, ##: try --idea-depth 2 --section-depth 1, or --format gosh`,
    );
    const fixed = await run(
      "plan",
      "--doc",
      doc,
      "--issues",
      file("e.json", "[]"),
      "--idea-depth",
      "2",
      "--section-depth",
      "1",
    );
    expect(fixed.status).toBe(0);
    expect(fixed.stderr).toBe("");
  });

  it("explains a Markdown file read as GOSH", async () => {
    const doc = file("ideas.txt", "# Ideas\n\n## First\n\nText.\n");
    const { stderr } = await run("parse", doc);
    expect(stderr).toBe(
      `${doc}: no ideas: read as GOSH, where ideas are ":Title:" entries in the first column; it has Markdown headings (#, ##): try --format markdown\n`,
    );
  });
});
