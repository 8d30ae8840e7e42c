/**
 * `ideas-sync parse`: output, JSON shape and exit status.
 */
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { documentJson } from "../../src/cli/document-json.js";
import { readDocument } from "../../src/document/read-document.js";
import type { DocumentOptions } from "../../src/document/types.js";
import { generateGoshDocument } from "../../bench/generate-gosh-document.js";
import { genodeRevisions } from "../support/corpus.js";
import { example, file, root, run } from "../support/cli.js";
import { withCorpus } from "../support/with-corpus.js";
import { unresolvedReferences } from "../support/unresolved-references.js";

describe("ideas-sync parse", () => {
  it("lists sections and ideas with lines and keys", async () => {
    const { status, stdout, stderr } = await run("parse", example);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain(
      `${example}: GOSH document "Ideas for the future of ideas-sync", 6 ideas in 2 sections`,
    );
    expect(stdout).toMatch(/^Reading documents$/m);
    expect(stdout).toMatch(/^ {2}19-25 +reStructuredText input {2}\[restructuredtext-input\]$/m);
    expect(stdout).toMatch(
      /^ {2}40-42 +Settings in front matter {2}\[front-matter-defaults, pinned\]$/m,
    );
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("0 errors, 0 warnings");
  });

  it("shows each idea's fields under it, and in the JSON", async () => {
    const path = file(
      "fields.md",
      "## Tools\n\n### Lasso\n\n**Difficulty:** Easy\n\n- Mentor(s): Ann\n\n### Plain\n\nNo fields.\n",
    );
    const { status, stdout } = await run("parse", path);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^ {2}3-7 +Lasso {2}\[lasso\]\n {14}5 +Difficulty: Easy\n {14}7 +Mentor\(s\): Ann\n {2}9-11 /m,
    );
    const json = JSON.parse((await run("parse", path, "--json")).stdout) as {
      sections: Array<{ ideas: Array<{ fields: unknown }> }>;
    };
    expect(json.sections[0]?.ideas.map((idea) => idea.fields)).toEqual([
      [
        { name: "Difficulty", value: "Easy", line: 5 },
        { name: "Mentor(s)", value: "Ann", line: 7 },
      ],
      [],
    ]);
  });

  it("prints diagnostics as FILE:LINE:COL: severity: message [rule] and exits 1 on errors", async () => {
    const path = file(
      "broken.txt",
      "Chapter\n#######\n\n:Idea:\n\n  Text\n  ; indented comment\n  [not a link]\n",
    );
    const { status, stdout } = await run("parse", path);
    expect(status).toBe(1);
    expect(stdout).toContain(`${path}:7:3: error: an indented comment`);
    expect(stdout).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:8:3: warning: .* \\[unresolved-reference\\]$`,
        "m",
      ),
    );
    expect(stdout).toContain("1 error, 1 warning");
  });

  it("exits 0 with warnings only", async () => {
    const { status } = await run(
      "parse",
      file("warn.txt", "Chapter\n#######\n\n:Idea:\n\nUnindented body.\n"),
    );
    expect(status).toBe(0);
  });

  // parse loads remark's writer only when a body needs it, reading a GOSH
  // document again if one does: the ideas are the same either way.
  const expectAsReadDocument = async (path: string, options: DocumentOptions): Promise<void> => {
    const { status, stdout } = await run("parse", path, "--json", "--format", options.format);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(documentJson(readDocument(readFileSync(path), options)));
  };

  it("reads what readDocument reads, whether or not a body needs remark's writer", async () => {
    const direct = ":Plain:\n\n  Text with a [https://x.org/a(b) link]!\n\n  * one\n  * two\n";
    const nested = ":Nested:\n\n  * one\n\n    * deeper\n";
    for (const [name, text] of [
      ["direct.txt", `Ideas\n#####\n\n${direct}`],
      ["nested-last.txt", `Ideas\n#####\n\n${direct}\n${nested}`],
      ["nested-first.txt", `Ideas\n#####\n\n${nested}\n${direct}`],
    ] as const)
      await expectAsReadDocument(file(name, text), { format: "gosh" });
    // Past a megabyte, the writer is loaded first.
    const large = file("large.txt", generateGoshDocument(2500));
    expect(readFileSync(large).length).toBeGreaterThan(1 << 20);
    await expectAsReadDocument(large, { format: "gosh" });
  });

  withCorpus("genode").it("reads every Genode revision as readDocument does", async () => {
    for (const revision of genodeRevisions())
      await expectAsReadDocument(revision.path, { format: "gosh" });
  });

  it("prints exactly the documented JSON shape with --json", async () => {
    const { status, stdout } = await run("parse", example, "--json");
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown> & {
      sections: Array<{ title: string | null; ideas: Array<Record<string, unknown>> }>;
    };
    expect(Object.keys(json)).toEqual(["title", "format", "sections", "diagnostics"]);
    expect(json.title).toBe("Ideas for the future of ideas-sync");
    expect(json.format).toBe("gosh");
    expect(json.sections.map((s) => s.title)).toEqual(["Reading documents", "Working with issues"]);
    const idea = json.sections[0]?.ideas[0] as Record<string, unknown>;
    expect(Object.keys(idea)).toEqual([
      "key",
      "title",
      "line",
      "endLine",
      "markdown",
      "hash",
      "fields",
    ]);
    expect(idea).toMatchObject({
      key: "restructuredtext-input",
      title: "reStructuredText input",
      line: 19,
      endLine: 25,
    });
    expect(idea.markdown).toContain(
      "[reStructuredText specification](https://docutils.sourceforge.io/rst.html)",
    );
    expect(idea.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("puts diagnostics in the JSON, and ideas before any section under a null title", async () => {
    const path = file(
      "early.txt",
      ":Early:\n\n  [no link]\n\nChapter\n#######\n\n:Late:\n\n  Body.\n",
    );
    const json = JSON.parse((await run("parse", path, "--json")).stdout) as {
      sections: Array<{ title: string | null; ideas: Array<{ key: string }> }>;
      diagnostics: Array<Record<string, unknown>>;
    };
    expect(json.sections.map((s) => [s.title, s.ideas.map((i) => i.key)])).toEqual([
      [null, ["early"]],
      ["Chapter", ["late"]],
    ]);
    expect(json.diagnostics).toEqual([
      {
        line: 3,
        column: 3,
        severity: "warning",
        rule: "unresolved-reference",
        message: expect.any(String),
      },
    ]);
  });

  it("reads .md files as Markdown, with depths from the options", async () => {
    const path = file(
      "ideas.md",
      "# Title\n\n## Section\n\n### Idea\n\nBody.\n\n#### Deep idea\n\nText.\n",
    );
    const byDefault = JSON.parse((await run("parse", path, "--json")).stdout) as {
      format: string;
      sections: unknown[];
    };
    expect(byDefault.format).toBe("markdown");
    expect(byDefault.sections).toMatchObject([{ title: "Section", ideas: [{ key: "idea" }] }]);
    const deeper = JSON.parse((await run("parse", path, "--json", "--idea-depth", "4")).stdout) as {
      sections: unknown[];
    };
    expect(deeper.sections).toMatchObject([{ title: "Idea", ideas: [{ key: "deep-idea" }] }]);
    const flat = JSON.parse(
      (await run("parse", path, "--json", "--idea-depth", "3", "--section-depth", "0")).stdout,
    ) as {
      sections: unknown[];
    };
    expect(flat.sections).toMatchObject([{ title: null, ideas: [{ key: "idea" }] }]);
    const forced = JSON.parse((await run("parse", path, "--json", "--format", "gosh")).stdout) as {
      format: string;
    };
    expect(forced.format).toBe("gosh");
  });

  it.each([
    [["parse"], /exactly one FILE/],
    [["parse", example, "--format", "rst"], /--format must be auto, gosh or markdown/],
    [["parse", example, "--idea-depth", "3"], /--idea-depth applies to Markdown only/],
    [["parse", example, "--section-depth", "7"], /--section-depth for GOSH must be/],
    [
      ["parse", "x.md", "--section-depth", "3", "--idea-depth", "3"],
      /--section-depth must be 0 .* or less than the idea depth/,
    ],
    [["parse", "x.md", "--idea-depth", "many"], /--idea-depth must be a number/],
    [["parse", example, "--colour"], /Unknown option '--colour'/],
    [
      ["parse", join(dirname(file("present.txt", "")), "missing.txt")],
      /cannot read .*missing\.txt: no such file/,
    ],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("exits 2 for %j", async (argv, message) => {
    const { status, stdout, stderr } = await run(...argv);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("prints help with exit 0", async () => {
    expect(await run("parse", "--help")).toMatchObject({
      status: 0,
      stdout: expect.stringContaining("Usage: ideas-sync parse FILE"),
    });
    expect(await run("--help")).toMatchObject({
      status: 0,
      stdout: expect.stringContaining("Commands:"),
    });
  });

  it("lists 50 of a repeated diagnostic, one line for the rest, and totals of all, as a process", async () => {
    const exec = promisify(execFile);
    const path = file("references.txt", unresolvedReferences(70));
    const command = [process.execPath, "--import", "tsx", "src/cli/run.ts", "parse", path];
    const { stdout } = await exec(command[0] as string, command.slice(1), { cwd: root });
    const lines = stdout.split("\n").filter((line) => line.endsWith("[unresolved-reference]"));
    expect(lines).toHaveLength(51);
    expect(lines.slice(0, 50).every((line) => line.includes("[nowhere "))).toBe(true);
    expect(lines[50]).toMatch(
      /: warning: 20 more of these are not listed \[unresolved-reference\]$/,
    );
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("0 errors, 70 warnings");
    const json = await exec(command[0] as string, [...command.slice(1), "--json"], { cwd: root });
    const { diagnostics } = JSON.parse(json.stdout) as { diagnostics: Array<{ omitted?: number }> };
    expect(diagnostics).toHaveLength(51);
    expect(diagnostics.map((d) => d.omitted).filter((n) => n !== undefined)).toEqual([20]);
  });

  it("runs as a process with the exit status of the command", async () => {
    const exec = promisify(execFile);
    const { stdout } = await exec(
      process.execPath,
      ["--import", "tsx", "src/cli/run.ts", "parse", "examples/ideas.txt"],
      { cwd: root },
    );
    expect(stdout).toContain("6 ideas in 2 sections");
    const broken = file("process.txt", ":Idea:\n\n  ; bad\n");
    await expect(
      exec(process.execPath, ["--import", "tsx", "src/cli/run.ts", "parse", broken], { cwd: root }),
    ).rejects.toMatchObject({ code: 1 });
  });
});
