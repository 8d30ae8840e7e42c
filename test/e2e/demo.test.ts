/**
 * `npm run demo`, as a new user runs it: the example history, and a folder.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readRevisionFolder } from "../../demo/read-revision-folder.js";
import { readDocument } from "../../src/document/read-document.js";
import { root } from "../support/cli.js";
import { GENODE, MARKDOWN_IDEAS } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";
import { scratchDir } from "../support/scratch-dir.js";

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
    dashboard: { number: number; title: string; body: string } | null;
  };
}

/** Runs the demo as a process and returns how it ended, failing or not. */
function demoProcess(
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "demo/run.ts", ...args],
      { cwd: root, maxBuffer: 1 << 26 },
      (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
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

  it("reports a wrong command line in one line, then the usage, with exit 2", async () => {
    const { status, stderr } = await demoProcess("--bogus");
    expect(status).toBe(2);
    const [first, blank, usage] = stderr.split("\n");
    expect(first).toMatch(/^demo: Unknown option '--bogus'/);
    expect(blank).toBe("");
    expect(usage).toMatch(/^Usage: npm run demo -- /);
    const depth = await demoProcess("--idea-depth", "seven");
    expect(depth.status).toBe(2);
    expect(depth.stderr.split("\n")[0]).toBe(
      'demo: --idea-depth must be a number from 0 to 6, not "seven"',
    );
  }, 60_000);

  it("reports a folder, file or repository it cannot use in exactly one line, with exit 2", async () => {
    const scratch = scratchDir("demo");
    const aFile = join(scratch, "a.txt");
    writeFileSync(aFile, "");
    const cases: Array<[string[], string]> = [
      [["--dir", join(scratch, "missing")], `demo: ${join(scratch, "missing")}: no such folder\n`],
      [["--dir", aFile], `demo: ${aFile} is a file, not a folder of revisions\n`],
      [["--git", scratch, "--path", "a.txt"], `demo: ${scratch} is not a git repository\n`],
      [
        ["--git", join(scratch, "nope"), "--path", "a.txt"],
        `demo: ${join(scratch, "nope")}: no such folder\n`,
      ],
    ];
    for (const [args, message] of cases) {
      const { status, stdout, stderr } = await demoProcess(...args);
      expect({ args, status, stdout, stderr }).toEqual({
        args,
        status: 2,
        stdout: "",
        stderr: message,
      });
    }
  }, 60_000);

  it("takes only the revision files of a folder, and keeps their extension", () => {
    const dir = scratchDir("revisions");
    mkdirSync(join(dir, "002_folder.md"));
    for (const name of ["meta.txt", "001_a.md", "003_b.md", "index.tsv", "notes.md"])
      writeFileSync(join(dir, name), name);
    const folder = readRevisionFolder(dir);
    expect(folder.revisions.map((r) => r.name)).toEqual(["001_a.md", "003_b.md"]);
    expect(folder.extension).toBe(".md");
    const unnumbered = scratchDir("revisions");
    for (const name of ["meta.txt", "README.md", "first.markdown", "second.markdown"])
      writeFileSync(join(unnumbered, name), name);
    expect(readRevisionFolder(unnumbered)).toMatchObject({
      revisions: [{ name: "first.markdown" }, { name: "second.markdown" }],
      extension: ".markdown",
    });
  });

  // The depths a user reads off each folder's meta.txt: the heading depths of
  // sections and ideas in the folder's last revision (0: no sections).
  const MARKDOWN_DEPTHS: Record<string, { section: number; idea: number }> = {
    "NixOS-GSoC": { section: 1, idea: 2 },
    "chaoss-community": { section: 0, idea: 2 },
    "cncf-mentoring": { section: 4, idea: 5 },
    "numfocus-gsoc": { section: 0, idea: 2 },
    "pencil2d-pencil2d.github.io": { section: 1, idea: 2 },
    "rust-lang-google-summer-of-code": { section: 2, idea: 3 },
  };

  withCorpus("markdown-ideas").it(
    "shows field labels and the dashboard: Pencil2D's ideas labelled by difficulty, each listed with its issue",
    async () => {
      const result = await demo(
        "--dir",
        join(MARKDOWN_IDEAS as string, "pencil2d-pencil2d.github.io"),
        "--section-depth",
        "1",
        "--idea-depth",
        "2",
      );
      const open = result.issues.filter((i) => i.state === "open");
      expect(open).toHaveLength(10);
      // Revision 008: Easy 3, Intermediate 4, Hard 3.
      const difficulty = open.flatMap((i) => i.labels.filter((l) => l.startsWith("difficulty: ")));
      expect(difficulty.sort()).toEqual([
        ...Array(3).fill("difficulty: easy"),
        ...Array(3).fill("difficulty: hard"),
        ...Array(4).fill("difficulty: medium"),
      ]);
      expect(result.dashboard?.title).toBe("Pencil2D Project Ideas");
      for (const issue of open)
        expect(result.dashboard?.body).toContain(`| #${issue.number} | open |`);
      expect(result.issues.map((i) => i.number)).not.toContain(result.dashboard?.number);
    },
    180_000,
  );

  for (const name of Object.keys(MARKDOWN_DEPTHS))
    withCorpus("markdown-ideas").it(
      `replays the Markdown corpus folder ${name} with its depths: the last revision's ideas open`,
      async () => {
        const dir = join(MARKDOWN_IDEAS as string, name);
        const { section, idea } = MARKDOWN_DEPTHS[name] as { section: number; idea: number };
        const folder = readRevisionFolder(dir);
        const files = folder.revisions.map((r) => r.name);
        expect(files).not.toContain("meta.txt");
        const result = await demo(
          "--dir",
          dir,
          "--section-depth",
          String(section),
          "--idea-depth",
          String(idea),
        );
        expect(result.steps.map((s) => s.revision)).toEqual(files);
        const last = readDocument(readFileSync(join(dir, files.at(-1) as string)), {
          format: "markdown",
          sectionDepth: section,
          ideaDepth: idea,
        });
        const wanted = last.sections.flatMap((s) => s.ideas.map((i) => i.key)).sort();
        expect(wanted.length).toBeGreaterThan(0);
        expect(
          result.issues
            .filter((i) => i.state === "open")
            .map((i) => i.key)
            .sort(),
        ).toEqual(wanted);
      },
      180_000,
    );
});
