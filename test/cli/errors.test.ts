/**
 * Every failure of the command line, as a user meets it in a shell: one line
 * on stderr, a documented exit status, never a stack trace.
 */
import { execFile } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, root, run } from "../support/cli.js";
import { scratchDir } from "../support/scratch-dir.js";

const scratch = scratchDir("errors");
const folder = join(scratch, "a-folder");
mkdirSync(folder);
const missing = join(scratch, "missing.txt");
const issues = join(scratch, "issues.json");
writeFileSync(issues, "[]");

/** Runs the command from the sources as a child process, as `npm run ideas-sync` does. */
function ideasSync(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/run.ts", ...argv],
      { cwd: root },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

describe("errors of the command line, through a real process", () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      "parse of a folder",
      ["parse", folder],
      /^ideas-sync parse: cannot read .*a-folder: it is a folder, not a file$/,
    ],
    [
      "parse of a missing file",
      ["parse", missing],
      /^ideas-sync parse: cannot read .*missing\.txt: no such file$/,
    ],
    [
      "plan --doc a folder",
      ["plan", "--doc", folder, "--issues", issues],
      /a-folder: it is a folder/,
    ],
    [
      "plan --issues a folder",
      ["plan", "--doc", example, "--issues", folder],
      /a-folder: it is a folder/,
    ],
    [
      "plan --config a folder",
      ["plan", "--doc", example, "--issues", issues, "--config", folder],
      /a-folder: it is a folder/,
    ],
    [
      "plan --issues missing",
      ["plan", "--doc", example, "--issues", missing],
      /missing\.txt: no such file$/,
    ],
    [
      "replay of a folder",
      ["replay", folder],
      /^ideas-sync replay: cannot read .*a-folder: it is a folder, not a file$/,
    ],
    [
      "replay --git of a missing folder",
      ["replay", "--git", missing, "--path", "x.txt"],
      /missing\.txt: no such folder$/,
    ],
    [
      "replay --git of a folder that is no repository",
      ["replay", "--git", folder, "--path", "x.txt"],
      /a-folder is not a git repository$/,
    ],
  ];
  it.each(cases)(
    "%s: one line on stderr, exit 2, no trace",
    async (_, argv, message) => {
      const { status, stdout, stderr } = await ideasSync(...argv);
      expect(status).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.split("\n")).toEqual([expect.stringMatching(message), ""]);
      expect(stderr).not.toMatch(/\n\s+at |Usage:/);
    },
    30_000,
  );

  it("replay --git with a path the repository never had says so in one line", async () => {
    const repo = join(scratch, "repo");
    mkdirSync(repo);
    const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args]);
    git("init", "-q");
    writeFileSync(join(repo, "ideas.txt"), ":Idea:\n\n  Text.\n");
    git("add", "ideas.txt");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first");
    const { status, stderr } = await ideasSync("replay", "--git", repo, "--path", "doc/ideas.txt");
    expect(status).toBe(2);
    expect(stderr).toBe(
      `ideas-sync replay: doc/ideas.txt has no history in ${repo} (give PATH relative to the repository)\n`,
    );
  }, 30_000);

  it("a wrong command line gets its one line, then the usage", async () => {
    const { status, stderr } = await ideasSync("plan", "--doc", example, "--bogus");
    expect(status).toBe(2);
    const [first, blank, usage] = stderr.split("\n");
    expect(first).toBe(
      "ideas-sync plan: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"",
    );
    expect(blank).toBe("");
    expect(usage).toMatch(/^Usage: ideas-sync plan /);
  }, 30_000);

  it("no command at all is a wrong command line: usage on stderr, exit 2", async () => {
    const { status, stdout, stderr } = await run();
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^ideas-sync: no command given\n\nUsage: ideas-sync COMMAND/);
  });

  it("a configuration with several errors is reported on one line", async () => {
    const config = join(scratch, "bad.yml");
    writeFileSync(config, "documents:\n  - path: a.txt\n    tracking-label: 7\n    format: rst\n");
    const { status, stderr } = await run(
      "plan",
      "--doc",
      example,
      "--issues",
      issues,
      "--config",
      config,
      "--path",
      "a.txt",
    );
    expect(status).toBe(2);
    expect(stderr.split("\n")).toHaveLength(2);
    expect(stderr).toMatch(/^ideas-sync plan: the configuration has errors: .*; /);
    expect(stderr).toContain("bad.yml:3: documents[0].tracking-label:");
    expect(stderr).toContain("bad.yml:4: documents[0].format:");
  });

  it("a failure nobody foresaw is one line with status 3", async () => {
    let stderr = "";
    const { main } = await import("../../src/cli/main.js");
    const status = await main(["parse", example], {
      stdout: () => {},
      stderr: (t) => void (stderr += t),
      readFile: () => Promise.resolve(null as unknown as Uint8Array),
    });
    expect(status).toBe(3);
    expect(stderr).toMatch(/^ideas-sync parse: unexpected failure: [^\n]+\n$/);
  });
});
