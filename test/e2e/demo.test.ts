/**
 * `npm run demo`, as a new user runs it: the example history, and a folder.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { root } from "../support/cli.js";
import { GENODE } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";

const run = promisify(execFile);

async function demo(...args: string[]) {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "demo/run.ts", "--json", ...args],
    {
      cwd: root,
      maxBuffer: 1 << 26,
    },
  );
  return JSON.parse(stdout) as {
    steps: Array<{
      revision: string;
      created: number;
      closed: number;
      reopened: number;
      confirmed: string | null;
    }>;
    issues: Array<{
      number: number;
      title: string;
      state: string;
      key: string;
      section: string | null;
      labels: string[];
    }>;
  };
}

describe("npm run demo", () => {
  it("replays the example history: every kind of change, a confirmed mass removal, the last revision's ideas open", async () => {
    const result = await demo();
    expect(result.steps.map((s) => s.revision)).toEqual([
      "01-first-ideas.txt",
      "02-two-ideas-added.txt",
      "03-edit-and-retitle.txt",
      "04-move-and-remove.txt",
      "05-an-idea-comes-back.txt",
      "06-most-ideas-removed.txt",
    ]);
    expect(result.steps.map((s) => [s.created, s.closed, s.reopened])).toEqual([
      [4, 0, 0],
      [2, 0, 0],
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [0, 4, 0],
    ]);
    expect(result.steps.at(-1)?.confirmed).toMatch(/would close 4 of 6/);
    expect(result.issues.filter((i) => i.state === "open").map((i) => i.title)).toEqual([
      "reStructuredText input",
      "Settings in front matter",
    ]);
    expect(result.issues[0]).toMatchObject({
      key: "restructuredtext-input",
      section: "Reading documents",
      labels: ["idea", "Reading documents"],
    });
  }, 60_000);

  withCorpus("genode").it(
    "replays Genode's 14 revisions from a folder: revision 014's 17 ideas open, all else closed",
    async () => {
      const result = await demo("--dir", join(GENODE as string));
      expect(result.steps).toHaveLength(14);
      expect(result.steps.filter((s) => s.confirmed)).toHaveLength(3);
      expect(result.issues).toHaveLength(61);
      expect(result.issues.filter((i) => i.state === "open")).toHaveLength(17);
    },
    120_000,
  );
});
