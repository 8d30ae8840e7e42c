/**
 * `npm run demo`: the emulator and the app, a document's history replayed as
 * pushes, and what happened.
 */
import { statSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator/server.js";
import { startApp } from "../emulator/start-app.js";
import { DataError } from "../src/cli/data-error.js";
import { readGitRevisions } from "../src/cli/read-git-revisions.js";
import { documentOptionsFromFlags } from "../src/cli/resolve-document-options.js";
import { UsageError } from "../src/cli/usage-error.js";
import { parseConfig } from "../src/config/parse-config.js";
import { readDocument } from "../src/document/read-document.js";
import { documentOptions } from "../src/config/document-options.js";
import type { Revision } from "../src/replay/replay-history.js";
import { readRevisionFolder } from "./read-revision-folder.js";
import { replayThroughApp, type DemoStep } from "./replay-through-app.js";

const USAGE = `Usage: npm run demo -- [--dir DIR | --git REPO --path PATH] [--serve] [--json]
                        [--format auto|gosh|markdown] [--section-depth N] [--idea-depth N]

Starts a local GitHub (the emulator) and the app, pushes each revision of an
ideas document, and shows what the app did with the issues.
  (nothing)          the project's own example history, examples/history/
  --dir DIR          the .txt, .md or .markdown files in DIR, in name order (only
                     the numbered ones, 001_..., when there are such; never meta.txt)
  --git REPO         every revision of --path PATH in the git repository REPO
  --path PATH        the document's path in the pushed repository
                     (default with --dir: doc/ideas with the revisions' extension)
  --format, --section-depth, --idea-depth
                     how to read the document, as for ideas-sync parse; written
                     to the .github/ideas-sync.yml the demo pushes
  --serve            keep running afterwards, with a web page of the issues
  --json             print {"steps": [...], "issues": [...]} instead of text
Exit status: 0 when the issues match the last revision, 1 when they do not,
2 for a wrong command line or a DIR, REPO or PATH that cannot be read,
3 for an unexpected failure.
`;

const root = fileURLToPath(new URL("..", import.meta.url));
let values: {
  dir?: string;
  git?: string;
  path?: string;
  format?: string;
  "section-depth"?: string;
  "idea-depth"?: string;
  serve: boolean;
  json: boolean;
  help: boolean;
};
try {
  values = parseArgs({
    options: {
      dir: { type: "string" },
      git: { type: "string" },
      path: { type: "string" },
      format: { type: "string" },
      "section-depth": { type: "string" },
      "idea-depth": { type: "string" },
      serve: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
} catch (error) {
  // An unknown option or a stray argument: the command line is wrong.
  usageError((error as Error).message);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const progress = (text: string) => {
  if (!values.json) process.stderr.write(text);
};

let revisions: Revision[] = [];
let path = "";
let config = "";
try {
  if (values.git) {
    if (!values.path) usageError("--git needs --path PATH, the document's path in that repository");
    if (values.dir) usageError("give either --dir or --git, not both");
    path = values.path;
    revisions = await readGitRevisions(values.git, path);
  } else {
    const dir = values.dir ?? join(root, "examples/history");
    const info = statSync(dir, { throwIfNoEntry: false });
    if (!info) dataError(`${dir}: no such folder`);
    if (!info.isDirectory()) dataError(`${dir} is a file, not a folder of revisions`);
    const folder = readRevisionFolder(dir);
    if (folder.revisions.length === 0) dataError(`${dir} holds no .txt, .md or .markdown file`);
    revisions = folder.revisions;
    path = values.path ?? `doc/ideas${folder.extension}`;
  }
  // Checked as the command line checks them, so that a wrong depth is a
  // usage error here rather than a configuration error in the app.
  documentOptionsFromFlags(values, path);
  config = demoConfig(path, values);
} catch (error) {
  if (error instanceof UsageError) usageError(error.message);
  if (error instanceof DataError) dataError(error.message);
  unexpected(error);
}

progress(`Starting a local GitHub and the app ...\n`);
const github = await startEmulator();
const app = await startApp(github);
const stop = async () => {
  await app.stop();
  await github.close();
};
try {
  const repository = github.emulator.repository("demo", "ideas");
  progress(`Pushing ${revisions.length} revisions of ${path} to ${repository.fullName}:\n\n`);
  const result = await replayThroughApp(
    github,
    app,
    repository,
    revisions,
    { path, config },
    (step, index) => progress(describeStep(step, index, revisions.length)),
  );
  // What the last revision says should be open, read by the same core.
  const parsed = parseConfig(config);
  if (!parsed.ok) throw new Error("the demo's configuration is invalid");
  const settings = parsed.config.documents[0] as (typeof parsed.config.documents)[0];
  const options = documentOptions(settings);
  if (!options.ok) throw new Error(options.message);
  const last = readDocument((revisions.at(-1) as Revision).content, options.options);
  const wanted = last.sections.flatMap((s) => s.ideas.map((idea) => idea.key)).sort();
  const open = result.issues.filter((i) => i.state === "open");
  const matches =
    JSON.stringify(open.map((i) => i.key).sort()) === JSON.stringify(wanted) &&
    github.emulator.violations.length === 0;
  if (values.json) {
    process.stdout.write(
      JSON.stringify(
        { steps: result.steps, issues: result.issues, dashboard: result.dashboard },
        null,
        2,
      ) + "\n",
    );
  } else {
    process.stdout.write(`\n${table(result.issues)}\n`);
    if (result.dashboard)
      process.stdout.write(
        `\nThe dashboard, issue #${result.dashboard.number} "${result.dashboard.title}":\n\n${dashboardText(result.dashboard.body)}\n\n`,
      );
    process.stdout.write(
      matches
        ? `The issues match the last revision: its ${wanted.length} ideas have their issues open, and the ${plural(result.issues.length - open.length, "issue")} of removed ideas ${result.issues.length - open.length === 1 ? "is" : "are"} closed.\n`
        : `The issues do NOT match the last revision: ${open.length} open, ${wanted.length} ideas.${github.emulator.violations.length ? ` GitHub's API description was not met:\n  ${github.emulator.violations.slice(0, 5).join("\n  ")}` : ""}\n`,
    );
  }
  if (values.serve) {
    progress(`\nThe issues are at ${github.url}/ (read-only). Press Ctrl-C to stop.\n`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    });
  }
  process.exitCode = matches ? 0 : 1;
} catch (error) {
  unexpected(error);
} finally {
  await stop();
}

function describeStep(step: DemoStep, index: number, total: number): string {
  const counts = (
    [
      ["created", step.created],
      ["updated", step.updated],
      ["closed", step.closed],
      ["reopened", step.reopened],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${n} ${word}`)
    .join(", ");
  const confirmed = step.confirmed
    ? `    blocked: ${step.confirmed}\n    confirmed by pressing the check run's Confirm button\n`
    : "";
  const dashboard = step.dashboard ? `; dashboard ${step.dashboard}` : "";
  return `[${index + 1}/${total}] ${basename(step.revision)} (${step.sha.slice(0, 7)}): ${counts || "no issue changed"}${dashboard}\n${confirmed}    check run: ${step.outcome}; ${step.requests} API requests\n`;
}

function table(issues: Awaited<ReturnType<typeof replayThroughApp>>["issues"]): string {
  const rows = issues.map((i) => [`#${i.number}`, i.state, i.title, i.labels.join(", ")]);
  const header = ["issue", "state", "title", "labels"];
  const widths = header.map((h, c) =>
    Math.min(60, Math.max(h.length, ...rows.map((r) => (r[c] as string).length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) =>
        cell.length > (widths[c] as number)
          ? cell.slice(0, (widths[c] as number) - 1) + "…"
          : cell.padEnd(widths[c] as number),
      )
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

// The dashboard's list as its body holds it, without the marker lines, indented.
function dashboardText(body: string): string {
  return body
    .split("\n")
    .filter((line) => !line.includes("ideas-sync:dashboard-"))
    .map((line) => (line === "" ? "" : `  ${line}`))
    .join("\n");
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// The .github/ideas-sync.yml the demo pushes: the document, how to read it
// when the command line says, and field labels for difficulty and size
// (keys as docs/configuration.md lists them).
function demoConfig(
  path: string,
  flags: { format?: string; "section-depth"?: string; "idea-depth"?: string },
): string {
  const lines = ["documents:", `  - path: ${JSON.stringify(path)}`];
  if (flags.format) lines.push(`    format: ${flags.format}`);
  if (flags["section-depth"]) lines.push(`    section-depth: ${Number(flags["section-depth"])}`);
  if (flags["idea-depth"]) lines.push(`    idea-depth: ${Number(flags["idea-depth"])}`);
  // Labels from the fields ideas lists write most: how hard, how long.
  lines.push(
    "    field-labels:",
    "      - field: [Difficulty, Intensity]",
    '        label: "difficulty: {value}"',
    "        values: { easy: easy, low: easy, light: easy, intermediate: medium, medium: medium, hard: hard, high: hard, advanced: hard }",
    "      - field: [Effort, Hours, Project size, Expected project size, Size]",
    '        label: "size: {value}"',
    '        values: { small: small, "90": small, medium: medium, "175": medium, large: large, "350": large }',
  );
  return lines.join("\n") + "\n";
}

// A wrong command line: one line saying what is wrong, then the usage.
function usageError(message: string): never {
  process.stderr.write(`demo: ${message}\n\n${USAGE}`);
  process.exit(2);
}

// Input that cannot be used: one line, no usage (the command line was fine).
function dataError(message: string): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(2);
}

// A bug: still one line rather than a stack trace.
function unexpected(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`demo: unexpected failure: ${message.replace(/\s*\n\s*/g, "; ")}\n`);
  process.exit(3);
}
