/**
 * The project's example history shows every kind of change a sync makes.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, run } from "../support/cli.js";

const dir = join(root, "examples/history");
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".txt"))
  .sort()
  .map((file) => join(dir, file));

describe("examples/history", () => {
  it("reads without a problem in any revision", async () => {
    for (const file of files)
      expect((await run("parse", file)).stdout).toContain("0 errors, 0 warnings");
  });

  it("adds, edits, retitles, moves, removes, brings back, and removes most ideas at once", async () => {
    const { status, stdout } = await run(
      "replay",
      ...files,
      "--path",
      "doc/ideas.txt",
      "--force",
      "--json",
    );
    expect(status).toBe(0);
    const { steps, issues } = JSON.parse(stdout) as {
      steps: Array<{
        created: number;
        updated: number;
        closed: number;
        reopened: number;
        renamed: number;
        blocked: boolean;
      }>;
      issues: Array<{ state: string; title: string; section: string }>;
    };
    expect(
      steps.map(({ created, updated, closed, reopened, renamed, blocked }) => [
        created,
        updated,
        closed,
        reopened,
        renamed,
        blocked,
      ]),
    ).toEqual([
      [4, 0, 0, 0, 0, false],
      [2, 0, 0, 0, 0, false],
      [0, 2, 0, 0, 1, false],
      [0, 1, 1, 0, 0, false],
      [0, 0, 0, 1, 0, false],
      [0, 0, 4, 0, 0, true],
    ]);
    expect(issues.filter((issue) => issue.state === "open").map((issue) => issue.title)).toEqual([
      "reStructuredText input",
      "Settings in front matter",
    ]);
  });

  it("stops at the mass removal until it is confirmed", async () => {
    const { status, stdout } = await run("replay", ...files, "--path", "doc/ideas.txt");
    expect(status).toBe(1);
    expect(stdout).toContain("BLOCKED: this sync would close 4 of 6 open idea issues");
    expect(stdout).toContain("6 issues: 6 open, 0 closed");
  });
});
